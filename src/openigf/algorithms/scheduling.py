"""The programme scheduler: place sessions in rooms and times, clash-free (OR-Tools CP-SAT).

No Django here: plain dataclasses in, plain dataclasses out. Times are whole minutes counted
from any fixed origin (the programme uses minutes since midnight of the edition's first day).

Hard constraints
    a room holds one session at a time; a person (organiser, speaker, moderator, rapporteur) is
    in one session at a time; sessions and people are not placed when unavailable; the room
    seats the expected audience and has the equipment the session needs; nothing runs in
    parallel with an exclusive session (opening, main sessions); fixed times and rooms are kept;
    a session fits inside one of the programme's windows (no session across lunch).
Soft goals, weighted (``Weights``) and reported one by one (``Result.penalties``)
    sessions sharing a tag not in parallel; similar sessions not in parallel; each theme spread
    evenly over the days; as little change as possible from the last published placement.

``solve`` returns the placement with its objective, the proven bound and the gap; for an
impossible instance it returns the constraints that make it so (``Reason``: a code and its
facts, which the caller words in the reader's language). ``check`` lists the hard constraints
a given placement breaks: the Secretariat's editor shows them live as warnings.
"""

from __future__ import annotations

import time as _time
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

STEP = 15  # sessions start on a quarter of an hour


@dataclass(frozen=True)
class Window:
    """A stretch of time in which sessions may run (a morning, an afternoon)."""

    start: int
    end: int
    day: int  # 0 for the first day


@dataclass(frozen=True)
class Room:
    id: object
    name: str
    capacity: int = 0
    features: frozenset = frozenset()  # "webcast", "interpretation", "hybrid", "step_free"


@dataclass(frozen=True)
class Session:
    id: object
    title: str
    duration: int
    audience: int = 0
    needs: frozenset = frozenset()
    people: frozenset = frozenset()
    tags: frozenset = frozenset()
    theme: object = None
    exclusive: bool = False
    fixed_start: int | None = None
    fixed_room: object = None
    unavailable: tuple = ()  # (start, end) stretches when it cannot run


@dataclass(frozen=True)
class Weights:
    same_tag: int = 10
    similar: int = 20  # multiplied by the similarity (0..1) of the pair
    theme_spread: int = 3
    moved: int = 30
    room_changed: int = 5


@dataclass
class Problem:
    sessions: list
    rooms: list
    windows: list
    person_unavailable: dict = field(default_factory=dict)  # person -> [(start, end)]
    similar: list = field(default_factory=list)  # [(session a, session b, score 0..1)]
    previous: dict = field(default_factory=dict)  # session -> (start, room)
    weights: Weights = field(default_factory=Weights)


@dataclass(frozen=True)
class Reason:
    """Why an instance has no solution, or what a placement breaks: a code and its facts."""

    code: str
    sessions: tuple = ()
    person: object = None
    room: object = None
    start: int | None = None
    detail: str = ""


@dataclass
class Result:
    status: str  # "optimal", "feasible", "infeasible", "unknown"
    placements: dict = field(default_factory=dict)  # session -> (start, room)
    objective: float = 0.0
    bound: float = 0.0
    gap: float = 0.0
    seconds: float = 0.0
    penalties: dict = field(default_factory=dict)
    reasons: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status in ("optimal", "feasible")


# -- the facts both solve() and check() rely on ------------------------------------------

def _overlaps(a_start, a_end, b_start, b_end) -> bool:
    return a_start < b_end and b_start < a_end


def allowed_rooms(session: Session, rooms) -> list:
    if session.fixed_room is not None:
        return [r for r in rooms if r.id == session.fixed_room]
    return [r for r in rooms if r.capacity >= session.audience and session.needs <= r.features]


