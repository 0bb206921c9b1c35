"""Reads of the programme that several pages, and other parts, use."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q

from openigf.core.when import local
from openigf.programme.models import (
    Release,
    Room,
    Session,
    SessionFormat,
    SessionPerson,
    SessionStatus,
)


def people_in_sessions(edition, person_ids=None) -> dict[int, list[tuple[str, str]]]:
    """Person id -> [(session title, role label)] for the edition's confirmed sessions."""
    rows = SessionPerson.objects.filter(session__edition=edition, person__isnull=False,
                                        session__status=SessionStatus.CONFIRMED)
    if person_ids is not None:
        rows = rows.filter(person_id__in=list(person_ids))
    result = defaultdict(list)
    for row in rows.select_related("session"):
        result[row.person_id].append((row.session.title, row.get_role_display()))
    return dict(result)


def session_times(session):
    """(start, end, room) of the session as published, else as placed; None if not placed."""
    release = (Release.objects.filter(edition_id=session.edition_id).order_by("-number")
               .first())
    if release is not None:
        entry = release.placements.get(str(session.pk))
        if not entry:
            return None

        start = datetime.fromisoformat(entry[0])
        room = Room.objects.filter(pk=entry[1]).first()
        return start, start + timedelta(minutes=session.duration), room
    if session.starts_at is None:
        return None
    return session.starts_at, session.ends_at, session.room


@dataclass
class AgendaItem:
    session: Session
    starts_at: datetime | None
    ends_at: datetime | None
    room: Room | None


AGENDA_FILTERS = ("theme", "day", "room", "kind", "language", "format", "q")


def filter_agenda(items: list[AgendaItem], filters) -> list[AgendaItem]:
    """The agenda items matching ``filters`` (a mapping of ``AGENDA_FILTERS`` to text, as
    the agenda page's query string): theme and room ids, a day (YYYY-MM-DD), session type,
    language, ``online``/``onsite``, words in the title, description or a person's name.
    Days are those of the active zone (the edition's on its pages)."""
    g = {name: (filters.get(name) or "") for name in AGENDA_FILTERS}
    q = g["q"].strip().lower()
    out = []
    for item in items:
        s = item.session
        if g["theme"] and str(s.theme_id) != g["theme"]:
            continue
        if g["day"] and local(item.starts_at).date().isoformat() != g["day"]:
            continue
        if g["room"] and str(item.room.pk if item.room else "") != g["room"]:
            continue
        if g["kind"] and s.kind != g["kind"]:
            continue
        if g["language"] and s.language != g["language"]:
            continue
        if g["format"] == "online" and s.format == SessionFormat.ONSITE:
            continue
        if g["format"] == "onsite" and s.format == SessionFormat.ONLINE:
            continue
        if q and q not in s.title.lower() and q not in s.description.lower() and not any(
                q in p.name.lower() for p in s.people.all()):
            continue
        out.append(item)
    return out


def published(edition) -> tuple[Release | None, list[AgendaItem]]:
    """The latest release and its sessions in order (a fixed number of queries)."""
    release = Release.objects.filter(edition=edition).order_by("-number").first()
    if release is None:
        return None, []
    rooms = {r.pk: r for r in Room.objects.filter(edition=edition)}
    sessions = (Session.objects.filter(edition=edition, status=SessionStatus.CONFIRMED,
                                       pk__in=[int(k) for k in release.placements])
                .select_related("theme").prefetch_related("tags", "people"))
    items = []
    for s in sessions:
        start_iso, room_id = release.placements[str(s.pk)]
        start = datetime.fromisoformat(start_iso)
        items.append(AgendaItem(s, start, start + timedelta(minutes=s.duration),
                                rooms.get(room_id)))
    items.sort(key=lambda i: (i.starts_at, i.room.order if i.room else 0, i.session.title))
    return release, items


def session_roles_of(person) -> set[str]:
    """Every role ``person`` holds in a session of any edition (by account, or by the e-mail of
    a row not yet linked to an account), as ``programme.roles`` matches them."""
    if not getattr(person, "is_authenticated", False):
        return set()
    match = Q(person=person)
    if person.email:
        match |= Q(person__isnull=True, email__iexact=person.email)
    return set(SessionPerson.objects.filter(match).values_list("role", flat=True).distinct())


def people_of_agenda(items: list[AgendaItem], q: str = "") -> list[dict]:
    """The people of the agenda's sessions, each once (by account, else e-mail, else name),
    with what a session page shows of them and their sessions; optionally those whose name
    holds ``q``. Sorted by name."""
    q = q.strip().lower()
    people = {}
    for item in items:
        for p in item.session.people.all():
            if q and q not in p.name.lower():
                continue
            entry = people.setdefault(p.key, {"name": p.name, "organisation": p.organisation,
                                              "stakeholder_group": p.stakeholder_group,
                                              "sessions": []})
            entry["sessions"].append({"session": item.session.pk, "role": p.role})
    return sorted(people.values(), key=lambda e: (e["name"].lower(), e["name"]))
