"""frab/pentabarf ``schedule.xml`` (FOSDEM, CCC, pretalx): read every variant in use, write
what the C3VOC XML Schema (``schedule.xml.xsd``) accepts."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from openigf.programme.interchange import records as r
from openigf.programme.interchange.publishable import (
    COLOUR,
    TRACK_SLUG,
    http,
    publishable,
)
from openigf.programme.interchange.records import FormatError


def _parser():
    from lxml import etree  # noqa: PLC0415 heavy (lxml), loaded only when used

    # No DTD, no entities from outside, no network: a schedule is data, not a program.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           remove_comments=True, remove_pis=True)


def _where(element, event_id="") -> str:
    name = element.tag
    if name == "event":
        label = f' id="{event_id}"' if event_id else ""
        return f"line {element.sourceline}, <event{label}>"
    suffix = f" of event {event_id}" if event_id else ""
    return f"line {element.sourceline}, <{name}>{suffix}"


def _text(element, tag: str) -> str:
    node = element.find(tag)
    return (node.text or "").strip() if node is not None else ""


def read(data: bytes, *, default_tz: str = "") -> r.Schedule:
    """Read a frab XML schedule. Raises ``FormatError`` naming the line and the element of
    the first fault; ``default_tz`` places events given only by day and local time when the
    file names no time zone."""
    from lxml import etree  # noqa: PLC0415 heavy (lxml), loaded only when used

    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        message = error.msg or str(error)
        if "encoding" in message.lower():
            raise FormatError(f"line {error.lineno or 1}: {message}: the file is not in the "
                              "encoding it declares (UTF-8 when it declares none); save it "
                              "as UTF-8 and import it again.") from None
        raise FormatError(f"line {error.lineno}: not well-formed XML ({message}).") from None
    except ValueError as error:  # lxml refuses some encodings before parsing
        raise FormatError(f"line 1: {error}; save the file as UTF-8.") from None
    if root.tag != "schedule":
        raise FormatError(f"line {root.sourceline}, <{root.tag}>: the root element is not "
                          "<schedule>.")
    conference = _conference(root)
    tz_name = conference.time_zone or default_tz
    schedule = r.Schedule(format="frab-xml", conference=conference, events=[],
                          tracks=_tracks(root), rooms=[], version=_text(root, "version"))
    seen_rooms = {}
    for day in root.iterfind("day"):
        for room in day.iterfind("room"):
            name = (room.get("name") or "").strip()
            if name not in seen_rooms:
                seen_rooms[name] = r.Room(name=name, guid=r.guid_of(room.get("guid") or ""))
                schedule.rooms.append(seen_rooms[name])
            for event in room.iterfind("event"):
                schedule.events.append(_event(event, day, name, conference, tz_name))
    if not any(True for _ in root.iterfind("day")):
        for event in root.iter("event"):  # a flat list, as some tools write it
            schedule.events.append(_event(event, None, "", conference, tz_name))
    r.fill_guids(schedule)
    return schedule


def _conference(root) -> r.Conference:
    node = root.find("conference")
    if node is None:
        return r.Conference()
    conference = r.Conference(
        title=_text(node, "title"), acronym=_text(node, "acronym"),
        subtitle=_text(node, "subtitle"), start=r.parse_date(_text(node, "start")),
        end=r.parse_date(_text(node, "end")), time_zone=_text(node, "time_zone_name"),
        day_change=r.parse_time(_text(node, "day_change")),
        timeslot=r.parse_duration(_text(node, "timeslot_duration")),
        city=_text(node, "city"), venue=_text(node, "venue"),
        base_url=_text(node, "base_url"), url=_text(node, "url"))
    if conference.time_zone:
        try:
            ZoneInfo(conference.time_zone)
        except (ValueError, KeyError, OSError):
            where = node.find("time_zone_name").sourceline
            raise FormatError(f"line {where}, <time_zone_name>: {conference.time_zone!r} is "
                              "not a known time zone.") from None
    if conference.day_change is None:
        first = root.find("day")
        start = r.parse_moment(first.get("start") or "") if first is not None else None
        if start is not None:
            conference.day_change = start.time().replace(second=0, microsecond=0)
    return conference


def _tracks(root) -> list[r.Track]:
    tracks, seen = [], set()
    nodes = list(root.iterfind("tracks/track")) + list(root.iterfind("conference/track"))
    for node in nodes:
        name = (node.get("name") or node.text or "").strip()
        if name and name not in seen:
            seen.add(name)
            tracks.append(r.Track(name=name, colour=node.get("color") or "",
                                  slug=node.get("slug") or ""))
    return tracks


def _start(event, day, conference, tz_name, event_id) -> datetime:
    node = event.find("date")
    text = (node.text or "").strip() if node is not None else ""
    moment = r.parse_moment(text)
    if moment is not None:
        return moment
    # Older files: the day's date and a local start time, after the day change or not.
    start_node = event.find("start")
    start = r.parse_time(start_node.text if start_node is not None else "")
    day_date = r.parse_date(text) or r.parse_date(day.get("date") if day is not None else "")
    if start is None or day_date is None or not tz_name:
        where = _where(node if node is not None else event, event_id)
        if text:
            raise FormatError(f"{where}: {text!r} is not a date and time with its offset "
                              "(like 2025-02-01T10:30:00+01:00).")
        raise FormatError(f"{where}: the event has no <date> with its offset.")
    if conference.day_change and start < conference.day_change:
        day_date += timedelta(days=1)
    return datetime.combine(day_date, start, ZoneInfo(tz_name))


def _references(event, path: str) -> list[r.Reference]:
    refs = []
    for node in event.iterfind(path):
        url = (node.get("href") or "").strip()
        if url:
            refs.append(r.Reference(url=url, title=(node.text or "").strip(),
                                    type=node.get("type") or ""))
    return refs


def _event(event, day, room_name, conference, tz_name) -> r.Event:
    event_id = r.positive_int(event.get("id"))
    label = event.get("id") or ""
    title = _text(event, "title")
    if not title:
        raise FormatError(f"{_where(event, label)}: the event has no <title>.")
    duration_text = _text(event, "duration")
    duration = r.parse_duration(duration_text)
    if duration is None:
        node = event.find("duration")
        raise FormatError(f"{_where(node if node is not None else event, label)}: the "
                          f"duration {duration_text!r} is not HH:MM.")
    recording = event.find("recording")
    optout = _text(recording, "optout") if recording is not None else ""
    optout = optout or _text(event, "do_not_record")
    persons = [r.Person(name=(p.text or "").strip(), id=r.positive_int(p.get("id")),
                        guid=r.guid_of(p.get("guid") or ""))
               for p in event.iterfind("persons/person") if (p.text or "").strip()]
    return r.Event(
        where=_where(event, label), guid=r.guid_of(event.get("guid") or ""), title=title,
        start=_start(event, day, conference, tz_name, label), duration=duration,
        room=_text(event, "room") or room_name, id=event_id, code=event.get("code") or "",
        slug=_text(event, "slug"), url=_text(event, "url"),
        origin_url=_text(event, "origin_url"), feedback_url=_text(event, "feedback_url"),
        logo=_text(event, "logo"), subtitle=_text(event, "subtitle"),
        track=_text(event, "track"), type=_text(event, "type"),
        language=_text(event, "language"), abstract=_text(event, "abstract"),
        description=_text(event, "description"), do_not_record=optout.lower() == "true",
        recording_license=_text(recording, "license") if recording is not None else "",
        persons=persons, links=_references(event, "links/link"),
        attachments=_references(event, "attachments/attachment"))


# --- writing ----------------------------------------------------------------------------


def write(schedule: r.Schedule, tz: ZoneInfo, *, generator: str = "openigf") -> str:
    """The schedule as ``schedule.xml`` valid against the C3VOC XML Schema: every day from
    the first to the last, every room in each day, times in ``tz`` with their offset."""
    from lxml import etree  # noqa: PLC0415 heavy (lxml), loaded only when used

    schedule = publishable(schedule)
    days = r.days_of(schedule, tz)
    root = etree.Element("schedule")
    etree.SubElement(root, "generator", name=generator)
    _add(root, "version", schedule.version or "draft")
    _write_conference(etree.SubElement(root, "conference"), schedule, len(days))
    rooms = [room.name for room in schedule.rooms]
    guids = {room.name: room.guid for room in schedule.rooms}
    for day in days:
        node = etree.SubElement(root, "day", index=str(day.index), date=day.date.isoformat(),
                                start=day.start.isoformat(), end=day.end.isoformat())
        names = rooms + sorted({e.room for e in day.events} - set(rooms))
        for name in names:
            room = etree.SubElement(node, "room", name=r.clean(name))
            if guids.get(name):
                room.set("guid", guids[name])
            for event in day.events:
                if event.room == name:
                    _write_event(etree.SubElement(room, "event"), event, tz)
    etree.indent(root, space=" ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8").decode() + "\n"


def _add(parent, tag, text, **attrs):
    from lxml import etree  # noqa: PLC0415 heavy (lxml), loaded only when used

    node = etree.SubElement(parent, tag, **{k: r.clean(v) for k, v in attrs.items()})
    node.text = r.clean(text)
    return node


def _write_conference(node, schedule: r.Schedule, days: int) -> None:
    c = schedule.conference
    _add(node, "acronym", c.acronym)
    _add(node, "title", c.title)
    if c.start:
        _add(node, "start", c.start.isoformat())
    if c.end:
        _add(node, "end", c.end.isoformat())
    _add(node, "days", str(days))
    _add(node, "timeslot_duration", r.hhmm(c.timeslot or 15))
    if http(c.base_url):
        _add(node, "base_url", c.base_url)
    if http(c.url):
        _add(node, "url", c.url)
    if c.time_zone:
        _add(node, "time_zone_name", c.time_zone)
    for track in schedule.tracks:
        attrs = {"name": track.name}
        if COLOUR.fullmatch(track.colour or ""):
            attrs["color"] = track.colour
        if TRACK_SLUG.fullmatch(track.slug or ""):
            attrs["slug"] = track.slug
        _add(node, "track", track.name, **attrs)


def _write_event(node, event: r.Event, tz: ZoneInfo) -> None:
    from lxml import etree  # noqa: PLC0415 heavy (lxml), loaded only when used

    node.set("guid", event.guid)
    node.set("id", str(event.id))
    if event.code:
        node.set("code", event.code)
    local = event.start.astimezone(tz)
    for tag, value in (("date", local.isoformat()), ("start", local.strftime("%H:%M")),
                       ("duration", r.hhmm(event.duration)), ("room", event.room),
                       ("slug", event.slug), ("title", event.title),
                       ("subtitle", event.subtitle), ("track", event.track),
                       ("type", event.type), ("language", event.language),
                       ("abstract", event.abstract), ("description", event.description)):
        _add(node, tag, value)
    for tag in ("url", "logo", "feedback_url", "origin_url"):
        if http(getattr(event, tag)):
            _add(node, tag, getattr(event, tag))
    recording = etree.SubElement(node, "recording")
    _add(recording, "license", event.recording_license)
    _add(recording, "optout", "true" if event.do_not_record else "false")
    persons = etree.SubElement(node, "persons")
    for person in event.persons:
        attrs = {"id": str(person.id)} if person.id else {}
        if person.guid:
            attrs["guid"] = person.guid
        _add(persons, "person", person.name, **attrs)
    for tag, child, refs in (("links", "link", event.links),
                             ("attachments", "attachment", event.attachments)):
        parent = etree.SubElement(node, tag)
        for ref in refs:
            attrs = {"href": ref.url, **({"type": ref.type} if ref.type else {})}
            _add(parent, child, ref.title, **attrs)