def allowed_starts(session: Session, problem: Problem) -> list:
    """Every start on the quarter hour at which the session fits in a window and nobody in it
    (nor the session itself) is unavailable."""
    busy = list(session.unavailable)
    for person in session.people:
        busy.extend(problem.person_unavailable.get(person, ()))
    starts = []
    for window in problem.windows:
        t = window.start
        while t + session.duration <= window.end:
            if not any(_overlaps(t, t + session.duration, b, e) for b, e in busy):
                starts.append(t)
            t += STEP
    if session.fixed_start is not None:
        starts = [t for t in starts if t == session.fixed_start]
    return starts


def day_of(start: int, windows) -> int | None:
    for window in windows:
        if window.start <= start < window.end:
            return window.day
    return None


def check(problem: Problem, placements: dict) -> list[Reason]:
    """The hard constraints a placement breaks (sessions not in ``placements`` are ignored)."""
    sessions = {s.id: s for s in problem.sessions}
    rooms = {r.id: r for r in problem.rooms}
    placed = [(sessions[k], start, room) for k, (start, room) in placements.items()
              if k in sessions and start is not None]
    issues: list[Reason] = []
    for session, start, room_id in placed:
        end = start + session.duration
        room = rooms.get(room_id)
        if room is not None and room.capacity < session.audience:
            issues.append(Reason("capacity", (session.id,), room=room_id,
                                 detail=f"{room.capacity}<{session.audience}"))
        if room is not None and not session.needs <= room.features:
            missing = ", ".join(sorted(session.needs - room.features))
            issues.append(Reason("equipment", (session.id,), room=room_id, detail=missing))
        if problem.windows and not any(w.start <= start and end <= w.end
                                       for w in problem.windows):  # no windows: any time
            issues.append(Reason("outside_windows", (session.id,), start=start))
        if any(_overlaps(start, end, b, e) for b, e in session.unavailable):
            issues.append(Reason("session_unavailable", (session.id,), start=start))
        for person in sorted(session.people, key=str):
            if any(_overlaps(start, end, b, e)
                   for b, e in problem.person_unavailable.get(person, ())):
                issues.append(Reason("person_unavailable", (session.id,), person=person,
                                     start=start))
        if session.fixed_start is not None and session.fixed_start != start:
            issues.append(Reason("fixed_moved", (session.id,), start=start))
        if session.fixed_room is not None and session.fixed_room != room_id:
            issues.append(Reason("fixed_moved", (session.id,), room=room_id))
    by_start = sorted(placed, key=lambda p: p[1])
    for i, (a, a_start, a_room) in enumerate(by_start):
        a_end = a_start + a.duration
        for b, b_start, b_room in by_start[i + 1:]:
            if b_start >= a_end:
                break
            pair = (a.id, b.id)
            if a_room is not None and a_room == b_room:
                issues.append(Reason("room_clash", pair, room=a_room, start=b_start))
            for person in sorted(a.people & b.people, key=str):
                issues.append(Reason("person_clash", pair, person=person, start=b_start))
            if a.exclusive or b.exclusive:
                issues.append(Reason("exclusive_parallel", pair, start=b_start))
    return issues


def precheck(problem: Problem) -> list[Reason]:
    """Reasons visible without search: a session with no room or no time it may take, a
    person in more sessions than there is time, more session time than room time."""
    reasons: list[Reason] = []
    for session in problem.sessions:
        if not allowed_rooms(session, problem.rooms):
            if session.fixed_room is not None:
                detail = "fixed room unknown"
            elif not [r for r in problem.rooms if r.capacity >= session.audience]:
                detail = "capacity"
            else:
                detail = "equipment"
            reasons.append(Reason("no_room", (session.id,), detail=detail))
        if not allowed_starts(session, problem):
            reasons.append(Reason("no_time", (session.id,)))
    windows_total = sum(w.end - w.start for w in problem.windows)
    load = defaultdict(int)
    for session in problem.sessions:
        for person in session.people:
            load[person] += session.duration
    for person, minutes in sorted(load.items(), key=lambda kv: str(kv[0])):
        if minutes > windows_total:
            mine = tuple(s.id for s in problem.sessions if person in s.people)
            reasons.append(Reason("person_overbooked", mine, person=person,
                                  detail=f"{minutes}>{windows_total}"))
    exclusive = sum(s.duration for s in problem.sessions if s.exclusive)
    room_time = windows_total * len(problem.rooms)
    needed = sum(s.duration for s in problem.sessions if not s.exclusive)
    if needed > (windows_total - exclusive) * len(problem.rooms):
        reasons.append(Reason("not_enough_room_time",
                              detail=f"{needed + exclusive}>{room_time}"))
    return reasons


