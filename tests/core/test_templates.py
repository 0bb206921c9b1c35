"""Templates show dates and times one way: the ``when`` filters (edition's zone, labelled, one
format per language)."""

import re
from pathlib import Path

import openigf

ROOT = Path(openigf.__file__).parent
# Django's own date and time filters; a year alone and machine values of inputs are fine.
RAW = re.compile(r"\|(date|time|timezone)(?::(?P<fmt>\"[^\"]*\"|'[^']*'))?")
ALLOWED_FORMATS = {'"Y"', "'Y-m-d'"}
# The public agenda and session pages are kept by the programme's public pages; the API's
# token list is a person's own, not an edition's.
ELSEWHERE = {"programme/templates/programme/agenda.html",
             "programme/templates/programme/session.html", "api/templates/api/tokens.html"}


def test_templates_format_dates_and_times_with_the_when_filters():
    raw = []
    for path in sorted(ROOT.glob("*/templates/**/*")):
        name = str(path.relative_to(ROOT))
        if path.suffix not in (".html", ".txt") or name in ELSEWHERE:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            raw += [f"{name}:{n}: {m.group(0)}" for m in RAW.finditer(line)
                    if m.group("fmt") not in ALLOWED_FORMATS]
    assert raw == []
