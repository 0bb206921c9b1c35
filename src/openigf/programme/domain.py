"""Every write of the programme: sessions and their people, time windows, the schedule
(solved or edited by hand), releases and personal schedules."""

import hashlib
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from openigf.algorithms import scheduling
from openigf.core import translations
from openigf.core.audit import audit_log, diff
from openigf.core.errors import ApplicationError, Conflict
from openigf.core.when import format_datetime
from openigf.forums.enums import SessionKind
from openigf.outbox.domain import mail_enqueue_template
from openigf.outbox.models import OutboxMail
from openigf.programme import schedule as bridge
from openigf.programme.models import (
    EXCLUSIVE_KINDS,
    Release,
    Room,
    Session,
    SessionPerson,
    SessionRole,
    SessionStatus,
    Star,
    TimeWindow,
)

AUDIENCE_BY_KIND = {SessionKind.MAIN: 500, SessionKind.HIGH_LEVEL: 500, SessionKind.OPENING: 1200,
                    SessionKind.CLOSING: 1000, SessionKind.WORKSHOP: 80,
                    SessionKind.OPEN_FORUM: 60}


def session_create(*, edition, kind: str, title: str, people=(), tags=(), proposal=None,
                   numbered: bool = True, versions: dict | None = None, **values) -> Session:
    """Create a session with its people (dicts of ``SessionPerson`` fields), numbered within
    its kind ("Workshop 12") unless ``numbered`` is false (an imported session). Title and
    description are in the forum's own language; ``versions`` holds the other languages'.

    Side effects: one session, its people and tags; audit ``session.create``."""
    values.setdefault("exclusive", kind in EXCLUSIVE_KINDS)
    values.setdefault("expected_audience", AUDIENCE_BY_KIND.get(kind, 50))
    if numbered and values.get("number") is None:
        last = (Session.objects.filter(edition=edition, kind=kind)
                .order_by("-number").values_list("number", flat=True).first())
        values["number"] = (last or 0) + 1
    with translations.writing(edition.forum.language):
        session = Session(edition=edition, kind=kind, title=title, proposal=proposal, **values)
    translations.versions_set(session, versions)
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


def session_update(*, session: Session, tags=None, versions: dict | None = None,
                   **values) -> Session:
    with translations.writing(session.edition.forum.language):
        changes = diff(session, **values)
    changes.update(dict.fromkeys(translations.versions_set(session, versions), "changed"))
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


def schedule_solve(*, edition, time_limit: float = 30.0, move_placed: bool = False,
                   progress=None):
    """Place every confirmed session with the scheduler and save the placements as the
    working schedule (the public sees them once released). Once a version is public, the
    sessions placed in the working schedule keep their time and room, unless
    ``move_placed`` (then the published placements are only a preference). ``progress(done,
    total, message)`` hears of each step. Returns the scheduler's result; raises
    ``ApplicationError`` with the reasons, in plain words, when no schedule exists.

    Side effects: the sessions' ``starts_at`` and ``room``; audit ``programme.solve``."""
    step = progress or (lambda done, total, message: None)
    step(0, 3, _("Reading the sessions, rooms and time windows"))
    sessions = list(bridge.sessions_for(edition))
    published = latest_release(edition)
    keep = published is not None and not move_placed
    problem = bridge.build_problem(edition, sessions=sessions,
                                   previous=bridge.previous_of(published), keep_placed=keep)
    if not problem.windows:
        raise ApplicationError(_("Add the programme's time windows before scheduling."))
    if not problem.rooms:
        raise ApplicationError(_("Add rooms before scheduling."))
    titles, people, rooms = bridge.labels(edition, sessions)
    if keep:
        held = {s.id: (s.fixed_start, s.fixed_room) for s in problem.sessions
                if s.fixed_start is not None}
        broken = scheduling.check(problem, held)
        if broken:
            raise ApplicationError(_(
                "The sessions already placed break constraints, so they cannot all keep their "
                "place: %(list)s Move them by hand, or let the scheduler move placed sessions."
            ) % {"list": " ".join(bridge.word(r, titles, people, rooms, edition)
                                  for r in broken[:10])})
    step(1, 3, ngettext("Placing %(n)d session (at most %(s)d seconds)",
                        "Placing %(n)d sessions (at most %(s)d seconds)",
                        len(sessions)) % {"n": len(sessions), "s": time_limit})
    result = scheduling.solve(problem, time_limit=time_limit)
    if not result.ok:
        raise ApplicationError(" ".join(bridge.word(r, titles, people, rooms, edition)
                                        for r in result.reasons[:10]))
    step(2, 3, _("Saving the working schedule"))
    with transaction.atomic():
        by_id = {s.pk: s for s in sessions}
        changed = []
        for sid, (minutes, room_id) in result.placements.items():
            s = by_id[sid]
            s.starts_at, s.room_id = bridge.to_time(edition, minutes), room_id
            changed.append(s)
        Session.objects.bulk_update(changed, ["starts_at", "room"])
        audit_log(action="programme.solve", obj=edition,
                  changes={"status": [None, result.status], "kept_placed": [None, keep],
                           "objective": [None, result.objective]})
    step(3, 3, _("Done"))
    return result