# -- solving -------------------------------------------------------------------------------

def _greedy(problem: Problem, starts: dict, rooms: dict) -> dict:
    """A quick first-fit placement used as the solver's hint (may leave sessions out)."""
    busy_room = defaultdict(list)
    busy_person = defaultdict(list)
    exclusive_times = []
    placed = {}
    order = sorted(problem.sessions, key=lambda s: (not s.exclusive, s.fixed_start is None,
                                                    -len(s.people), -s.duration))
    for session in order:
        prev = problem.previous.get(session.id)
        candidates = starts[session.id]
        if prev and prev[0] in candidates:
            candidates = [prev[0]] + [t for t in candidates if t != prev[0]]
        done = False
        for t in candidates:
            end = t + session.duration
            if any(_overlaps(t, end, b, e) for b, e in exclusive_times):
                continue
            if any(_overlaps(t, end, b, e) for p in session.people for b, e in busy_person[p]):
                continue
            if session.exclusive and any(_overlaps(t, end, b, e)
                                         for lst in busy_room.values() for b, e in lst):
                continue
            for room in sorted(rooms[session.id], key=lambda r: r.capacity):
                if any(_overlaps(t, end, b, e) for b, e in busy_room[room.id]):
                    continue
                placed[session.id] = (t, room.id)
                busy_room[room.id].append((t, end))
                for p in session.people:
                    busy_person[p].append((t, end))
                if session.exclusive:
                    exclusive_times.append((t, end))
                done = True
                break
            if done:
                break
    return placed


