"""C3VOC ``schedule.json`` (frab, pretalx): read it, and write what the C3VOC JSON Schema
(``schema.json``, draft 6) accepts."""

import json
import re
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from openigf.programme.interchange import records as r
from openigf.programme.interchange.detect import decode
from openigf.programme.interchange.publishable import http, publishable, room_slug
from openigf.programme.interchange.records import FormatError

SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
SLUG = re.compile(r"[a-z0-9_-]+[a-z0-9]")
TIME_ZONE = re.compile(r"^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$")  # as the schema writes it
CODE = re.compile(r"[A-Z0-9]+")
REFERENCE_TYPES = {"slides", "paper", "web", "blog", "article", "media", "related",
                   "activitypub"}


class _Lines:
    """Line numbers of the events, found by their guid (or title) in the text."""

    def __init__(self, text: str):
        self.text = text

    def of(self, event: dict) -> int | None:
        for key in ("guid", "title"):
            value = event.get(key)
            if isinstance(value, str) and value:
                match = re.search(rf'"{key}"\s*:\s*{re.escape(json.dumps(value))}', self.text)
                if match is None:
                    needle = json.dumps(value, ensure_ascii=False)
                    match = re.search(rf'"{key}"\s*:\s*{re.escape(needle)}', self.text)
                if match:
                    return self.text.count("\n", 0, match.start()) + 1
        return None


def read(data: bytes, *, default_tz: str = "") -> r.Schedule:
    """Read a C3VOC JSON schedule. Raises ``FormatError`` naming the line (where it can be
    found) and the element of the first fault."""
    text = decode(data)
    try:
        doc = json.loads(text)
    except ValueError as error:
        line = getattr(error, "lineno", 1)
        raise FormatError(f"line {line}: not valid JSON ({getattr(error, 'msg', error)}).") \
            from None
    conference = doc.get("schedule", {}).get("conference") if isinstance(doc, dict) else None
    if not isinstance(conference, dict) or not isinstance(conference.get("days"), list):
        raise FormatError("line 1, schedule.conference.days: not found; this is not a C3VOC "
                          "JSON schedule.")
    lines = _Lines(text)
    schedule = r.Schedule(format="c3voc-json", conference=_conference(conference),
                          events=[], version=str(doc["schedule"].get("version") or ""),
                          tracks=_tracks(conference), rooms=_rooms(conference))
    tz_name = schedule.conference.time_zone or default_tz
    known = {room.name for room in schedule.rooms}
    for d, day in enumerate(conference["days"]):
        rooms = day.get("rooms") if isinstance(day, dict) else None
        if not isinstance(rooms, dict):
            raise FormatError(f"schedule.conference.days[{d}].rooms: not an object of rooms.")
        for room, items in rooms.items():
            if room not in known:
                known.add(room)
                schedule.rooms.append(r.Room(name=room))
            if not isinstance(items, list):
                raise FormatError(f"days[{d}].rooms[{room!r}]: not a list of events.")
            for i, item in enumerate(items):
                path = f"days[{d}].rooms[{room!r}][{i}]"
                if not isinstance(item, dict):
                    raise FormatError(f"{path}: not an event object.")
                line = lines.of(item)
                where = f"line {line}, {path}" if line else path
                schedule.events.append(_event(item, where, room, tz_name))
    r.fill_guids(schedule)
    return schedule


def _conference(c: dict) -> r.Conference:
    tz = c.get("time_zone_name") or ""
    if tz:
        try:
            ZoneInfo(tz)
        except (ValueError, KeyError, OSError):
            raise FormatError(f"schedule.conference.time_zone_name: {tz!r} is not a known "
                              "time zone.") from None
    conference = r.Conference(
        title=str(c.get("title") or ""), acronym=str(c.get("acronym") or ""),
        start=r.parse_date(str(c.get("start") or "")), end=r.parse_date(str(c.get("end") or "")),
        time_zone=tz, timeslot=r.parse_duration(str(c.get("timeslot_duration") or "")),
        url=str(c.get("url") or ""))
    days = c.get("days") or []
    if days and isinstance(days[0], dict):
        start = r.parse_moment(str(days[0].get("day_start") or ""))
        if start is not None:
            conference.day_change = start.time().replace(second=0, microsecond=0)
    return conference


