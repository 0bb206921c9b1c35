"""Which format a schedule file is in, and its text: UTF-8 (or UTF-16/32 with a byte order
mark); any other encoding is refused with a message, never guessed."""

import codecs

from openigf.programme.interchange.records import FormatError

BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16")]


def decode(data: bytes) -> str:
    """The text of a JSON or iCalendar file. Raises ``FormatError`` naming the line of the
    first byte that is not UTF-8."""
    encoding = next((name for bom, name in BOMS if data.startswith(bom)), "utf-8")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise FormatError(
            f"line {line}: the file is not {encoding.upper().removesuffix('-SIG')} text "
            f"(byte 0x{data[error.start]:02X} cannot be read); its encoding is not "
            "supported: save it as UTF-8 and import it again.") from None


def detect(data: bytes) -> str:
    """ "frab-xml", "c3voc-json" or "ical", from the first characters of the file."""
    head = data[:512]
    for bom, name in BOMS:
        if head.startswith(bom):
            head = head.decode(name, errors="ignore").encode()
            break
    head = head.lstrip()
    if head.startswith(b"<"):
        return "frab-xml"
    if head.startswith((b"{", b"[")):
        return "c3voc-json"
    if head[:15].upper() == b"BEGIN:VCALENDAR":
        return "ical"
    raise FormatError("line 1: this is neither a frab XML schedule, a C3VOC JSON schedule "
                      "nor an iCalendar file.")
