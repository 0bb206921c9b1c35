# The README's two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(abspath $(VENV))/bin
# The demo runs on the embedded default: SQLite, tasks inline, mail printed to the console.
DEMO_ENV := DEBUG=true DATABASE_URL=sqlite:///$(CURDIR)/var/demo.sqlite3 TASKS_INLINE=true \
	EMAIL_URL=consolemail:// REDIS_URL=
PYTEST_ARGS ?=
UV_VERSION := 0.13.9
# One lock for Python 3.11 and newer on every platform, with hashes; pip installs it.
LOCK_OPTIONS := --universal --python-version 3.11 --generate-hashes --quiet \
	--custom-compile-command "make lock"
LOCK_FLAGS ?=

.PHONY: demo test install fonts messages messages-update lint format lock coverage

# Installs take the exact versions of the lock files (written by `make lock` from the bounds in
# pyproject.toml); `pip check` stops here when pyproject.toml asks for what the lock lacks.
$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "openigf needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	$(BIN)/pip check || (echo "The lock files miss what pyproject.toml asks for: run make lock"; exit 1)
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.lock
	$(BIN)/pip install --quiet --require-hashes -r requirements-test.lock
	$(BIN)/pip check || (echo "The lock files miss what pyproject.toml asks for: run make lock"; exit 1)
	touch $@

# Write the lock files again after changing the dependencies in pyproject.toml. Versions already
# locked are kept where they still fit; `make lock LOCK_FLAGS=--upgrade` takes the newest.
lock:
	test -x $(BIN)/uv || { $(PYTHON) -m venv $(VENV) && $(BIN)/pip install --quiet uv==$(UV_VERSION); }
	$(BIN)/uv pip compile pyproject.toml --extra test $(LOCK_OPTIONS) $(LOCK_FLAGS) \
		-o requirements-test.lock
	$(BIN)/uv pip compile pyproject.toml -c requirements-test.lock $(LOCK_OPTIONS) $(LOCK_FLAGS) \
		-o requirements.lock

install: $(VENV)/.installed

# The PDFs (Chair's Summary, badges, certificates) set Arabic and Chinese in Debian's Noto fonts;
# installed when missing and this user may (root with apt-get), otherwise named.
fonts:
	@fc-list 2>/dev/null | grep -q "Noto Naskh Arabic" && fc-list :lang=zh-cn | grep -q . || \
	{ if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-core fonts-noto-cjk \
	      >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	      apt-get install -y -qq fonts-noto-core fonts-noto-cjk >/dev/null); \
	  else echo "PDFs in Arabic and Chinese need the fonts-noto-core and fonts-noto-cjk packages"; fi; }

messages: $(VENV)/.installed fonts
	cd src/openigf && $(DEMO_ENV) $(BIN)/openigf compilemessages --verbosity 0

# Gather the strings of the source into the five catalogues (new ones untranslated, changed
# ones fuzzy) for translating; the suite fails until every entry is translated.
messages-update: $(VENV)/.installed
	cd src/openigf && $(DEMO_ENV) $(BIN)/openigf makemessages --all --no-obsolete --verbosity 0

demo: messages
	$(DEMO_ENV) $(BIN)/openigf migrate --noinput
	$(DEMO_ENV) $(BIN)/openigf load_demo
	@echo "openigf is at http://127.0.0.1:8000/igf/2019/ (Ctrl-C stops it)"
	$(DEMO_ENV) $(BIN)/openigf runserver 127.0.0.1:8000

test: $(VENV)/.installed-test messages
	$(BIN)/ruff check src tests bench
	$(BIN)/lint-imports
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench
	$(BIN)/lint-imports

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix src tests bench
