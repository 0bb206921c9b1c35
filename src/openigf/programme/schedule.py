"""The bridge between the edition's tables and the pure scheduler: build its ``Problem``,
word its reasons, and turn its minutes back into times."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from openigf.algorithms import scheduling as alg
from openigf.algorithms.similarity import Document, similar_pairs
from openigf.programme.models import Room, Session, SessionStatus, TimeWindow


def origin(edition) -> datetime:
    return datetime.combine(edition.start_date, time(0), tzinfo=ZoneInfo(edition.timezone))


def to_minutes(edition, when: datetime) -> int:
    return int((when - origin(edition)).total_seconds() // 60)


def to_time(edition, minutes: int) -> datetime:
    return origin(edition) + timedelta(minutes=minutes)


def _person_keys(session) -> frozenset:
    return frozenset(p.key for p in session.people.all())


def sessions_for(edition):
    return (Session.objects.filter(edition=edition, status=SessionStatus.CONFIRMED)
            .select_related("room", "theme").prefetch_related("people", "tags"))


def build_problem(edition, *, sessions=None, previous: dict | None = None,
                  similar=True) -> alg.Problem:
    sessions = list(sessions if sessions is not None else sessions_for(edition))
    rooms = [alg.Room(r.pk, r.name, r.capacity, r.features)
             for r in Room.objects.filter(edition=edition)]
    windows = []
    for w in TimeWindow.objects.filter(edition=edition):
        start = to_minutes(edition, w.starts_at)
        windows.append(alg.Window(start, to_minutes(edition, w.ends_at), start // 1440))
    items = []
    for s in sessions:
        unavailable = []
        for pair in s.unavailable or []:
            try:
                a, b = (datetime.fromisoformat(x) for x in pair)
            except (TypeError, ValueError):
                continue
            unavailable.append((to_minutes(edition, a), to_minutes(edition, b)))
        items.append(alg.Session(
            id=s.pk, title=s.title, duration=s.duration, audience=s.expected_audience,
            needs=frozenset(s.needs or ()), people=_person_keys(s),
            tags=frozenset(t.pk for t in s.tags.all()), theme=s.theme_id,
            exclusive=s.exclusive,
            fixed_start=to_minutes(edition, s.starts_at) if s.fixed and s.starts_at else None,
            fixed_room=s.room_id if s.fixed and s.room_id else None,
            unavailable=tuple(unavailable)))
    pairs = []
    if similar and len(sessions) > 1:
        docs = [Document(s.pk, f"{s.title}\n{s.description}") for s in sessions]
        pairs = [(p.a, p.b, p.score) for p in similar_pairs(docs, threshold=0.35,
                                                             limit=len(sessions))]
    return alg.Problem(items, rooms, windows, similar=pairs, previous=previous or {})


def previous_of(release) -> dict:
    if release is None:
        return {}
    edition = release.edition
    return {int(k): (to_minutes(edition, datetime.fromisoformat(v[0])), v[1])
            for k, v in release.placements.items()}


def word(reason: alg.Reason, titles: dict, people: dict, rooms: dict, edition) -> str:
    """One plain sentence for a reason of the scheduler (a clash, an impossibility)."""
    names = ", ".join(f"“{titles.get(s, s)}”" for s in reason.sessions)
    who = people.get(reason.person, reason.person)
    room = rooms.get(reason.room, reason.room)
    at = (to_time(edition, reason.start).strftime("%a %d %b %H:%M")
          if reason.start is not None else "")
    texts = {
        "capacity": _("%(s)s expects more people than %(room)s seats.") % {"s": names,
                                                                            "room": room},
        "equipment": _("%(room)s lacks what %(s)s needs: %(what)s.") % {
            "room": room, "s": names, "what": reason.detail},
        "outside_windows": _("%(s)s runs outside the programme's time windows (%(at)s).") % {
            "s": names, "at": at},
        "session_unavailable": _("%(s)s is placed when it said it cannot run.") % {"s": names},
        "person_unavailable": _("%(who)s is unavailable at %(at)s, but is in %(s)s.") % {
            "who": who, "at": at, "s": names},
        "fixed_moved": _("%(s)s was fixed to a time and room and has been moved.") % {
            "s": names},
        "room_clash": _("%(room)s holds two sessions at once at %(at)s: %(s)s.") % {
            "room": room, "at": at, "s": names},
        "person_clash": _("%(who)s is in two places at once at %(at)s: %(s)s.") % {
            "who": who, "at": at, "s": names},
        "exclusive_parallel": _("Nothing may run in parallel with %(s)s.") % {"s": names},
        "no_room": _("No room can take %(s)s (%(why)s).") % {
            "s": names, "why": {"capacity": _("too many people expected"),
                                "equipment": _("no room has the equipment it needs")}.get(
                reason.detail, _("its fixed room is not a room of this edition"))},
        "no_time": _("%(s)s has no time it may run: its duration does not fit a window, or it "
                     "or its people are unavailable whenever it would.") % {"s": names},
        "person_overbooked": _("%(who)s is in more sessions than the programme has time for: "
                               "%(s)s.") % {"who": who, "s": names},
        "not_enough_room_time": _("The sessions need more room time than the rooms and time "
                                  "windows offer; add a room or a window."),
        "person_clash_unavoidable": _("%(who)s cannot attend all of %(s)s: they cannot all "
                                      "be placed at different times.") % {"who": who,
                                                                          "s": names},
        "rooms_and_times_exhausted": _("The sessions cannot all be placed in the rooms and "
                                       "time windows without a clash."),
        "time_limit": _("No schedule was found within the time limit; try a longer one."),
    }
    return texts.get(reason.code, reason.code)


def labels(edition, sessions):
    titles = {s.pk: s.title for s in sessions}
    people = {}
    for s in sessions:
        for p in s.people.all():
            people[p.key] = p.name
    rooms = dict(Room.objects.filter(edition=edition).values_list("pk", "name"))
    return titles, people, rooms
