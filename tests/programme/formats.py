"""Validators of the exchange formats, for tests: the C3VOC XML Schema and JSON Schema (from
shared/data) and the rules of RFC 5545 that calendar programs trip on."""

import json
import re
from functools import cache

import jsonschema

from conftest import shared_data_dir


@cache
def _xsd():
    from lxml import etree  # noqa: PLC0415 heavy (lxml), loaded only when used

    return etree.XMLSchema(etree.parse(str(shared_data_dir() / "schemas" / "c3voc" /
                                           "schedule.xml.xsd")))


@cache
def _json_validator():
    schema = json.loads((shared_data_dir() / "schemas" / "c3voc" / "schema.json").read_text())
    return jsonschema.Draft6Validator(
        schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER)


def xml_errors(body: bytes | str) -> list[str]:
    """What the C3VOC XML Schema finds wrong ([] when the file validates)."""
    from lxml import etree  # noqa: PLC0415 heavy (lxml), loaded only when used

    data = body.encode() if isinstance(body, str) else body
    schema = _xsd()
    schema.validate(etree.fromstring(data))
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def json_errors(body: bytes | str) -> list[str]:
    """What the C3VOC JSON Schema finds wrong ([] when the file validates)."""
    return [f"{'/'.join(map(str, e.path))}: {e.message[:300]}"
            for e in _json_validator().iter_errors(json.loads(body))]


def ical_errors(body: bytes) -> list[str]:
    """Breaches of RFC 5545 that matter to calendar programs: CRLF lines of at most 75
    octets, VERSION and PRODID, and in every VEVENT a UID, a DTSTAMP in UTC and a DTSTART,
    and a VTIMEZONE for every TZID used."""
    errors = []
    lines = body.split(b"\r\n")
    if lines[-1] != b"":
        errors.append("the file does not end with CRLF")
    errors += [f"line {n}: longer than 75 octets" for n, line in enumerate(lines, 1)
               if len(line) > 75]
    errors += [f"line {n}: a bare LF" for n, line in enumerate(lines, 1) if b"\n" in line]
    text = body.decode().replace("\r\n ", "")
    for prop in ("VERSION:2.0", "PRODID:"):
        if f"\r\n{prop}" not in text:
            errors.append(f"no {prop}")
    for n, event in enumerate(re.findall(r"BEGIN:VEVENT\r\n(.*?)END:VEVENT", text, re.S), 1):
        names = {line.split(":")[0].split(";")[0] for line in event.split("\r\n") if line}
        errors += [f"VEVENT {n}: no {p}" for p in ("UID", "DTSTAMP", "DTSTART")
                   if p not in names]
        stamp = re.search(r"^DTSTAMP:(\S+)$", event, re.M)
        if stamp and not stamp.group(1).endswith("Z"):
            errors.append(f"VEVENT {n}: DTSTAMP is not in UTC")
    defined = set(re.findall(r"BEGIN:VTIMEZONE\r\nTZID:([^\r]+)", text))
    used = set(re.findall(r";TZID=([^:;]+)", text))
    errors += [f"no VTIMEZONE for {tz}" for tz in sorted(used - defined)]
    return errors
