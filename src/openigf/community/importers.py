"""CSV in and out of the improvements tracker. Import is all or nothing: every line is
checked before anything is written, and each error names its line."""

import csv
import io

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from openigf.community.enums import Cost, ImprovementCategory, ImprovementStatus
from openigf.community.models import Recommendation
from openigf.core.csvexport import csv_text, csv_unescape

COLUMNS = ["recommendation", "category", "tags", "source", "reference", "responsible", "cost",
           "status", "remark"]
REQUIRED = ["recommendation", "category", "source", "reference"]
MAX_ERRORS = 20


class ImportFailed(Exception):
    def __init__(self, errors: list[tuple[int, str]]):
        self.errors = errors
        super().__init__("; ".join(f"line {n}: {m}" for n, m in errors))


def _choice(value: str, choices, default=None):
    """A value given as its code or its English label, in any case."""
    value = value.strip()
    if not value and default is not None:
        return default
    lowered = value.lower()
    with translation.override("en"):
        for code, label in choices.choices:
            if lowered in (code, str(label).lower()):
                return code
    raise ValueError(value)


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFailed([(1, _("The file is not UTF-8 text; save it as “CSV UTF-8”."))]) \
            from None


def _row(line: int, raw: dict, seen: dict) -> tuple[dict | None, list]:
    errors = []
    get = {c: csv_unescape((raw.get(c) or "").strip()) for c in COLUMNS}
    for column in REQUIRED:
        if not get[column]:
            errors.append((line, _("the column “%(c)s” is empty.") % {"c": column}))
    values = {}
    for column, enum, default in (("category", ImprovementCategory, None),
                                  ("cost", Cost, Cost.UNKNOWN),
                                  ("status", ImprovementStatus, ImprovementStatus.NOT_STARTED)):
        if column == "category" and not get[column]:
            continue
        try:
            values[column] = _choice(get[column], enum, default)
        except ValueError:
            errors.append((line, _("“%(v)s” is not a known %(c)s (use one of: %(ok)s).") % {
                "v": get[column], "c": column, "ok": ", ".join(enum.values)}))
    reference = get["reference"]
    if reference and reference in seen:
        errors.append((line, _("the reference “%(r)s” is also on line %(n)s.")
                       % {"r": reference, "n": seen[reference]}))
    seen.setdefault(reference, line)
    row = {"text": get["recommendation"], "source": get["source"], "reference": reference,
           "responsible": get["responsible"], "remark": get["remark"],
           "tags": [t.strip() for t in get["tags"].split(";") if t.strip()], **values}
    if not errors:
        try:
            Recommendation(**{k: v for k, v in row.items() if k != "tags"}).full_clean(
                exclude=["forum"], validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            errors += [(line, f"{field}: {' '.join(msgs)}")
                       for field, msgs in exc.message_dict.items()]
    return (None if errors else row), errors


def parse_recommendations(data: bytes | str) -> list[dict]:
    """Check a whole sheet; return its rows or raise :class:`ImportFailed` naming each bad
    line (line 1 is the header)."""
    reader = csv.DictReader(io.StringIO(_decode(data)))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportFailed([(1, _("the header lacks the columns: %(c)s (expected: %(all)s).")
                             % {"c": ", ".join(missing), "all": ", ".join(COLUMNS)})])
    reader.fieldnames = header
    rows, errors, seen = [], [], {}
    for raw in reader:
        if not any((v or "").strip() for v in raw.values() if isinstance(v, str)):
            continue
        row, row_errors = _row(reader.line_num, raw, seen)
        errors += row_errors
        if row:
            rows.append(row)
        if len(errors) >= MAX_ERRORS:
            break
    if errors:
        raise ImportFailed(errors)
    if not rows:
        raise ImportFailed([(1, _("The file holds no recommendation."))])
    return rows


def export_recommendations(recommendations) -> str:
    """The tracker as CSV with the sheet's columns (choices as their codes, tags joined by
    “; ”), readable again by :func:`parse_recommendations`."""
    return csv_text(COLUMNS, ([r.text, r.category,
                               "; ".join(sorted(t.name for t in r.tags.all())), r.source,
                               r.reference, r.responsible, r.cost, r.status, r.remark]
                              for r in recommendations), lineterminator="\n")
