# The README's two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(abspath $(VENV))/bin
# The demo runs on the embedded default: SQLite, tasks inline, mail printed to the console.
DEMO_ENV := DEBUG=true DATABASE_URL=sqlite:///$(CURDIR)/var/demo.sqlite3 TASKS_INLINE=true \
	EMAIL_URL=consolemail:// REDIS_URL=
PYTEST_ARGS ?=

.PHONY: demo test install messages lint format

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "openigf needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

messages: $(VENV)/.installed
	cd src/openigf && $(DEMO_ENV) $(BIN)/openigf compilemessages --verbosity 0

demo: messages
	$(DEMO_ENV) $(BIN)/openigf migrate --noinput
	$(DEMO_ENV) $(BIN)/openigf load_demo
	@echo "openigf is at http://127.0.0.1:8000/igf/2019/ (Ctrl-C stops it)"
	$(DEMO_ENV) $(BIN)/openigf runserver 127.0.0.1:8000

test: $(VENV)/.installed-test messages
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix src tests bench