def solve(problem: Problem, *, time_limit: float = 30.0, workers: int = 2,
          explain: bool = True) -> Result:
    from ortools.sat.python import cp_model  # noqa: PLC0415 heavy (OR-Tools), loaded only when used

    began = _time.monotonic()
    reasons = precheck(problem)
    if reasons:
        return Result("infeasible", reasons=reasons, seconds=_time.monotonic() - began)

    sessions = problem.sessions
    starts = {s.id: allowed_starts(s, problem) for s in sessions}
    rooms = {s.id: allowed_rooms(s, problem.rooms) for s in sessions}
    horizon = max(w.end for w in problem.windows)
    w = problem.weights
    model = cp_model.CpModel()

    start_var, end_var, interval, room_lit = {}, {}, {}, {}
    per_room = defaultdict(list)
    exclusive_intervals = []
    for s in sessions:
        start_var[s.id] = model.NewIntVarFromDomain(cp_model.Domain.FromValues(starts[s.id]),
                                                    f"start_{s.id}")
        end_var[s.id] = model.NewIntVar(0, horizon, f"end_{s.id}")
        interval[s.id] = model.NewIntervalVar(start_var[s.id], s.duration, end_var[s.id],
                                              f"iv_{s.id}")
        lits = []
        for r in rooms[s.id]:
            lit = model.NewBoolVar(f"room_{s.id}_{r.id}")
            room_lit[s.id, r.id] = lit
            lits.append(lit)
            if not s.exclusive:
                per_room[r.id].append(model.NewOptionalIntervalVar(
                    start_var[s.id], s.duration, end_var[s.id], lit, f"oiv_{s.id}_{r.id}"))
        model.AddExactlyOne(lits)
        if s.exclusive:
            exclusive_intervals.append(interval[s.id])

    # Assumption literals name groups of hard constraints, so that an impossible instance
    # can say which of them clash.
    assumption = {}

    def guard(key):
        if key not in assumption:
            assumption[key] = model.NewBoolVar(f"assume_{key}")
        return assumption[key]

    for room in problem.rooms:
        model.AddNoOverlap(per_room[room.id] + exclusive_intervals)
    by_person = defaultdict(list)
    for s in sessions:
        for p in s.people:
            by_person[p].append(s.id)
    for person, ids in by_person.items():
        if len(ids) > 1:
            model.AddNoOverlap([interval[i] for i in ids]).OnlyEnforceIf(guard(("person", person)))

    # Soft goals.
    terms = []
    penalty_parts = defaultdict(list)

    def overlap_lit(a, b, name):
        """A literal that is 1 when sessions a and b overlap in time."""
        before = model.NewBoolVar(f"{name}_b")
        after = model.NewBoolVar(f"{name}_a")
        both = model.NewBoolVar(name)
        model.Add(end_var[a] <= start_var[b]).OnlyEnforceIf(before)
        model.Add(end_var[b] <= start_var[a]).OnlyEnforceIf(after)
        model.AddBoolOr([before, after, both])
        overlap_vars.append((a, b, before, after, both))
        return both

    overlap_vars = []
    day_lit = {}
    spread_vars = []
    same_vars = []
    pair_weight = defaultdict(int)
    by_tag = defaultdict(list)
    for s in sessions:
        for tag in s.tags:
            by_tag[tag].append(s.id)
    for ids in by_tag.values():
        if len(ids) <= 40:  # a tag everyone carries says nothing about clashes
            for a, b in combinations(sorted(ids, key=str), 2):
                pair_weight[a, b, "same_tag"] += w.same_tag
    for a, b, score in problem.similar:
        key = (a, b) if str(a) <= str(b) else (b, a)
        pair_weight[key[0], key[1], "similar"] += int(round(w.similar * score))
    for (a, b, kind), weight in pair_weight.items():
        if weight <= 0 or a not in start_var or b not in start_var:
            continue
        lit = overlap_lit(a, b, f"ov_{kind}_{a}_{b}")
        terms.append(weight * lit)
        penalty_parts[kind].append((weight, lit))

    days = sorted({win.day for win in problem.windows})
    if len(days) > 1 and w.theme_spread:
        for s in sessions:
            lits = []
            for d in days:
                d_starts = [t for t in starts[s.id] if day_of(t, problem.windows) == d]
                if not d_starts:
                    continue
                lit = model.NewBoolVar(f"day_{s.id}_{d}")
                model.AddLinearExpressionInDomain(
                    start_var[s.id], cp_model.Domain.FromValues(d_starts)).OnlyEnforceIf(lit)
                lits.append(lit)
                day_lit[s.id, d] = lit
            model.AddExactlyOne(lits)
        by_theme = defaultdict(list)
        for s in sessions:
            if s.theme is not None and not s.exclusive:
                by_theme[s.theme].append(s.id)
        for theme, ids in by_theme.items():
            target = len(ids) // len(days)
            for d in days:
                count = sum(day_lit[i, d] for i in ids if (i, d) in day_lit)
                excess = model.NewIntVar(0, len(ids), f"spread_{theme}_{d}")
                model.Add(excess >= count - (target + 1))
                model.Add(excess >= target - count)
                spread_vars.append((excess, ids, d, target))
                terms.append(w.theme_spread * excess)
                penalty_parts["theme_spread"].append((w.theme_spread, excess))

    for sid, (prev_start, prev_room) in problem.previous.items():
        if sid not in start_var:
            continue
        if prev_start in starts[sid]:
            same = model.NewBoolVar(f"same_start_{sid}")
            model.Add(start_var[sid] == prev_start).OnlyEnforceIf(same)
            model.Add(start_var[sid] != prev_start).OnlyEnforceIf(same.Not())
            same_vars.append((same, sid, prev_start))
            moved = same.Not()
            terms.append(w.moved * moved)
            penalty_parts["moved"].append((w.moved, moved))
        if (sid, prev_room) in room_lit:
            changed = room_lit[sid, prev_room].Not()
            terms.append(w.room_changed * changed)
            penalty_parts["room_changed"].append((w.room_changed, changed))

    model.Minimize(sum(terms) if terms else 0)

    hint = _greedy(problem, starts, rooms)
    duration = {s.id: s.duration for s in sessions}
    for sid, (t, r) in hint.items():
        model.AddHint(start_var[sid], t)
        for (s2, r2), lit in room_lit.items():
            if s2 == sid:
                model.AddHint(lit, r2 == r)
    if len(hint) == len(sessions):  # a complete hint: give every derived variable its value
        for a, b, before, after, both in overlap_vars:
            (ta, _), (tb, _) = hint[a], hint[b]
            ea, eb = ta + duration[a], tb + duration[b]
            model.AddHint(before, ea <= tb)
            model.AddHint(after, eb <= ta)
            model.AddHint(both, _overlaps(ta, ea, tb, eb))
        hinted_day = {sid: day_of(t, problem.windows) for sid, (t, _) in hint.items()}
        for (sid, d), lit in day_lit.items():
            model.AddHint(lit, hinted_day[sid] == d)
        for excess, ids, d, target in spread_vars:
            count = sum(1 for i in ids if hinted_day[i] == d)
            model.AddHint(excess, max(0, count - (target + 1), target - count))
        for same, sid, prev_start in same_vars:
            model.AddHint(same, hint[sid][0] == prev_start)
    for lit in assumption.values():
        model.AddHint(lit, True)
    model.AddAssumptions(list(assumption.values()))

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = float(time_limit)
    solver.parameters.num_search_workers = max(1, workers)
    solver.parameters.random_seed = 2019
    status = solver.Solve(model)
    seconds = _time.monotonic() - began
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        placements = {}
        for s in sessions:
            room = next(r.id for r in rooms[s.id] if solver.Value(room_lit[s.id, r.id]))
            placements[s.id] = (solver.Value(start_var[s.id]), room)
        objective = solver.ObjectiveValue()
        bound = solver.BestObjectiveBound()
        gap = 0.0 if objective <= 0 else max(0.0, (objective - bound) / objective)
        penalties = {kind: sum(weight * solver.Value(v) for weight, v in parts)
                     for kind, parts in penalty_parts.items()}
        penalties["parallel_same_tag"] = sum(solver.Value(v)
                                             for _, v in penalty_parts.get("same_tag", []))
        return Result("optimal" if status == cp_model.OPTIMAL else "feasible", placements,
                      objective, bound, gap, seconds, penalties)
    if status == cp_model.INFEASIBLE:
        reasons = []
        if explain:
            core = set(solver.SufficientAssumptionsForInfeasibility())
            for key, lit in assumption.items():
                if lit.Index() in core:
                    kind, person = key
                    reasons.append(Reason("person_clash_unavoidable",
                                          tuple(by_person[person]), person=person))
        if not reasons:
            reasons.append(Reason("rooms_and_times_exhausted"))
        return Result("infeasible", seconds=seconds, reasons=reasons)
    if len(hint) == len(sessions) and not check(problem, hint):
        # The solver found nothing better in time: the first-fit placement is clash-free.
        objective, penalties = evaluate(problem, hint)
        return Result("feasible", hint, objective, 0.0, 1.0 if objective else 0.0, seconds,
                      penalties)
    return Result("unknown", seconds=seconds,
                  reasons=[Reason("time_limit", detail=f"{time_limit:g}")])


