"""Import a schedule into an edition: frab XML, C3VOC JSON (frab, pretalx) or iCalendar
(Sched, Indico, calendar programs), told apart by their first characters.

All or nothing: a fault anywhere stops the import, naming the line and the element, and
nothing is kept. Sessions are matched by guid, so importing the same file again changes
nothing, a changed title is changed, and events the file no longer has are reported."""

import re
import uuid
import zoneinfo
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify

from openigf.core.errors import ApplicationError
from openigf.forums import domain as forums
from openigf.forums.domain import edition_update, theme_save
from openigf.forums.enums import ForumKind, SessionKind
from openigf.forums.models import Edition, Forum
from openigf.programme import domain
from openigf.programme.domain import release_publish, room_create
from openigf.programme.interchange import c3voc_json, frab_xml, ical
from openigf.programme.interchange import records as r
from openigf.programme.interchange.detect import detect
from openigf.programme.interchange.records import FormatError
from openigf.programme.languages import OTHER, language_code
from openigf.programme.models import OTHER_KIND, Room, Session, SessionRole, SessionStatus

READERS = {"frab-xml": frab_xml.read, "c3voc-json": c3voc_json.read, "ical": ical.read}
DEFAULT_COLOUR = "#1b5e91"


def read_schedule(data: bytes, *, default_tz: str = "UTC") -> r.Schedule:
    """The file as records. Raises ``ApplicationError`` naming the line and element of the
    first fault, or refusing an encoding other than UTF-8/16/32."""
    try:
        return READERS[detect(data)](data, default_tz=default_tz)
    except FormatError as error:
        raise ApplicationError(str(error), code="format") from None


@dataclass
class ImportReport:
    edition: str
    format: str
    dry_run: bool
    created: list = field(default_factory=list)  # [{"guid", "title"}]
    updated: list = field(default_factory=list)  # [{"guid", "title", "changes"}]
    unchanged: list = field(default_factory=list)
    removed: list = field(default_factory=list)  # imported before, no longer in the file
    rooms_created: list = field(default_factory=list)
    themes_created: list = field(default_factory=list)
    edition_created: bool = False
    edition_changes: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    published: int | None = None

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.rooms_created or
                    self.themes_created or self.edition_created or self.edition_changes)

    def as_dict(self) -> dict:
        return asdict(self)


def import_schedule(*, data: bytes, edition=None, forum: str = "", slug: str = "",
                    create: bool = False, dry_run: bool = False, force: bool = False,
                    publish: bool = False) -> ImportReport:
    """Import the file into ``edition`` (or the edition ``forum``/``slug``, made from the
    file when ``create``), all or nothing.

    Side effects, in order: the forum and edition when created (audited); the edition's day
    change when the file gives another; rooms and themes the file names that the edition
    lacks; each new session, and each changed one updated (audited); a published release
    when ``publish`` and something changed or nothing was published yet. ``dry_run`` does
    it all and undoes it, so the report says what would change. Raises ``ApplicationError``
    for a faulty file, a missing edition, or dates outside the edition's without ``force``.
    """
    if edition is None:
        edition = (Edition.objects.select_related("forum")
                   .filter(forum__slug=forum, slug=slug).first())
    schedule = read_schedule(data, default_tz=edition.timezone if edition else "UTC")
    if edition is None and not create:
        raise ApplicationError(f"No edition {forum}/{slug}; add --create to make it from the "
                               "file.", code="missing")
    with transaction.atomic():
        report = ImportReport(edition="", format=schedule.format, dry_run=dry_run,
                              warnings=list(schedule.notes))
        if edition is None:
            edition = _edition_create(forum, slug, schedule)
            report.edition_created = True
        else:
            _check_dates(edition, schedule, report, force)
            if schedule.conference.day_change and \
                    schedule.conference.day_change != edition.day_change:
                report.edition_changes = edition_update(
                    edition=edition, day_change=schedule.conference.day_change)
        report.edition = f"{edition.forum.slug}/{edition.slug}"
        _apply(edition, schedule, report)
        if publish and (report.changed or report.removed or not edition.releases.exists()):
            # The file is the schedule as its source published it, clashes included.
            report.published = release_publish(
                edition=edition, note=f"Imported from a {schedule.format} file.",
                accept_broken=True).number
        if dry_run:
            transaction.set_rollback(True)
    return report


