"""The import order of docs/architecture.md holds (import-linter contracts in pyproject.toml,
also run by ``make test``): algorithms import no Django, an app imports only earlier apps,
layers inside an app import only the layers below them, and no package has an import cycle."""

import pathlib
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def lint_imports() -> subprocess.CompletedProcess:
    command = shutil.which("lint-imports", path=str(pathlib.Path(sys.executable).parent))
    return subprocess.run([command, "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                          env={"PATH": str(pathlib.Path(sys.executable).parent),
                               "PYTHONPATH": str(ROOT / "src")}, timeout=300)


def test_every_import_contract_is_kept():
    result = lint_imports()
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout


def test_the_contracts_name_each_documented_rule():
    text = (ROOT / "pyproject.toml").read_text()
    for contract in ("algorithms-pure", "apps-order", "app-layers", "no-cycles"):
        assert f'id = "{contract}"' in text
