"""iCalendar (RFC 5545) as Sched, Indico and calendar programs export it: each VEVENT a
session, LOCATION its room, CATEGORIES its theme. Written with DTSTAMP, stable UIDs and the
VTIMEZONE of every TZID used."""

import re
import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from openigf.programme.interchange import records as r
from openigf.programme.interchange.detect import decode
from openigf.programme.interchange.records import FormatError

UID_SUFFIX = "@openigf"


def _scan(text: str) -> list[dict]:
    """The line of each VEVENT and of its first properties, checking that components open
    and close in order (the parser forgives what the import must not)."""
    events, stack, current = [], [], None
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line[:1] in (" ", "\t"):
            continue
        name = re.split(r"[;:]", line, maxsplit=1)[0].upper()
        value = line.split(":", 1)[1].strip().upper() if ":" in line else ""
        if name == "BEGIN":
            if value == "VEVENT" and current is not None:
                raise FormatError(f"line {number}, BEGIN:VEVENT: the VEVENT of line "
                                  f"{current['line']} is not closed (END:VEVENT).")
            stack.append((value, number))
            if value == "VEVENT":
                current = {"line": number, "props": {}}
                events.append(current)
        elif name == "END":
            if not stack or stack[-1][0] != value:
                opened = f"BEGIN:{stack[-1][0]} of line {stack[-1][1]}" if stack else "nothing"
                raise FormatError(f"line {number}, END:{value}: it closes {opened}.")
            stack.pop()
            if value == "VEVENT":
                current = None
        elif current is not None:
            current["props"].setdefault(name, number)
    if stack:
        raise FormatError(f"line {stack[-1][1]}, BEGIN:{stack[-1][0]}: never closed.")
    if not lines or not lines[0].strip().upper().startswith("BEGIN:VCALENDAR"):
        raise FormatError("line 1: an iCalendar file begins with BEGIN:VCALENDAR.")
    return events


def read(data: bytes, *, default_tz: str = "UTC") -> r.Schedule:
    """Read an iCalendar file, all or nothing: a fault stops it, naming the line and the
    property. Floating times are in X-WR-TIMEZONE, else in ``default_tz``."""
    text = decode(data)
    places = _scan(text)
    try:
        calendar = Calendar.from_ical(text)
    except ValueError as error:
        raise FormatError(f"line 1: not a valid iCalendar file ({error}).") from None
    tz_name = str(calendar.get("X-WR-TIMEZONE") or "").strip()
    try:
        tz = ZoneInfo(tz_name or default_tz)
    except (ValueError, KeyError, OSError):
        raise FormatError(f"X-WR-TIMEZONE: {tz_name!r} is not a known time zone.") from None
    schedule = r.Schedule(format="ical", events=[], conference=r.Conference(
        title=str(calendar.get("X-WR-CALNAME") or "").strip(), time_zone=tz_name))
    skipped = []
    for index, event in enumerate(calendar.walk("VEVENT")):
        place = places[index] if index < len(places) else {"line": "?", "props": {}}
        if str(event.get("STATUS") or "").upper() == "CANCELLED":
            skipped.append(str(event.get("SUMMARY") or ""))
            continue
        schedule.events.append(_event(event, place, tz))
    schedule.notes = [f"Cancelled in the calendar, not imported: {title}"
                      for title in skipped]
    schedule.rooms = [r.Room(name=name) for name in dict.fromkeys(e.room for e in
                                                                  schedule.events)]
    schedule.tracks = [r.Track(name=name) for name in dict.fromkeys(
        e.track for e in schedule.events if e.track)]
    schedule.carries = frozenset(
        {"title", "start", "duration", "room", "theme", "description", "status"}
        | ({"people"} if any(e.persons for e in schedule.events) else set()))
    r.fill_guids(schedule)
    return schedule


def _guid(uid: str) -> str:
    """A UID we wrote ("<guid>@openigf") or any "<uuid>@host" keeps its UUID; any other UID
    gives the same derived UUID at every import."""
    head = uid.split("@", 1)[0]
    try:
        return str(uuid.UUID(head))
    except ValueError:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"ical:{uid}"))


