"""Reads of the programme that several pages, and other parts, use."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from openigf.programme.models import Release, Room, Session, SessionPerson, SessionStatus


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
        from datetime import timedelta

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


def published(edition) -> tuple[Release | None, list[AgendaItem]]:
    """The latest release and its sessions in order (a fixed number of queries)."""
    from datetime import timedelta

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
