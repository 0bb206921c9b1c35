"""The published schedule in the formats other tools read: frab XML (the format of FOSDEM,
the CCC and pretalx, read by conference apps), its JSON form, iCalendar and CSV."""

import json
import uuid
from collections import defaultdict
from xml.sax.saxutils import escape

from django.utils.text import slugify

from openigf.core.csvexport import csv_text

GUID_NS = uuid.UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")  # RFC 4122 URL namespace


def _guid(item, base):
    return str(uuid.uuid5(GUID_NS, f"{base}session/{item.session.pk}"))


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _base(edition, request) -> str:
    path = f"/{edition.forum.slug}/{edition.slug}/"
    return request.build_absolute_uri(path) if request is not None else path


def _days(edition, items):
    by_day = defaultdict(list)
    for item in items:
        by_day[item.starts_at.astimezone(_tz(edition)).date()].append(item)
    return sorted(by_day.items())


def _tz(edition):
    from zoneinfo import ZoneInfo

    return ZoneInfo(edition.timezone)


def _event(edition, item, base) -> dict:
    s = item.session
    local = item.starts_at.astimezone(_tz(edition))
    return {
        "id": s.pk, "guid": _guid(item, base), "logo": "", "date": local.isoformat(),
        "start": local.strftime("%H:%M"), "duration": _hhmm(s.duration),
        "room": item.room.name if item.room else "", "slug": f"{edition.slug}-{s.pk}-"
                                                             f"{slugify(s.title)[:50]}",
        "url": f"{base}sessions/{s.pk}/", "title": s.title, "subtitle": s.code,
        "track": s.theme.name if s.theme else "", "type": s.get_kind_display(),
        "language": s.language, "abstract": s.description, "description": "",
        "persons": [{"id": p.person_id or 0, "public_name": p.name,
                     "role": p.role} for p in s.people.all() if p.role != "rapporteur"],
        "links": [], "attachments": [],
    }


def to_json(edition, items, request=None, release=None) -> str:
    base = _base(edition, request)
    rooms = sorted({i.room for i in items if i.room}, key=lambda r: (r.order, r.name))
    days = []
    for index, (day, day_items) in enumerate(_days(edition, items), start=1):
        by_room = {r.name: [] for r in rooms}
        for item in day_items:
            by_room.setdefault(item.room.name if item.room else "", []).append(
                _event(edition, item, base))
        days.append({"index": index, "date": day.isoformat(),
                     "day_start": min(i.starts_at for i in day_items).astimezone(
                         _tz(edition)).isoformat(),
                     "day_end": max(i.ends_at for i in day_items).astimezone(
                         _tz(edition)).isoformat(),
                     "rooms": by_room})
    data = {"schedule": {
        "version": f"v{release.number}" if release else "draft", "base_url": base,
        "conference": {
            "acronym": f"{edition.forum.slug}-{edition.slug}", "title": str(edition.title),
            "start": edition.start_date.isoformat(), "end": edition.end_date.isoformat(),
            "daysCount": len(days), "timeslot_duration": "00:15",
            "time_zone_name": edition.timezone,
            "rooms": [{"name": r.name, "capacity": r.capacity} for r in rooms],
            "tracks": [{"name": t.name, "color": t.colour} for t in edition.themes.all()],
            "days": days}}}
    return json.dumps(data, ensure_ascii=False, indent=1)


def to_frab_xml(edition, items, request=None, release=None) -> str:
    base = _base(edition, request)
    e = escape
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<schedule>",
           f"  <version>{e(f'v{release.number}' if release else 'draft')}</version>",
           "  <conference>",
           f"    <acronym>{e(edition.forum.slug + '-' + edition.slug)}</acronym>",
           f"    <title>{e(str(edition.title))}</title>",
           f"    <subtitle>{e(edition.theme)}</subtitle>",
           f"    <venue></venue><city>{e(edition.host_city)}</city>",
           f"    <start>{edition.start_date.isoformat()}</start>",
           f"    <end>{edition.end_date.isoformat()}</end>",
           f"    <days>{(edition.end_date - edition.start_date).days + 1}</days>",
           "    <day_change>04:00:00</day_change>",
           "    <timeslot_duration>00:15:00</timeslot_duration>",
           f"    <base_url>{e(base)}</base_url>",
           f"    <time_zone_name>{e(edition.timezone)}</time_zone_name>",
           "  </conference>", "  <tracks>"]
    out += [f"    <track>{e(t.name)}</track>" for t in edition.themes.all()]
    out.append("  </tracks>")
    rooms = sorted({i.room for i in items if i.room}, key=lambda r: (r.order, r.name))
    for index, (day, day_items) in enumerate(_days(edition, items), start=1):
        start = min(i.starts_at for i in day_items).astimezone(_tz(edition))
        end = max(i.ends_at for i in day_items).astimezone(_tz(edition))
        out.append(f'  <day index="{index}" date="{day.isoformat()}" '
                   f'start="{start.isoformat()}" end="{end.isoformat()}">')
        for room in rooms:
            out.append(f'    <room name="{e(room.name)}" slug="{e(slugify(room.name))}">')
            for item in day_items:
                if item.room != room:
                    continue
                ev = _event(edition, item, base)
                out.append(f'      <event guid="{ev["guid"]}" id="{ev["id"]}">')
                for tag in ("date", "start", "duration", "room", "slug", "url", "title",
                            "subtitle", "track", "type", "language", "abstract",
                            "description"):
                    out.append(f"        <{tag}>{e(str(ev[tag]))}</{tag}>")
                out.append("        <persons>")
                out += [f'          <person id="{p["id"]}">{e(p["public_name"])}</person>'
                        for p in ev["persons"]]
                out += ["        </persons>", "        <attachments>", "        </attachments>",
                        "        <links>", "        </links>", "      </event>"]
            out.append("    </room>")
        out.append("  </day>")
    out.append("</schedule>")
    return "\n".join(out) + "\n"


def to_ical(edition, items, request=None, release=None) -> bytes:
    from icalendar import Calendar, Event

    base = _base(edition, request)
    cal = Calendar()
    cal.add("prodid", "-//openigf//programme//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", str(edition.title))
    for item in items:
        s = item.session
        ev = Event()
        ev.add("uid", f"{_guid(item, base)}@openigf")
        ev.add("summary", s.title)
        ev.add("dtstart", item.starts_at)
        ev.add("dtend", item.ends_at)
        ev.add("location", item.room.name if item.room else "")
        ev.add("url", f"{base}sessions/{s.pk}/")
        ev.add("description", s.description[:2000])
        ev.add("categories", [s.get_kind_display()] + ([s.theme.name] if s.theme else []))
        cal.add_component(ev)
    return cal.to_ical()


def to_csv(edition, items, request=None, release=None) -> str:
    def row(item):
        s = item.session
        people = list(s.people.all())

        def names(*roles):
            return "; ".join(p.name for p in people if p.role in roles)

        return [s.pk, s.code, s.get_kind_display(), s.title, s.theme.name if s.theme else "",
                item.starts_at.isoformat(), item.ends_at.isoformat(),
                item.room.name if item.room else "", s.language, s.format, names("speaker"),
                names("moderator", "online_moderator"), names("organiser")]

    return csv_text(["id", "code", "type", "title", "theme", "start", "end", "room",
                     "language", "format", "speakers", "moderators", "organisers"],
                    (row(item) for item in items))