def _tracks(c: dict) -> list[r.Track]:
    return [r.Track(name=str(t["name"]), colour=str(t.get("color") or ""),
                    slug=str(t.get("slug") or ""))
            for t in c.get("tracks") or [] if isinstance(t, dict) and t.get("name")]


def _rooms(c: dict) -> list[r.Room]:
    return [r.Room(name=str(room["name"]), guid=r.guid_of(str(room.get("guid") or "")),
                   capacity=room.get("capacity") if isinstance(room.get("capacity"), int)
                   else None)
            for room in c.get("rooms") or [] if isinstance(room, dict) and room.get("name")]


def _string(item: dict, key: str, where: str) -> str:
    value = item.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise FormatError(f"{where}, {key}: expected text, found {type(value).__name__}.")
    return str(value).strip()


def _start(item, where, tz_name) -> datetime:
    text = _string(item, "date", where)
    moment = r.parse_moment(text)
    if moment is not None:
        return moment
    try:
        naive = datetime.fromisoformat(text)
    except ValueError:
        naive = None
    if naive is not None and tz_name:
        return naive.replace(tzinfo=ZoneInfo(tz_name))
    raise FormatError(f"{where}, date: {text!r} is not a date and time with its offset "
                      "(like 2020-12-27T11:30:00+01:00).")


def _references(item, key, where) -> list[r.Reference]:
    value = item.get(key) or []
    if not isinstance(value, list):
        raise FormatError(f"{where}, {key}: not a list.")
    refs = []
    for ref in value:
        if isinstance(ref, str) and ref.strip():
            refs.append(r.Reference(url=ref.strip()))
        elif isinstance(ref, dict) and (ref.get("url") or ref.get("href")):
            refs.append(r.Reference(url=str(ref.get("url") or ref.get("href")).strip(),
                                    title=str(ref.get("title") or "").strip(),
                                    type=str(ref.get("type") or "")))
    return refs


def _persons(item, where) -> list[r.Person]:
    value = item.get("persons") or []
    if not isinstance(value, list):
        raise FormatError(f"{where}, persons: not a list.")
    persons = []
    for p in value:
        if isinstance(p, str):
            p = {"name": p}
        if not isinstance(p, dict):
            raise FormatError(f"{where}, persons: a person is neither a name nor an object.")
        name = str(p.get("public_name") or p.get("name") or p.get("full_public_name") or "")
        if name.strip():
            persons.append(r.Person(name=name.strip(), id=r.positive_int(p.get("id")),
                                    code=str(p.get("code") or ""),
                                    guid=r.guid_of(str(p.get("guid") or "")),
                                    role=str(p.get("role") or "")))
    return persons


