"""Session kinds are named by their enum (``forums.enums.SessionKind``), never spelled out as
strings in the code, so that renaming or adding a kind cannot miss a place."""

import re
from pathlib import Path

from openigf.forums.enums import SessionKind

SRC = Path(__file__).resolve().parents[2] / "src" / "openigf"


def test_no_code_spells_a_session_kind_as_a_string():
    kinds = "|".join(SessionKind.values)
    literal = re.compile(r"""(["'])(""" + kinds + r""")\1""")
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if "migrations" in path.parts or path == SRC / "forums" / "enums.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if literal.search(line):
                found.append(f"{path.relative_to(SRC)}:{number}: {line.strip()}")
    assert found == []