def evaluate(problem: Problem, placements: dict) -> tuple[float, dict]:
    """The objective of a placement and its parts, as ``solve`` counts them."""
    w = problem.weights
    sessions = {s.id: s for s in problem.sessions}
    penalties = defaultdict(int)

    def overlap(a, b):
        (ta, _), (tb, _) = placements[a], placements[b]
        return _overlaps(ta, ta + sessions[a].duration, tb, tb + sessions[b].duration)

    by_tag = defaultdict(list)
    for s in problem.sessions:
        if s.id in placements:
            for tag in s.tags:
                by_tag[tag].append(s.id)
    for ids in by_tag.values():
        if len(ids) <= 40:
            for a, b in combinations(ids, 2):
                if overlap(a, b):
                    penalties["same_tag"] += w.same_tag
                    penalties["parallel_same_tag"] += 1
    for a, b, score in problem.similar:
        if a in placements and b in placements and overlap(a, b):
            penalties["similar"] += int(round(w.similar * score))
    days = sorted({win.day for win in problem.windows})
    if len(days) > 1 and w.theme_spread:
        by_theme = defaultdict(list)
        for s in problem.sessions:
            if s.theme is not None and not s.exclusive and s.id in placements:
                by_theme[s.theme].append(s.id)
        for ids in by_theme.values():
            target = len(ids) // len(days)
            for d in days:
                count = sum(1 for i in ids if day_of(placements[i][0], problem.windows) == d)
                penalties["theme_spread"] += w.theme_spread * max(0, count - (target + 1),
                                                                  target - count)
    for sid, (prev_start, prev_room) in problem.previous.items():
        if sid in placements:
            start, room = placements[sid]
            penalties["moved"] += w.moved * (start != prev_start)
            penalties["room_changed"] += w.room_changed * (room != prev_room)
    objective = sum(v for k, v in penalties.items() if k != "parallel_same_tag")
    return float(objective), dict(penalties)


