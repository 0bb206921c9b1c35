"""The bridge between the edition's tables and the pure scheduler: build its ``Problem``,
word its reasons, and turn its minutes back into times."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from openigf.algorithms import scheduling as alg
from openigf.algorithms.clustering import Document, similar_pairs
from openigf.core.when import format_datetime
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
                  similar=True, keep_placed=False) -> alg.Problem:
    """The pure problem of the edition's confirmed sessions. ``keep_placed``: every session
    placed in the working schedule stays at its time and in its room (as if fixed)."""
    sessions = list(sessions if sessions is not None else sessions_for(edition))
    rooms = [alg.Room(r.pk, r.name, r.capacity, r.features)
             for r in Room.objects.filter(edition=edition)]
    windows = []
    for w in TimeWindow.objects.filter(edition=edition):
        start = to_minutes(edition, w.starts_at)
        windows.append(alg.Window(start, to_minutes(edition, w.ends_at), start // 1440))
    items = []
    for s in sessions:
        held = s.fixed or (keep_placed and s.starts_at is not None and s.room_id is not None)
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
            fixed_start=to_minutes(edition, s.starts_at) if held and s.starts_at else None,
            fixed_room=s.room_id if held and s.room_id else None,
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
    quoted = [f"“{titles.get(s, s)}”" for s in reason.sessions]
    names = ", ".join(quoted)
    together = (_("%(first)s and %(last)s") % {"first": ", ".join(quoted[:-1]),
                                                "last": quoted[-1]}
                if len(quoted) > 1 else names)
    who = people.get(reason.person, reason.person)
    room = rooms.get(reason.room, reason.room)
    at = (format_datetime(to_time(edition, reason.start), tz=edition.tz)
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
        "room_clash": _("%(s)s overlap in %(room)s on %(at)s.") % {
            "room": room, "at": at, "s": together},
        "person_clash": _("%(who)s is in two places at once on %(at)s: %(s)s.") % {
            "who": who, "at": at, "s": names},
        "exclusive_parallel": _("%(s)s run in parallel on %(at)s, but nothing may run beside "
                                "an opening or closing ceremony.") % {"s": together,
                                                                        "at": at},
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


def word_summary(summary: alg.Summary) -> tuple[str, list[str]]:
    """The summary of a placement as one sentence and its details, in plain words: "All 199
    sessions placed, no speaker in two rooms, 12 sessions share a tag with a parallel one."""
    if summary.placed == summary.total:
        parts = [ngettext("the only session placed", "all %(n)d sessions placed",
                          summary.total) % {"n": summary.total}]
    else:
        parts = [_("%(placed)d of %(total)d sessions placed") % {
            "placed": summary.placed, "total": summary.total}]
    if summary.person_clashes:
        parts.append(ngettext("%(n)d person in two rooms at once",
                              "%(n)d people in two rooms at once",
                              summary.person_clashes) % {"n": summary.person_clashes})
    else:
        parts.append(_("no speaker in two rooms"))
    if summary.room_clashes:
        parts.append(ngettext("%(n)d clash of two sessions in one room",
                              "%(n)d clashes of two sessions in one room",
                              summary.room_clashes) % {"n": summary.room_clashes})
    if summary.same_tag_parallel:
        parts.append(ngettext("%(n)d session shares a tag with a parallel one",
                              "%(n)d sessions share a tag with a parallel one",
                              summary.same_tag_parallel) % {"n": summary.same_tag_parallel})
    else:
        parts.append(_("no session shares a tag with a parallel one"))
    sentence = ", ".join(parts)
    details = []
    if summary.other_broken:
        details.append(ngettext(
            "%(n)d other constraint is broken (see the list of broken constraints).",
            "%(n)d other constraints are broken (see the list of broken constraints).",
            summary.other_broken) % {"n": summary.other_broken})
    if summary.similar_parallel:
        details.append(ngettext("%(n)d pair of sessions with similar content runs in parallel.",
                                "%(n)d pairs of sessions with similar content run in parallel.",
                                summary.similar_parallel) % {"n": summary.similar_parallel})
    if summary.moved or summary.kept:
        details.append(_("Compared with the published version: %(moved)s, %(kept)s.") % {
            "moved": ngettext("%(n)d session moved", "%(n)d sessions moved",
                              summary.moved) % {"n": summary.moved},
            "kept": ngettext("%(n)d kept its time and room", "%(n)d kept their time and room",
                             summary.kept) % {"n": summary.kept}})
    return sentence[:1].upper() + sentence[1:] + ".", details