# --- the edition ------------------------------------------------------------------------


def zone_of(schedule: r.Schedule) -> str:
    """The file's time zone, else one whose offset is the events' (Etc/GMT-1 for +01:00)."""
    if schedule.conference.time_zone:
        return schedule.conference.time_zone
    if not schedule.events:
        return "UTC"
    first = schedule.events[0].start
    offset = first.utcoffset()
    if not offset:
        return "UTC"
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if not rest:
        return f"Etc/GMT{-hours:+d}"
    for name in sorted(zoneinfo.available_timezones()):
        if "/" in name and not name.startswith("Etc/") and \
                first.astimezone(zoneinfo.ZoneInfo(name)).utcoffset() == offset:
            return name
    return "UTC"


def _event_days(schedule: r.Schedule, tz, day_change: time) -> list[date]:
    return [r.programme_date(e.start, tz, day_change) for e in schedule.events]


def _edition_create(forum_slug: str, slug: str, schedule: r.Schedule):
    """The forum (when missing) and the edition, from the file's conference."""
    c = schedule.conference
    tz_name = zone_of(schedule)
    day_change = c.day_change or time(4, 0)
    days = _event_days(schedule, zoneinfo.ZoneInfo(tz_name), day_change)
    days += [d for d in (c.start, c.end) if d]
    if not days:
        raise ApplicationError("The file has no dates to make an edition from.",
                               code="dates")
    title = (c.title or f"{forum_slug} {slug}")[:200]
    try:
        forum = Forum.objects.filter(slug=forum_slug).first() or forums.forum_create(
            slug=forum_slug, kind=ForumKind.NATIONAL,
            name=re.sub(r"\s*\b(19|20)\d\d\b", "", title).strip() or forum_slug)
        return forums.edition_create(
            forum=forum, slug=slug, year=min(days).year, title=title,
            start_date=min(days), end_date=max(days), timezone=tz_name,
            day_change=day_change, host_city=c.city[:100], theme=c.subtitle[:300])
    except ValidationError as error:
        raise ApplicationError(f"Cannot make {forum_slug}/{slug}: {_words(error)}",
                               code="invalid") from None


def _check_dates(edition, schedule: r.Schedule, report: ImportReport, force: bool) -> None:
    c = schedule.conference
    days = _event_days(schedule, edition.tz, c.day_change or edition.day_change)
    days += [d for d in (c.start, c.end) if d]
    outside = sorted({d for d in days if not edition.start_date <= d <= edition.end_date})
    if c.time_zone and c.time_zone != edition.timezone:
        report.warnings.append(f"The file's time zone is {c.time_zone}, the edition's "
                               f"{edition.timezone}; times are kept as instants and shown "
                               f"in {edition.timezone}.")
    if not outside:
        return
    message = (f"The file's dates ({min(days)} to {max(days)}) are not the edition's "
               f"({edition.start_date} to {edition.end_date}): {len(outside)} day(s) outside, "
               f"first {outside[0]}.")
    if not force:
        raise ApplicationError(f"{message} Is this the right edition? Add --force to import "
                               "it anyway.", code="dates")
    report.warnings.append(message)


# --- rooms, themes, sessions ------------------------------------------------------------


def _words(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{name}: {' '.join(messages)}"
                         for name, messages in error.message_dict.items())
    return " ".join(error.messages)