def _moment(value, where: str, tz: ZoneInfo) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=tz)
    if isinstance(value, date):
        raise FormatError(f"{where}: an all-day event; a session needs a start time.")
    raise FormatError(f"{where}: {value!r} is not a date and time.")


def _event(event, place: dict, tz: ZoneInfo) -> r.Event:
    uid = str(event.get("UID") or "").strip()
    summary = str(event.get("SUMMARY") or "").strip()
    label = f"VEVENT {uid or summary!r}"

    def where(prop=None):
        line = place["props"].get(prop, place["line"]) if prop else place["line"]
        return f"line {line}, {prop} of {label}" if prop else f"line {line}, {label}"

    if event.errors:
        prop, message = event.errors[0]
        raise FormatError(f"{where(prop.upper())}: {message}.")
    if not summary:
        raise FormatError(f"{where()}: the event has no SUMMARY.")
    for prop in ("RRULE", "RDATE"):
        if event.get(prop) is not None:
            raise FormatError(f"{where(prop)}: a repeating event; export the calendar with "
                              "each occurrence as its own event.")
    if event.get("DTSTART") is None:
        raise FormatError(f"{where()}: the event has no DTSTART.")
    start = _moment(event.decoded("DTSTART"), where("DTSTART"), tz)
    if event.get("DTEND") is not None:
        end = _moment(event.decoded("DTEND"), where("DTEND"), tz)
        minutes = int((end - start).total_seconds() // 60)
    elif event.get("DURATION") is not None:
        minutes = int(event.decoded("DURATION").total_seconds() // 60)
    else:
        minutes = 0
    if minutes < 0:
        raise FormatError(f"{where('DTEND')}: the event ends before it starts.")
    categories = []
    for prop in _as_list(event.get("CATEGORIES")):
        categories += [str(c).strip() for c in getattr(prop, "cats", [prop]) if str(c).strip()]
    language = event["SUMMARY"].params.get("LANGUAGE", "") if "SUMMARY" in event else ""
    return r.Event(
        where=where(), guid=_guid(uid) if uid else "", title=summary, start=start,
        duration=minutes, room=str(event.get("LOCATION") or "").strip(),
        track=categories[0] if categories else "", categories=categories,
        description=str(event.get("DESCRIPTION") or "").strip(),
        origin_url=str(event.get("URL") or "").strip(), language=str(language),
        persons=_persons(event), attachments=[
            r.Reference(url=str(a).strip()) for a in _as_list(event.get("ATTACH"))
            if re.match(r"https?://", str(a).strip())])


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _persons(event) -> list[r.Person]:
    persons = []
    for attendee in _as_list(event.get("ATTENDEE")):
        name = str(attendee.params.get("CN") or "").strip()
        if name:
            role = "moderator" if attendee.params.get("ROLE", "").upper() == "CHAIR" else ""
            persons.append(r.Person(name=name, role=role))
    return persons


# --- writing ----------------------------------------------------------------------------


def write(schedule: r.Schedule, tz: ZoneInfo, *, stamp: datetime, sequence: int = 0,
          name: str = "") -> bytes:
    """The schedule as an iCalendar file: one VEVENT per event with UID "<guid>@openigf",
    DTSTAMP ``stamp``, times in ``tz`` and the VTIMEZONE for it."""
    calendar = Calendar()
    calendar.add("prodid", "-//openigf//programme//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", str(tz.key))
    for item in schedule.events:
        event = Event()
        event.add("uid", f"{item.guid}{UID_SUFFIX}")
        event.add("dtstamp", stamp)
        event.add("sequence", sequence)
        event.add("summary", item.title)
        event.add("dtstart", item.start.astimezone(tz))
        event.add("dtend", item.end.astimezone(tz))
        if item.room:
            event.add("location", item.room)
        if item.track:
            event.add("categories", [item.track])
        text = item.description or item.abstract
        if text:
            event.add("description", text)
        if item.url:
            event.add("url", item.url)
        event.add("status", "CONFIRMED")
        calendar.add_component(event)
    if schedule.events:
        first = min(e.start for e in schedule.events).date() - timedelta(days=1)
        last = max(e.end for e in schedule.events).date() + timedelta(days=1)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()
