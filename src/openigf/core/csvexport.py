"""The one way the project writes CSV: every export goes through :func:`csv_write`.

A spreadsheet reads a cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return, which some strip before reading) as a formula, so ``=HYPERLINK(...)`` typed into a
proposal title would come out live in the file the Secretariat opens. As OWASP advises, such a
text cell is written with a leading apostrophe: the spreadsheet shows the text as typed. Numbers
stay numbers (``-3`` as an integer is not touched). :func:`csv_unescape` undoes the prefix when
the project reads its own files back.
"""

import csv
import io
from collections.abc import Iterable

from django.http import HttpResponse

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """The value as it is safe to write: ``None`` empty, a formula-like text neutralised."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_unescape(value: str) -> str:
    """Read back a cell :func:`csv_cell` wrote (``'=1+1`` -> ``=1+1``)."""
    if value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def csv_write(out, header: Iterable, rows: Iterable[Iterable], **options) -> None:
    """Write ``header`` then ``rows`` to the file-like ``out``, every cell through
    :func:`csv_cell`. ``options`` go to :func:`csv.writer` (``lineterminator``, ...)."""
    writer = csv.writer(out, **options)
    writer.writerow([csv_cell(v) for v in header])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])


def csv_text(header: Iterable, rows: Iterable[Iterable], **options) -> str:
    out = io.StringIO()
    csv_write(out, header, rows, **options)
    return out.getvalue()


def csv_response(filename: str, header: Iterable, rows: Iterable[Iterable]) -> HttpResponse:
    """A download named ``filename``, written row by row into the response."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    csv_write(response, header, rows)
    return response