def _rooms(edition, schedule: r.Schedule, report: ImportReport) -> dict:
    rooms = {room.name.casefold(): room for room in Room.objects.filter(edition=edition)}
    wanted = list(schedule.rooms) + [r.Room(name=e.room) for e in schedule.events]
    for spec in wanted:
        key = spec.name.strip().casefold()
        if not key or key in rooms:
            continue
        values = {"capacity": spec.capacity or 0}
        if spec.guid:
            values["guid"] = uuid.UUID(spec.guid)
        try:
            rooms[key] = room_create(edition=edition, name=spec.name.strip(), **values)
        except ValidationError as error:
            raise ApplicationError(f"Room {spec.name!r}: {_words(error)}") from None
        report.rooms_created.append(spec.name.strip())
    return rooms


def _themes(edition, schedule: r.Schedule, report: ImportReport) -> dict:
    existing = list(edition.themes.all())
    themes = {theme.name.casefold(): theme for theme in existing}
    slugs = {theme.slug for theme in existing}
    order = max((theme.order for theme in existing), default=-1) + 1
    wanted = list(schedule.tracks) + [r.Track(name=e.track) for e in schedule.events]
    for track in wanted:
        name = track.name.strip()
        if not name or name.casefold() in themes:
            continue
        base = (track.slug if re.fullmatch(r"[-a-z0-9_]{1,50}", track.slug or "")
                else slugify(name)[:44].strip("-_")) or "theme"
        slug, n = base, 2
        while slug in slugs:
            slug, n = f"{base[:44]}-{n}", n + 1
        slugs.add(slug)
        colour = track.colour if re.fullmatch(r"#[0-9a-fA-F]{6}", track.colour or "") \
            else DEFAULT_COLOUR
        try:
            themes[name.casefold()] = theme_save(edition=edition, name=name, slug=slug,
                                                 colour=colour, order=order)
        except ValidationError as error:
            raise ApplicationError(f"Track {name!r}: {_words(error)}") from None
        order += 1
        report.themes_created.append(name)
    return themes


def kind_of(type_name: str) -> tuple[str, str]:
    """(kind, label): the IGF's kind a type names ("Workshop", "open forum"), with the
    type kept as the label unless it is the kind's own English name; any other type is
    kind "other" with the type as its label."""
    text = type_name.strip()
    wanted = text.casefold().replace("_", " ")
    with translation.override("en"):
        for value, label in SessionKind.choices:
            if wanted in (value.replace("_", " "), str(label).casefold()):
                return value, "" if text == str(label) else text
    return OTHER_KIND, text


def _source(event: r.Event, schedule: r.Schedule, language: str) -> dict:
    values = {"id": event.id, "slug": event.slug, "code": event.code,
              "url": event.origin_url or event.url, "feedback_url": event.feedback_url,
              "logo": event.logo, "recording_license": event.recording_license,
              "from": schedule.origin, "format": schedule.format}
    if language == OTHER and event.language:
        values["language"] = event.language
    if len(event.categories) > 1:
        values["categories"] = event.categories
    return {key: value for key, value in values.items() if value}


def _people(event: r.Event) -> list[dict]:
    roles = set(SessionRole.values)
    return [{"name": p.name[:200], "role": p.role if p.role in roles else SessionRole.SPEAKER,
             "source": {k: v for k, v in (("id", p.id), ("code", p.code), ("guid", p.guid))
                        if v}}
            for p in event.persons]


def _values(event, schedule, rooms, themes, report) -> dict:
    kind, label = kind_of(event.type)
    language = language_code(event.language) if event.language else "en"
    if language is None:
        language = OTHER
        report.warnings.append(f"{event.where}: the language {event.language!r} is no ISO "
                               "639 code; kept as “other” (and in the exports as given).")
    return {
        "kind": kind, "type_label": label, "title": event.title, "subtitle": event.subtitle,
        "abstract": event.abstract, "description": event.description,
        "theme": themes.get(event.track.strip().casefold()) if event.track else None,
        "duration": event.duration, "language": language, "starts_at": event.start,
        "room": rooms.get(event.room.strip().casefold()) if event.room.strip() else None,
        "do_not_record": event.do_not_record, "status": SessionStatus.CONFIRMED,
        "links": [asdict(ref) for ref in event.links],
        "attachments": [asdict(ref) for ref in event.attachments],
    }


