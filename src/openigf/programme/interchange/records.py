"""A schedule as plain records: what every exchange format carries, and the days it spans."""

import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


class FormatError(ValueError):
    """A file that cannot be read: the message names the line and the element."""


@dataclass
class Reference:
    """A link or an attachment."""

    url: str
    title: str = ""
    type: str = ""


@dataclass
class Person:
    name: str
    id: int | None = None
    code: str = ""
    guid: str = ""
    role: str = ""  # a SessionRole value when the file says (openigf's own exports)


@dataclass
class Event:
    where: str  # 'line 120, <event id="6210">' or 'line 14, days[0].rooms["Hall"][3]'
    guid: str
    title: str
    start: datetime  # aware
    duration: int  # minutes
    room: str
    id: int | None = None
    code: str = ""
    slug: str = ""
    url: str = ""
    origin_url: str = ""
    feedback_url: str = ""
    logo: str = ""
    subtitle: str = ""
    track: str = ""
    type: str = ""
    language: str = ""
    abstract: str = ""
    description: str = ""
    do_not_record: bool = False
    recording_license: str = ""
    persons: list[Person] = field(default_factory=list)
    links: list[Reference] = field(default_factory=list)
    attachments: list[Reference] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)

    @property
    def end(self) -> datetime:
        return (self.start.astimezone(UTC) + timedelta(minutes=self.duration)).astimezone(
            self.start.tzinfo)


@dataclass
class Track:
    name: str
    colour: str = ""
    slug: str = ""


@dataclass
class Room:
    name: str
    guid: str = ""
    capacity: int | None = None


@dataclass
class Conference:
    title: str = ""
    acronym: str = ""
    subtitle: str = ""
    start: date | None = None
    end: date | None = None
    time_zone: str = ""  # IANA name, "" when the file gives none
    day_change: time | None = None
    timeslot: int | None = None  # minutes
    city: str = ""
    venue: str = ""
    base_url: str = ""
    url: str = ""


@dataclass
class Schedule:
    format: str  # "frab-xml", "c3voc-json", "ical"
    conference: Conference
    events: list[Event]
    tracks: list[Track] = field(default_factory=list)
    rooms: list[Room] = field(default_factory=list)
    version: str = ""
    notes: list[str] = field(default_factory=list)  # what the reader left out, and why
    # What the format says of a session (None: everything). A re-import leaves the rest
    # as it is: an iCalendar file has no type, abstract or language to overwrite them with.
    carries: frozenset | None = None

    @property
    def origin(self) -> str:
        """What names the source across files: its acronym, else its address, else its
        title."""
        c = self.conference
        return c.acronym or c.base_url or c.title


@dataclass
class Day:
    index: int
    date: date
    start: datetime
    end: datetime  # one minute before the next day starts, as frab writes it
    events: list[Event]


def programme_date(moment: datetime, tz: ZoneInfo, day_change: time) -> date:
    """The programme day of a moment: before the day change it still belongs to the day
    before (a 01:30 concert on the evening's day)."""
    local = moment.astimezone(tz)
    shift = timedelta(hours=day_change.hour, minutes=day_change.minute)
    return (local - shift).date()


def days_of(schedule: Schedule, tz: ZoneInfo) -> list[Day]:
    """Every day from the first to the last (the conference's dates widened to its events),
    each with its events in order of start and room."""
    day_change = schedule.conference.day_change or time(4, 0)
    by_date: dict[date, list[Event]] = {}
    for event in schedule.events:
        by_date.setdefault(programme_date(event.start, tz, day_change), []).append(event)
    bounds = [d for d in (schedule.conference.start, schedule.conference.end) if d]
    bounds += list(by_date)
    if not bounds:
        return []
    first, last = min(bounds), max(bounds)
    days = []
    for index in range((last - first).days + 1):
        day = first + timedelta(days=index)
        start = datetime.combine(day, day_change, tz)
        end = datetime.combine(day + timedelta(days=1), day_change, tz) - timedelta(minutes=1)
        events = sorted(by_date.get(day, []), key=lambda e: (e.start, e.room, e.title))
        days.append(Day(index + 1, day, start, end, events))
    return days


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_duration(text: str) -> int | None:
    """Minutes of "01:30", "1:30:00", "90" or an ISO "PT1H30M"; None when it is none."""
    value = (text or "").strip()
    if re.fullmatch(r"\d{1,3}:\d{2}(:\d{2})?", value):
        hours, minutes = value.split(":")[:2]
        return int(hours) * 60 + int(minutes)
    if re.fullmatch(r"\d{1,4}", value):
        return int(value)
    match = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:\d+S)?", value)
    if match and any(match.groups()):
        return int(match.group(1) or 0) * 60 + int(match.group(2) or 0)
    return None


def parse_time(text: str) -> time | None:
    try:
        return time.fromisoformat((text or "").strip())
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat((text or "").strip()[:10])
    except ValueError:
        return None


def parse_moment(text: str) -> datetime | None:
    """An ISO date and time with its offset; None when it lacks one or is no time."""
    try:
        value = datetime.fromisoformat((text or "").strip())
    except ValueError:
        return None
    return value if value.tzinfo is not None else None


INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text) -> str:
    """Text without the control characters no XML file may hold."""
    return INVALID_XML.sub("", str(text or ""))


def positive_int(value) -> int | None:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def guid_of(value: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"guid:{value}"))


def fill_guids(schedule: Schedule) -> None:
    """Events without a guid get one derived from the source and their id (the same at each
    import); a guid used twice stops the import."""
    seen = {}
    for event in schedule.events:
        if not event.guid:
            key = event.id or f"{event.title}@{event.start.isoformat()}"
            event.guid = str(uuid.uuid5(uuid.NAMESPACE_URL,
                                        f"{schedule.origin}/event/{key}"))
        if event.guid in seen:
            raise FormatError(f"{event.where}: the guid {event.guid} is also the guid of the "
                              f"event at {seen[event.guid]}.")
        seen[event.guid] = event.where.split(",")[0]