def schedule_describe(edition) -> tuple[str, list[str]]:
    """The working schedule in plain words: one sentence ("All 199 sessions placed, no
    speaker in two rooms, 12 sessions share a tag with a parallel one.") and details."""

    sessions = list(bridge.sessions_for(edition))
    problem = bridge.build_problem(edition, sessions=sessions, similar=False,
                                   previous=bridge.previous_of(latest_release(edition)))
    placements = {s.pk: (bridge.to_minutes(edition, s.starts_at), s.room_id)
                  for s in sessions if s.starts_at}
    return bridge.word_summary(scheduling.summarise(problem, placements))


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
    start = datetime.fromisoformat(entry[0])
    return f"{format_datetime(start, tz=edition.tz)}, {rooms.get(entry[1], '?')}"


MOVED_ROLES = (SessionRole.ORGANISER, SessionRole.SPEAKER)


@dataclass
class Recipient:
    """Someone told that their sessions moved: one mail listing each of them."""

    address: str
    name: str
    changes: list = dataclass_field(default_factory=list)  # the release's change entries


@dataclass
class ReleasePreview:
    """What publishing the working schedule now would do."""

    base: int  # the latest published version, 0 before the first
    broken: list  # each broken hard constraint, in plain words
    changes: list  # {"session", "title", "from", "to"} against the latest version
    recipients: list  # Recipient, for sessions that moved since the latest version

    @property
    def confirmation(self) -> str:
        return broken_confirmation(self.broken)


def broken_confirmation(broken: list[str]) -> str:
    """A short fingerprint of the broken constraints a person confirmed publishing with: if
    the list changes meanwhile, the confirmation no longer holds."""
    return hashlib.sha256("\n".join(sorted(broken)).encode()).hexdigest()[:16] if broken else ""


def _working_placements(edition) -> dict:
    sessions = Session.objects.filter(edition=edition, status=SessionStatus.CONFIRMED,
                                      starts_at__isnull=False)
    return {str(s.pk): [s.starts_at.isoformat(), s.room_id] for s in sessions}


def _changes(edition, before: dict, after: dict) -> list[dict]:
    rooms = dict(Room.objects.filter(edition=edition).values_list("pk", "name"))
    titles = dict(Session.objects.filter(edition=edition).values_list("pk", "title"))
    changes = []
    for key in sorted(set(before) | set(after), key=int):
        old, new = before.get(key), after.get(key)
        if old != new:
            changes.append({"session": int(key), "title": titles.get(int(key), ""),
                            "from": _where(edition, old, rooms),
                            "to": _where(edition, new, rooms)})
    return changes


def _moved_recipients(before: dict, changes: list[dict]) -> list[Recipient]:
    """Organisers and speakers of the sessions that were published and have moved (or left
    the schedule): one recipient per address, with each of their sessions."""
    moved = {c["session"]: c for c in changes if str(c["session"]) in before}
    rows = (SessionPerson.objects.filter(session_id__in=moved, role__in=MOVED_ROLES)
            .select_related("person").order_by("session_id", "order", "pk"))
    by_address: dict[str, Recipient] = {}
    for row in rows:
        address = (row.person.email if row.person_id else row.email).strip()
        if not address:
            continue
        recipient = by_address.setdefault(address.casefold(), Recipient(address, row.name))
        if moved[row.session_id] not in recipient.changes:
            recipient.changes.append(moved[row.session_id])
    return sorted(by_address.values(), key=lambda r: r.address.casefold())


