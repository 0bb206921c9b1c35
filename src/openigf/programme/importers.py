"""Import a schedule in frab XML or its JSON form (FOSDEM, CCC, pretalx exports): rooms,
sessions, people and placements. All or nothing: the first bad event stops the import and
names where it is."""

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction

from openigf.core.errors import ApplicationError


@dataclass
class Event:
    where: str  # "line 120" or "days[0].rooms.Hall A[3]"
    guid: str
    title: str
    start: datetime
    duration: int
    room: str
    track: str
    kind: str
    language: str
    abstract: str
    persons: list


def _duration(text: str, where: str) -> int:
    try:
        parts = [int(p) for p in text.split(":")]
    except ValueError:
        raise ApplicationError(f"{where}: the duration {text!r} is not HH:MM.") from None
    return parts[0] * 60 + parts[1] if len(parts) >= 2 else parts[0]


def _start(text: str, where: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        raise ApplicationError(f"{where}: the date {text!r} is not an ISO date and time.") \
            from None
    if value.tzinfo is None:
        raise ApplicationError(f"{where}: the date {text!r} has no time zone offset.")
    return value


def parse_xml(data: bytes) -> list[Event]:
    from lxml import etree

    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError as error:
        raise ApplicationError(f"line {error.lineno}: not well-formed XML ({error.msg}).") \
            from None
    if root.tag != "schedule":
        raise ApplicationError("line 1: the root element is not <schedule>.")
    events = []
    for ev in root.iter("event"):
        where = f"line {ev.sourceline}"

        def text(tag, ev=ev):
            node = ev.find(tag)
            return (node.text or "").strip() if node is not None else ""

        title = text("title")
        if not title:
            raise ApplicationError(f"{where}: the event has no title.")
        events.append(Event(where, ev.get("guid") or ev.get("id") or "", title,
                            _start(text("date"), where), _duration(text("duration"), where),
                            text("room"), text("track"), text("type"), text("language"),
                            text("abstract"),
                            [(p.text or "").strip() for p in ev.iterfind("persons/person")]))
    return events


def parse_json(data: bytes) -> list[Event]:
    try:
        doc = json.loads(data)
        days = doc["schedule"]["conference"]["days"]
    except (ValueError, KeyError, TypeError) as error:
        raise ApplicationError(f"not a frab JSON schedule ({error}).") from None
    events = []
    for d, day in enumerate(days):
        for room, items in (day.get("rooms") or {}).items():
            for i, ev in enumerate(items):
                where = f"days[{d}].rooms[{room!r}][{i}]"
                if not ev.get("title"):
                    raise ApplicationError(f"{where}: the event has no title.")
                persons = [p.get("public_name") or p.get("name") or ""
                           for p in ev.get("persons") or []]
                events.append(Event(where, str(ev.get("guid") or ev.get("id") or ""),
                                    ev["title"], _start(ev.get("date"), where),
                                    _duration(ev.get("duration") or "", where),
                                    ev.get("room") or room, ev.get("track") or "",
                                    ev.get("type") or "", ev.get("language") or "en",
                                    ev.get("abstract") or "", persons))
    return events


KINDS = {"workshop": "workshop", "open forum": "open_forum", "main session": "main",
         "town hall": "town_hall", "lightning talk": "lightning_talk",
         "networking session": "networking"}


@transaction.atomic
def import_schedule(*, edition, data: bytes) -> dict:
    """Add the schedule's rooms and sessions to the edition, placed as in the file; returns
    the counts. Raises ``ApplicationError`` naming the first bad event; nothing is kept."""
    from openigf.programme import domain
    from openigf.programme.models import Language, Room

    events = parse_xml(data) if data.lstrip()[:1] == b"<" else parse_json(data)
    rooms = {r.name: r for r in Room.objects.filter(edition=edition)}
    themes = {t.name: t for t in edition.themes.all()}
    languages = set(Language.values)
    created = 0
    for ev in events:
        if ev.room not in rooms:
            rooms[ev.room] = Room.objects.create(edition=edition, name=ev.room or "—",
                                                 capacity=100, order=len(rooms))
        kind = KINDS.get(ev.kind.lower(), "workshop")
        language = ev.language[:2].lower() if ev.language else "en"
        try:
            domain.session_create(
                edition=edition, kind=kind, title=ev.title[:250], description=ev.abstract,
                duration=max(5, min(ev.duration, 600)), theme=themes.get(ev.track),
                language=language if language in languages else "other",
                starts_at=ev.start, room=rooms[ev.room],
                people=[dict(name=name[:200], role="speaker") for name in ev.persons if name])
        except ApplicationError as error:
            raise ApplicationError(f"{ev.where}: {error}") from None
        except Exception as error:  # a model validation error, with the place to look
            raise ApplicationError(f"{ev.where}: {error}") from None
        created += 1
    return {"sessions": created, "rooms": len(rooms)}


__all__ = ["import_schedule", "parse_xml", "parse_json", "timedelta"]
