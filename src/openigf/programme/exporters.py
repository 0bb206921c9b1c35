"""The published schedule in the formats other tools read: frab XML and C3VOC JSON (read by
conference apps, valid against the C3VOC schemas), iCalendar and CSV, all in the edition's
time zone with its offset. The schedule becomes plain records first
(``interchange.records``), so that import and export speak the same language."""

from math import gcd

from django.conf import settings
from django.utils import timezone, translation

from openigf.core.csvexport import csv_text
from openigf.programme.interchange import c3voc_json, frab_xml, ical
from openigf.programme.interchange import records as r
from openigf.programme.models import Room


def _base(edition, request) -> str:
    """The edition's absolute address: both schemas want absolute URLs."""
    path = f"/{edition.forum.slug}/{edition.slug}/"
    return request.build_absolute_uri(path) if request is not None else settings.SITE_URL + path


def type_name(session) -> str:
    """The type as exported: the source's own name, else the kind in English (files do not
    change with the reader's language)."""
    if session.type_label:
        return session.type_label
    with translation.override("en"):
        return str(session._get_FIELD_display(session._meta.get_field("kind")))


def _person(p) -> r.Person:
    return r.Person(name=p.name, id=p.source.get("id") or p.person_id,
                    code=p.source.get("code", ""), guid=p.source.get("guid", ""), role=p.role)


def _references(rows) -> list[r.Reference]:
    return [r.Reference(url=row.get("url", ""), title=row.get("title", ""),
                        type=row.get("type", "")) for row in rows or [] if row.get("url")]


def _event(item, base: str) -> r.Event:
    s = item.session
    source = s.source or {}
    return r.Event(
        where="", guid=str(s.guid), title=s.title, start=item.starts_at,
        duration=s.duration, room=item.room.name if item.room else "",
        id=source.get("id") or s.pk, code=source.get("code", ""), slug=source.get("slug", ""),
        url=f"{base}sessions/{s.pk}/", origin_url=source.get("url", ""),
        feedback_url=source.get("feedback_url", ""), logo=source.get("logo", ""),
        subtitle=s.subtitle or s.code, track=s.theme.name if s.theme else "",
        type=type_name(s), language=source.get("language") or s.language, abstract=s.abstract,
        description=s.description, do_not_record=s.do_not_record,
        recording_license=source.get("recording_license", ""),
        persons=[_person(p) for p in s.people.all() if p.role != "rapporteur"],
        links=_references(s.links), attachments=_references(s.attachments))


def _timeslot(events) -> int:
    """The largest step (up to 15 minutes) on which every start and duration falls."""
    step = 0
    for event in events:
        step = gcd(step, event.start.minute, event.duration)
    return min(step, 15) if step else 15


def schedule_of(edition, items, request=None, release=None) -> r.Schedule:
    """The published schedule as records (rooms, themes and the sessions as placed)."""
    base = _base(edition, request)
    events = [_event(item, base) for item in items if item.starts_at]
    conference = r.Conference(
        title=str(edition.title), acronym=f"{edition.forum.slug}_{edition.slug}",
        start=edition.start_date, end=edition.end_date, time_zone=edition.timezone,
        day_change=edition.day_change, timeslot=_timeslot(events), city=edition.host_city,
        base_url=base, url=base)
    return r.Schedule(
        format="openigf", conference=conference, events=events,
        version=f"v{release.number}" if release else "draft",
        tracks=[r.Track(name=t.name, colour=t.colour, slug=t.slug)
                for t in edition.themes.all()],
        rooms=[r.Room(name=room.name, guid=str(room.guid), capacity=room.capacity or None)
               for room in Room.objects.filter(edition=edition)])


def to_json(edition, items, request=None, release=None) -> str:
    return c3voc_json.write(schedule_of(edition, items, request, release), edition.tz)


def to_frab_xml(edition, items, request=None, release=None) -> str:
    return frab_xml.write(schedule_of(edition, items, request, release), edition.tz)


def to_ical(edition, items, request=None, release=None) -> bytes:
    schedule = schedule_of(edition, items, request, release)
    return ical.write(schedule, edition.tz, stamp=release.created if release else timezone.now(),
                      sequence=release.number if release else 0, name=str(edition.title))


def to_csv(edition, items, request=None, release=None) -> str:
    tz = edition.tz

    def row(item):
        s = item.session
        people = list(s.people.all())

        def names(*roles):
            return "; ".join(p.name for p in people if p.role in roles)

        return [s.pk, s.code, type_name(s), s.title, s.theme.name if s.theme else "",
                item.starts_at.astimezone(tz).isoformat(), item.ends_at.astimezone(tz).isoformat(),
                item.room.name if item.room else "", s.language, s.format, names("speaker"),
                names("moderator", "online_moderator"), names("organiser")]

    return csv_text(["id", "code", "type", "title", "theme", "start", "end", "room",
                     "language", "format", "speakers", "moderators", "organisers"],
                    (row(item) for item in items))