def release_preview(edition) -> ReleasePreview:
    """What publishing now would publish, break and mail (nothing is written)."""
    previous = latest_release(edition)
    before = previous.placements if previous else {}
    changes = _changes(edition, before, _working_placements(edition)) if previous else []
    return ReleasePreview(base=previous.number if previous else 0,
                          broken=placement_warnings(edition), changes=changes,
                          recipients=_moved_recipients(before, changes))


@transaction.atomic
def release_publish(*, edition, note: str = "", person=None, base: int | None = None,
                    accept_broken: bool | str = False, notify: bool = False) -> Release:
    """Publish the working schedule as the next version, with its changelog against the
    previous version ("moved from Room 3 to Room 5").

    Refused (``Conflict``) when ``base`` is given and another version was published since
    (the same confirmation pressed twice publishes once); refused (``ApplicationError``
    naming each) when a hard constraint is broken, unless ``accept_broken`` is
    ``broken_confirmation`` of exactly those constraints (what the person saw and
    confirmed) or ``True`` (a command told so).

    Side effects: one release; audit ``programme.release``; with ``notify``, one mail to each
    organiser and speaker of a moved session (``release_notify``); the agenda's cache."""
    type(edition).objects.select_for_update().filter(pk=edition.pk).first()  # one at a time
    previous = latest_release(edition)
    if base is not None and base != (previous.number if previous else 0):
        raise Conflict(_("Version %(n)d was published meanwhile; look at what publishing "
                         "would do again.") % {"n": previous.number if previous else 0})
    broken = placement_warnings(edition)
    if broken and accept_broken is not True and accept_broken != broken_confirmation(broken):
        raise ApplicationError(ngettext(
            "The working schedule breaks a constraint; publish only after confirming it: "
            "%(list)s",
            "The working schedule breaks %(n)d constraints; publish only after confirming "
            "them: %(list)s", len(broken)) % {"n": len(broken), "list": " ".join(broken)},
            fields={"confirm_broken": _("Confirm that you publish with these constraints "
                                        "broken.")})
    placements = _working_placements(edition)
    changes = _changes(edition, previous.placements, placements) if previous else []
    release = Release.objects.create(edition=edition, number=(previous.number + 1
                                                              if previous else 1),
                                     note=note, placements=placements, changes=changes,
                                     published_by=person)
    audit_log(action="programme.release", obj=edition,
              changes={"version": [previous.number if previous else None, release.number],
                       "broken": [None, len(broken)]})
    if notify:
        release_notify(release=release)

    cache.delete_many([f"agenda:{edition.pk}"])
    return release


def release_notify(*, release: Release) -> list[str]:
    """Mail each organiser and speaker of a session that moved in ``release`` (against the
    version before it) once, listing their moved sessions. Running it again mails nobody
    twice. Returns the addresses mailed now.

    Side effects: one outbox mail per address not yet mailed about this version."""
    edition = release.edition
    before = (Release.objects.filter(edition=edition, number__lt=release.number)
              .order_by("-number").values_list("placements", flat=True).first())
    if before is None:
        return []
    kind = f"programme.moved.v{release.number}"
    done = {a.casefold() for a in OutboxMail.objects.filter(edition=edition, kind=kind)
            .values_list("to", flat=True)}
    mailed = []
    for recipient in _moved_recipients(before, release.changes):
        if recipient.address.casefold() in done:
            continue
        mail_enqueue_template(to=recipient.address, template="programme/mail/moved",
                              context={"edition": edition, "name": recipient.name,
                                       "changes": recipient.changes, "release": release},
                              edition=edition, kind=kind)
        mailed.append(recipient.address)
    if mailed:
        audit_log(action="programme.release_notify", obj=edition,
                  changes={"mailed": [None, len(mailed)], "version": [None, release.number]})
    return mailed


def star_toggle(*, person, session: Session) -> bool:
    """Add the session to the person's schedule, or remove it. Returns whether it is in."""
    deleted, _ = Star.objects.filter(person=person, session=session).delete()
    if deleted:
        return False
    Star.objects.create(person=person, session=session)
    return True


def now():
    return timezone.now()