@dataclass(frozen=True)
class Summary:
    """What a placement means for the people who read the programme, as counts: the caller
    words them ("all 199 sessions placed, no speaker in two rooms")."""

    total: int
    placed: int
    room_clashes: int  # pairs of sessions in one room at once
    person_clashes: int  # people in two sessions at once
    other_broken: int  # every other broken hard constraint (capacity, windows, ...)
    same_tag_parallel: int  # sessions running beside another of one of their tags
    similar_parallel: int  # pairs of similar sessions running side by side
    moved: int  # sessions placed elsewhere than in ``problem.previous``
    kept: int  # sessions of ``problem.previous`` placed where they were


def summarise(problem: Problem, placements: dict) -> Summary:
    """Count what ``placements`` gives: placed sessions, broken hard constraints by kind,
    sessions sharing a tag with a parallel one, and changes from ``problem.previous``."""
    sessions = {s.id: s for s in problem.sessions}
    placed = {k: v for k, v in placements.items() if k in sessions and v[0] is not None}
    issues = check(problem, placed)
    clashing_people = {(i.person, i.start) for i in issues if i.code == "person_clash"}

    def overlap(a, b):
        (ta, _), (tb, _) = placed[a], placed[b]
        return _overlaps(ta, ta + sessions[a].duration, tb, tb + sessions[b].duration)

    beside_same_tag = set()
    by_tag = defaultdict(list)
    for sid in placed:
        for tag in sessions[sid].tags:
            by_tag[tag].append(sid)
    for ids in by_tag.values():
        for a, b in combinations(ids, 2):
            if overlap(a, b):
                beside_same_tag.update((a, b))
    similar = sum(1 for a, b, _score in problem.similar
                  if a in placed and b in placed and overlap(a, b))
    moved = kept = 0
    for sid, before in problem.previous.items():
        if sid in placed:
            if tuple(placed[sid]) == tuple(before):
                kept += 1
            else:
                moved += 1
    return Summary(
        total=len(sessions), placed=len(placed),
        room_clashes=sum(1 for i in issues if i.code == "room_clash"),
        person_clashes=len(clashing_people),
        other_broken=sum(1 for i in issues if i.code not in ("room_clash", "person_clash")),
        same_tag_parallel=len(beside_same_tag), similar_parallel=similar,
        moved=moved, kept=kept)
