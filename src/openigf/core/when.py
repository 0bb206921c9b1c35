"""Dates and times of an edition: shown in the edition's zone, labelled with it.

The tenancy middleware activates the edition's zone for the request (``zone_for``), so Django's
forms read and show datetimes in it and these helpers format them the same way in every
language. Each language has one format for a date, a time and both; the zone label is the
zone's abbreviation where it has one ("CET"), else its offset ("UTC+03:00").
"""

import datetime
import zoneinfo

from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

# One format per language, in Django's ``date`` syntax. Day and month names are translated by
# Django's own catalogues.
FORMATS = {
    "en": {"date": "D j M Y", "time": "H:i", "datetime": "D j M Y, H:i"},
    "fr": {"date": "D j M Y", "time": "H:i", "datetime": "D j M Y, H:i"},
    "es": {"date": "D j M Y", "time": "H:i", "datetime": "D j M Y, H:i"},
    "ru": {"date": "D, j E Y", "time": "H:i", "datetime": "D, j E Y, H:i"},
    "ar": {"date": "l j F Y", "time": "H:i", "datetime": "l j F Y، H:i"},
    "zh-hans": {"date": "Y年n月j日 D", "time": "H:i", "datetime": "Y年n月j日 D H:i"},
}


def _pattern(kind: str) -> str:
    language = (translation.get_language() or "en").lower()
    table = FORMATS.get(language) or FORMATS.get(language.split("-")[0]) or FORMATS["en"]
    return table[kind]


def zone_label(value: datetime.datetime) -> str:
    """"CET", "CEST", "UTC" or "UTC+03:00" for an aware datetime in its own zone."""
    name = value.tzname() or ""
    if name and name[0].isalpha():
        return name
    offset = value.utcoffset() or datetime.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def local(value: datetime.datetime, tz=None) -> datetime.datetime:
    """``value`` in ``tz`` (default: the active zone, the edition's on its pages)."""
    if timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return timezone.localtime(value, tz)


def format_date(value) -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        value = local(value)
    return date_format(value, _pattern("date"))


def format_time(value: datetime.datetime | None, tz=None, zone=True) -> str:
    if value is None:
        return ""
    value = local(value, tz)
    text = date_format(value, _pattern("time"))
    return f"{text} {zone_label(value)}" if zone else text


def format_datetime(value: datetime.datetime | None, tz=None) -> str:
    if value is None:
        return ""
    value = local(value, tz)
    return f"{date_format(value, _pattern('datetime'))} {zone_label(value)}"


def format_span(start: datetime.datetime | None, end: datetime.datetime | None,
                tz=None) -> str:
    """"Mon 25 Nov 2019, 10:00–11:30 CET"; both dates when the span crosses midnight."""
    if start is None:
        return ""
    if end is None:
        return format_datetime(start, tz)
    start, end = local(start, tz), local(end, tz)
    if start.date() != end.date():
        return f"{format_datetime(start)} – {format_datetime(end)}"
    return (f"{date_format(start, _pattern('datetime'))}–{date_format(end, _pattern('time'))} "
            f"{zone_label(end)}")


def zone_name(tz=None) -> str:
    """The active zone's name for labels: "Europe/Berlin"."""
    tz = tz or timezone.get_current_timezone()
    return getattr(tz, "key", None) or str(tz)


def zone_for(edition=None, forum=None) -> zoneinfo.ZoneInfo | None:
    """The zone a page of this edition (or forum) is shown in; None for the platform's."""
    if edition is not None:
        return edition.tz
    return None


def field_label(label) -> str:
    """A datetime field's label with the zone its value is typed in."""
    return _("%(label)s (%(zone)s time)") % {"label": label, "zone": zone_name()}


def iso(value: datetime.datetime | None, tz=None) -> str:
    """ISO 8601 with the offset of the zone, for ``<time datetime>`` and exports."""
    return local(value, tz).isoformat(timespec="minutes") if value else ""