def _name(obj):
    return obj.name if obj is not None else None


def _differences(session, values: dict, source: dict, event: r.Event, carried) -> dict:
    """What the file says differently of a session: {what: [before, after]}, of what the
    file's format says at all (``carried``)."""
    pairs = {
        "title": (session.title, values["title"]),
        "subtitle": (session.subtitle or session.code, values["subtitle"]),
        "abstract": (session.abstract, values["abstract"]),
        "description": (session.description, values["description"]),
        "type": ((session.kind, session.type_label), (values["kind"], values["type_label"])),
        "language": ((session.language, session.source.get("language", "")),
                     (values["language"], source.get("language", ""))),
        "theme": (_name(session.theme), _name(values["theme"])),
        "room": (_name(session.room), _name(values["room"])),
        "start": (session.starts_at, values["starts_at"]),
        "duration": (session.duration, values["duration"]),
        "do_not_record": (session.do_not_record, values["do_not_record"]),
        "links": (session.links, values["links"]),
        "attachments": (session.attachments, values["attachments"]),
        "people": ([p.name for p in session.people.all()], [p["name"] for p in _people(event)]),
        "status": (session.status, values["status"]),
    }
    return {name: [before, after] for name, (before, after) in pairs.items()
            if before != after and name in carried}


# The session's fields behind each compared name.
FIELDS = {"type": ("kind", "type_label"), "theme": ("theme",), "room": ("room",),
          "start": ("starts_at",), "people": ()}


def _apply(edition, schedule: r.Schedule, report: ImportReport) -> None:
    rooms = _rooms(edition, schedule, report)
    themes = _themes(edition, schedule, report)
    carried = schedule.carries or {"title", "subtitle", "abstract", "description", "type",
                                   "language", "theme", "room", "start", "duration",
                                   "do_not_record", "links", "attachments", "people",
                                   "status"}
    existing = {str(s.guid): s for s in Session.objects.filter(edition=edition)
                .select_related("theme", "room").prefetch_related("people")}
    for event in schedule.events:
        values = _values(event, schedule, rooms, themes, report)
        source = _source(event, schedule, values["language"])
        session = existing.get(event.guid)
        entry = {"guid": event.guid, "title": event.title}
        try:
            if session is None:
                domain.session_create(edition=edition, numbered=False, fixed=True,
                                      guid=uuid.UUID(event.guid), source=source,
                                      people=_people(event), **values)
                report.created.append(entry)
                continue
            changes = _differences(session, values, source, event, carried)
            if not changes:
                report.unchanged.append(entry)
                continue
            if values["subtitle"] == session.code and not session.subtitle:
                values["subtitle"] = ""  # the number we export as the subtitle
            names = {f for name in carried for f in FIELDS.get(name, (name,))}
            domain.session_update(session=session, source={**session.source, **source},
                                  **{k: v for k, v in values.items() if k in names})
            if "people" in changes:  # only when the format carries people
                domain.session_people_set(session=session, people=_people(event))
        except ValidationError as error:
            raise ApplicationError(f"{event.where}: {_words(error)}") from None
        except ApplicationError as error:
            raise ApplicationError(f"{event.where}: {error}") from None
        report.updated.append({**entry, "changes": {k: [_plain(v) for v in pair]
                                                    for k, pair in changes.items()}})
    in_file = {event.guid for event in schedule.events}
    report.removed = [{"guid": str(s.guid), "title": s.title} for s in existing.values()
                      if str(s.guid) not in in_file and s.status == SessionStatus.CONFIRMED
                      and s.source.get("from") == schedule.origin]


def _plain(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value
