"""Every write of the programme: sessions and their people, time windows, the schedule
(solved or edited by hand), releases and personal schedules."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openigf.algorithms import scheduling
from openigf.core.audit import audit_log, diff
from openigf.core.errors import ApplicationError
from openigf.programme import schedule as bridge
from openigf.programme.models import (
    EXCLUSIVE_KINDS,
    Release,
    Room,
    Session,
    SessionPerson,
    SessionStatus,
    Star,
    TimeWindow,
)

AUDIENCE_BY_KIND = {"main": 500, "high_level": 500, "opening": 1200, "closing": 1000,
                    "workshop": 80, "open_forum": 60}


def session_create(*, edition, kind: str, title: str, people=(), tags=(), proposal=None,
                   numbered: bool = True, **values) -> Session:
    """Create a session with its people (dicts of ``SessionPerson`` fields), numbered within
    its kind ("Workshop 12") unless ``numbered`` is false (an imported session).

    Side effects: one session, its people and tags; audit ``session.create``."""
    values.setdefault("exclusive", kind in EXCLUSIVE_KINDS)
    values.setdefault("expected_audience", AUDIENCE_BY_KIND.get(kind, 50))
    if numbered and values.get("number") is None:
        last = (Session.objects.filter(edition=edition, kind=kind)
                .order_by("-number").values_list("number", flat=True).first())
        values["number"] = (last or 0) + 1
    session = Session(edition=edition, kind=kind, title=title, proposal=proposal, **values)
    session.full_clean(exclude=["proposal"])
    session.save()
    if tags:
        session.tags.set(tags)
    SessionPerson.objects.bulk_create(SessionPerson(session=session, order=i, **row)
                                      for i, row in enumerate(people))
    audit_log(action="session.create", obj=session, changes={"title": [None, title]})
    return session


def session_person_add(*, session: Session, **values) -> SessionPerson:
    """Add someone to a session (a speaker who took the floor, a late moderator)."""
    row = SessionPerson(session=session, order=session.people.count(), **values)
    row.full_clean(exclude=["session", "person"])
    row.save()
    audit_log(action="session.person_add", obj=session, changes={"name": [None, row.name]})
    return row


def session_people_set(*, session: Session, people: list[dict]) -> dict:
    """Make the session's people those of ``people`` (dicts of ``SessionPerson`` fields), in
    that order. Someone already there under the same name keeps their row (account, e-mail,
    classifications), updated with the dict's fields.

    Side effects: rows updated, added and removed; audit ``session.people`` with the names
    before and after, which it returns."""
    rows = list(session.people.all())
    by_name = {}
    for row in rows:
        by_name.setdefault(row.name.casefold(), []).append(row)
    kept, added = [], []
    for order, values in enumerate(people):
        same = by_name.get(values["name"].casefold())
        row = same.pop(0) if same else SessionPerson(session=session)
        for field, value in values.items():
            setattr(row, field, value)
        row.order = order
        row.full_clean(exclude=["session", "person"])
        (kept if row.pk else added).append(row)
    SessionPerson.objects.filter(session=session).exclude(
        pk__in=[row.pk for row in kept]).delete()
    if kept:
        fields = sorted({field for values in people for field in values} | {"order"})
        SessionPerson.objects.bulk_update(kept, fields)
    SessionPerson.objects.bulk_create(added)
    changes = {"people": [[row.name for row in rows], [values["name"] for values in people]]}
    audit_log(action="session.people", obj=session, changes=changes)
    return changes


def room_create(*, edition, name: str, **values) -> Room:
    """Add a room to the edition. Side effects: one room; audit ``room.create``."""
    values.setdefault("order", Room.objects.filter(edition=edition).count())
    room = Room(edition=edition, name=name, **values)
    room.full_clean()
    room.save()
    audit_log(action="room.create", obj=room, changes={"name": [None, name]})
    return room


def session_update(*, session: Session, tags=None, **values) -> Session:
    changes = diff(session, **values)
    session.full_clean(exclude=["proposal"])
    session.save()
    if tags is not None:
        session.tags.set(tags)
    audit_log(action="session.update", obj=session, changes=changes)
    return session


def session_cancel(*, session: Session) -> Session:
    """Cancel a session: it leaves the working schedule (no time, no room) and its page says
    it is cancelled; the public agenda changes with the next release. Cancelling it again
    changes nothing. Side effects: save; audit log ``session.cancel``."""
    changes = diff(session, status=SessionStatus.CANCELLED, starts_at=None, room=None)
    if changes:
        session.save()
        audit_log(action="session.cancel", obj=session, changes=changes)
    return session


@transaction.atomic
def sessions_from_accepted(*, edition) -> list[Session]:
    """A session for each accepted proposal of the edition that has none, with the
    proposal's people (onsite and online moderators, speakers, organisers, rapporteur).
    Idempotent."""
    Proposal = apps.get_model("proposals", "Proposal")
    accepted = (Proposal.objects.filter(edition=edition, status__in=["accepted", "conditional"],
                                        session__isnull=True)
                .select_related("theme").prefetch_related("people", "tags"))
    created = []
    for proposal in accepted:
        people = [dict(person_id=p.person_id, name=p.name, email=p.email,
                       organisation=p.organisation, role=p.role,
                       stakeholder_group=p.stakeholder_group, regional_group=p.regional_group,
                       gender=p.gender, onsite=p.onsite)
                  for p in proposal.people.all() if p.confirmed or p.role != "speaker"]
        created.append(session_create(
            edition=edition, kind=proposal.kind, title=proposal.title,
            description=proposal.description, theme=proposal.theme,
            duration=proposal.duration or 60, proposal=proposal, people=people,
            tags=list(proposal.tags.all()),
            format="hybrid"))
    return created


def windows_create_daily(*, edition, morning=("09:00", "13:00"),
                         afternoon=("14:00", "18:30")) -> list[TimeWindow]:
    """A morning and an afternoon window on every day of the edition (replacing none)."""
    tz = ZoneInfo(edition.timezone)
    made = []
    day = edition.start_date
    while day <= edition.end_date:
        for label, (a, b) in ((_("Morning"), morning), (_("Afternoon"), afternoon)):
            starts = datetime.combine(day, time.fromisoformat(a), tzinfo=tz)
            ends = datetime.combine(day, time.fromisoformat(b), tzinfo=tz)
            window, _created = TimeWindow.objects.get_or_create(
                edition=edition, starts_at=starts, defaults={"ends_at": ends, "label": label})
            made.append(window)
        day += timedelta(days=1)
    audit_log(action="programme.windows", obj=edition, changes={"windows": [None, len(made)]})
    return made


def latest_release(edition):
    return Release.objects.filter(edition=edition).order_by("-number").first()


def schedule_solve(*, edition, time_limit: float = 30.0, keep_placed: bool = False):
    """Place every confirmed session with the scheduler and save the placements as the
    working schedule (the public sees them once released). Returns ``(result, messages)``;
    raises ``ApplicationError`` with the reasons, in plain words, when no schedule exists."""
    sessions = list(bridge.sessions_for(edition))
    previous = bridge.previous_of(latest_release(edition))
    if keep_placed:
        previous.update({s.pk: (bridge.to_minutes(edition, s.starts_at), s.room_id)
                         for s in sessions if s.starts_at})
    problem = bridge.build_problem(edition, sessions=sessions, previous=previous)
    if not problem.windows:
        raise ApplicationError(_("Add the programme's time windows before scheduling."))
    if not problem.rooms:
        raise ApplicationError(_("Add rooms before scheduling."))
    result = scheduling.solve(problem, time_limit=time_limit)
    titles, people, rooms = bridge.labels(edition, sessions)
    if not result.ok:
        raise ApplicationError(" ".join(bridge.word(r, titles, people, rooms, edition)
                                        for r in result.reasons[:10]))
    with transaction.atomic():
        by_id = {s.pk: s for s in sessions}
        changed = []
        for sid, (minutes, room_id) in result.placements.items():
            s = by_id[sid]
            s.starts_at, s.room_id = bridge.to_time(edition, minutes), room_id
            changed.append(s)
        Session.objects.bulk_update(changed, ["starts_at", "room"])
        audit_log(action="programme.solve", obj=edition,
                  changes={"status": [None, result.status],
                           "objective": [None, result.objective]})
    return result


def session_place(*, session: Session, starts_at, room: Room | None) -> list[str]:
    """Move a session by hand. The constraints are checked and returned as warnings (the
    move is kept: the Secretariat decides)."""
    if room is not None and room.edition_id != session.edition_id:
        raise ApplicationError(_("That room belongs to another edition."),
                               fields={"room": _("Choose a room of this edition.")})
    changes = diff(session, starts_at=starts_at, room=room)
    session.save(update_fields=["starts_at", "room", "updated"])
    audit_log(action="session.place", obj=session, changes=changes)
    return placement_warnings(session.edition, only=session.pk)


def placement_warnings(edition, only=None) -> list[str]:
    sessions = list(bridge.sessions_for(edition))
    problem = bridge.build_problem(edition, sessions=sessions, similar=False)
    placements = {s.pk: (bridge.to_minutes(edition, s.starts_at), s.room_id)
                  for s in sessions if s.starts_at}
    issues = scheduling.check(problem, placements)
    if only is not None:
        issues = [i for i in issues if only in i.sessions]
    titles, people, rooms = bridge.labels(edition, sessions)
    return [bridge.word(i, titles, people, rooms, edition) for i in issues]


def _where(edition, entry, rooms) -> str:
    if not entry:
        return _("not scheduled")
    start = datetime.fromisoformat(entry[0]).astimezone(ZoneInfo(edition.timezone))
    return f"{start:%a %d %b %H:%M}, {rooms.get(entry[1], '?')}"


@transaction.atomic
def release_publish(*, edition, note: str = "", person=None) -> Release:
    """Publish the working schedule as the next version, with its changelog against the
    previous version ("moved from Room 3 to Room 5"). Side effects: one release; audit."""
    previous = latest_release(edition)
    sessions = list(Session.objects.filter(edition=edition, status=SessionStatus.CONFIRMED,
                                           starts_at__isnull=False))
    placements = {str(s.pk): [s.starts_at.isoformat(), s.room_id] for s in sessions}
    rooms = dict(Room.objects.filter(edition=edition).values_list("pk", "name"))
    titles = dict(Session.objects.filter(edition=edition).values_list("pk", "title"))
    changes = []
    if previous is not None:
        for key in sorted(set(previous.placements) | set(placements), key=int):
            old, new = previous.placements.get(key), placements.get(key)
            if old != new:
                changes.append({"session": int(key), "title": titles.get(int(key), ""),
                                "from": _where(edition, old, rooms),
                                "to": _where(edition, new, rooms)})
    release = Release.objects.create(edition=edition, number=(previous.number + 1
                                                              if previous else 1),
                                     note=note, placements=placements, changes=changes,
                                     published_by=person)
    audit_log(action="programme.release", obj=edition,
              changes={"version": [previous.number if previous else None, release.number]})

    cache.delete_many([f"agenda:{edition.pk}"])
    return release


def star_toggle(*, person, session: Session) -> bool:
    """Add the session to the person's schedule, or remove it. Returns whether it is in."""
    deleted, _ = Star.objects.filter(person=person, session=session).delete()
    if deleted:
        return False
    Star.objects.create(person=person, session=session)
    return True


def now():
    return timezone.now()