def _event(item: dict, where: str, room: str, tz_name: str) -> r.Event:
    title = _string(item, "title", where)
    if not title:
        raise FormatError(f"{where}: the event has no title.")
    start = _start(item, where, tz_name)
    duration = r.parse_duration(_string(item, "duration", where))
    end = r.parse_moment(_string(item, "end", where))
    if duration is None and end is not None:
        duration = int((end - start).total_seconds() // 60)
    if duration is None or duration < 0:
        raise FormatError(f"{where}, duration: {item.get('duration')!r} is not HH:MM.")
    do_not_record = item.get("do_not_record")
    return r.Event(
        where=where, guid=r.guid_of(_string(item, "guid", where)), title=title, start=start,
        duration=duration, room=_string(item, "room", where) or room,
        id=r.positive_int(item.get("id")), code=_string(item, "code", where),
        slug=_string(item, "slug", where), url=_string(item, "url", where),
        origin_url=_string(item, "origin_url", where),
        feedback_url=_string(item, "feedback_url", where), logo=_string(item, "logo", where),
        subtitle=_string(item, "subtitle", where), track=_string(item, "track", where),
        type=_string(item, "type", where), language=_string(item, "language", where),
        abstract=_string(item, "abstract", where),
        description=_string(item, "description", where),
        do_not_record=do_not_record is True or str(do_not_record).lower() == "true",
        recording_license=_string(item, "recording_license", where),
        persons=_persons(item, where), links=_references(item, "links", where),
        attachments=_references(item, "attachments", where))


# --- writing ----------------------------------------------------------------------------


def write(schedule: r.Schedule, tz: ZoneInfo, *, generator: str = "openigf") -> str:
    """The schedule as ``schedule.json`` valid against the C3VOC JSON Schema; the same days
    as the XML (every day from the first to the last), times in ``tz`` with their offset."""
    schedule = publishable(schedule)
    c = schedule.conference
    days = r.days_of(schedule, tz)
    room_names = [room.name for room in schedule.rooms]
    conference = {"acronym": c.acronym, "title": c.title}
    if c.start:
        conference["start"] = c.start.isoformat()
    if c.end:
        conference["end"] = c.end.isoformat()
    conference["daysCount"] = len(days)
    conference["timeslot_duration"] = r.hhmm(c.timeslot or 15)
    if c.time_zone and TIME_ZONE.search(c.time_zone):
        conference["time_zone_name"] = c.time_zone
    if http(c.url):
        conference["url"] = c.url
    conference["tracks"] = [_track(t) for t in schedule.tracks]
    conference["rooms"] = [_room(room, i, c.acronym) for i, room in
                           enumerate(schedule.rooms, start=1)]
    conference["days"] = []
    for day in days:
        names = room_names + sorted({e.room for e in day.events} - set(room_names))
        conference["days"].append({
            "index": day.index, "date": day.date.isoformat(),
            "day_start": day.start.isoformat(), "day_end": day.end.isoformat(),
            "rooms": {name: [_write_event(e, tz) for e in day.events if e.room == name]
                      for name in names}})
    body = {"version": schedule.version or "draft"}
    if http(c.base_url):
        body["base_url"] = c.base_url
    body["conference"] = conference
    data = {"$schema": SCHEMA_URL, "generator": {"name": generator}, "schedule": body}
    return json.dumps(data, ensure_ascii=False, indent=1)


def _track(track: r.Track) -> dict:
    out = {"name": track.name}
    if SLUG.fullmatch(track.slug or ""):
        out["slug"] = track.slug
    if track.colour:
        out["color"] = track.colour
    return out


def _room(room: r.Room, index: int, acronym: str) -> dict:
    guid = room.guid or str(uuid.uuid5(uuid.NAMESPACE_URL, f"{acronym}/room/{room.name}"))
    out = {"name": room.name, "slug": room_slug(room.name, index), "guid": guid}
    if room.capacity is not None:
        out["capacity"] = room.capacity
    return out


def _person(person: r.Person) -> dict:
    # The schema takes a frab person (id and public_name) or a pretalx one (name), not both.
    out = ({"id": person.id, "public_name": person.name} if person.id
           else {"name": person.name, "public_name": person.name})
    if person.guid:
        out["guid"] = person.guid
    if person.code and CODE.fullmatch(person.code):
        out["code"] = person.code
    if person.role:
        out["role"] = person.role
    return out


def _reference(ref: r.Reference) -> dict:
    out = {"url": ref.url, "title": ref.title}
    if ref.type in REFERENCE_TYPES:
        out["type"] = ref.type
    return out


def _write_event(event: r.Event, tz: ZoneInfo) -> dict:
    local = event.start.astimezone(tz)
    out = {"guid": event.guid, "id": event.id}
    if event.code:
        out["code"] = event.code
    out.update({
        "logo": event.logo, "date": local.isoformat(), "start": local.strftime("%H:%M"),
        "end": event.end.astimezone(tz).isoformat(),
        "duration": r.hhmm(event.duration), "room": event.room, "slug": event.slug,
        "url": event.url, "title": event.title, "subtitle": event.subtitle,
        "track": event.track, "type": event.type, "language": event.language,
        "abstract": event.abstract, "description": event.description,
        "recording_license": event.recording_license, "do_not_record": event.do_not_record,
        "persons": [_person(p) for p in event.persons],
        "links": [_reference(ref) for ref in event.links if ref.url],
        "attachments": [_reference(ref) for ref in event.attachments if ref.url]})
    for key in ("feedback_url", "origin_url"):
        if getattr(event, key):
            out[key] = getattr(event, key)
    return out
