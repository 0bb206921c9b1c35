"""The scheduler: hard constraints always hold, soft goals count, impossible instances say
why."""

import json
import os
from pathlib import Path

import pytest

from openigf.algorithms.scheduling import (
    Problem,
    Room,
    Session,
    Summary,
    Window,
    check,
    evaluate,
    solve,
    summarise,
)

DAY = [Window(540, 780, 0), Window(840, 1080, 0)]  # 09:00-13:00, 14:00-18:00


def test_people_rooms_and_exclusive_sessions_never_clash():
    rooms = [Room("big", "Big", 500, frozenset({"interpretation"})), Room("a", "A", 60),
             Room("b", "B", 60)]
    sessions = [Session("open", "Opening", 60, 400, frozenset({"interpretation"}),
                        exclusive=True)]
    sessions += [Session(f"w{i}", f"W{i}", 90 if i % 2 else 60, 40,
                         people=frozenset({f"p{i % 4}", "rapporteur" if i < 3 else f"x{i}"}))
                 for i in range(10)]
    problem = Problem(sessions, rooms, DAY)
    result = solve(problem, time_limit=10)
    assert result.ok, result.reasons
    assert check(problem, result.placements) == []
    assert result.placements["open"][1] == "big"
    start = result.placements["open"][0]
    for sid, (t, _room) in result.placements.items():
        if sid != "open":
            duration = next(s.duration for s in sessions if s.id == sid)
            assert t + duration <= start or t >= start + 60


def test_fixed_placements_and_unavailability_are_kept():
    rooms = [Room("a", "A", 100), Room("b", "B", 100)]
    sessions = [Session("fixed", "F", 60, fixed_start=600, fixed_room="b"),
                Session("late", "L", 60, people=frozenset({"ana"})),
                Session("other", "O", 60, unavailable=((540, 780),))]
    problem = Problem(sessions, rooms, DAY, person_unavailable={"ana": [(540, 900)]})
    result = solve(problem, time_limit=5)
    assert result.placements["fixed"] == (600, "b")
    assert result.placements["late"][0] >= 900
    assert result.placements["other"][0] >= 840


def test_same_tag_sessions_are_kept_apart_when_possible():
    rooms = [Room(r, r, 100) for r in "abc"]
    sessions = [Session(f"s{i}", f"S{i}", 60, tags=frozenset({"ai"})) for i in range(3)]
    problem = Problem(sessions, rooms, [Window(540, 720, 0)])
    result = solve(problem, time_limit=5)
    assert result.status == "optimal"
    assert result.penalties.get("same_tag", 0) == 0
    assert len({t for t, _ in result.placements.values()}) == 3


def test_resolving_changes_as_little_as_possible():
    rooms = [Room("a", "A", 100), Room("b", "B", 100)]
    sessions = [Session(f"s{i}", f"S{i}", 60) for i in range(4)]
    previous = {"s0": (600, "b"), "s1": (840, "a"), "s2": (960, "a"), "s3": (540, "a")}
    result = solve(Problem(sessions, rooms, DAY, previous=previous), time_limit=5)
    assert result.placements == previous
    assert evaluate(Problem(sessions, rooms, DAY, previous=previous), result.placements)[0] == 0


@pytest.mark.parametrize(("sessions", "rooms", "code"), [
    ([Session("x", "X", 60, audience=900)], [Room("a", "A", 100)], "no_room"),
    ([Session("x", "X", 300)], [Room("a", "A", 100)], "no_time"),
    ([Session(i, i, 240, people=frozenset({"bo"})) for i in "abc"],
     [Room(r, r, 100) for r in "rs"], "person_overbooked"),
    ([Session(i, i, 240) for i in "abcde"], [Room(r, r, 100) for r in "rs"],
     "not_enough_room_time"),
])
def test_impossible_instances_say_why(sessions, rooms, code):
    result = solve(Problem(sessions, rooms, DAY), time_limit=5)
    assert result.status == "infeasible"
    assert code in [r.code for r in result.reasons]


def test_a_clash_that_only_search_finds_names_the_person():
    # Each person has time for their two sessions, but the three sessions clash pairwise
    # and need three different times in a window that holds two.
    sessions = [Session("a", "A", 120, people=frozenset({"kim", "lee"})),
                Session("b", "B", 120, people=frozenset({"lee", "max"})),
                Session("c", "C", 120, people=frozenset({"max", "kim"}))]
    result = solve(Problem(sessions, [Room(r, r, 10) for r in "rst"],
                           [Window(540, 780, 0)]), time_limit=5)
    assert result.status == "infeasible"
    assert {r.code for r in result.reasons} == {"person_clash_unavoidable"}
    assert {r.person for r in result.reasons} <= {"kim", "lee", "max"}


def test_check_names_every_broken_constraint():
    rooms = [Room("a", "A", 10)]
    sessions = [Session("x", "X", 60, audience=50, people=frozenset({"kim"})),
                Session("y", "Y", 60, people=frozenset({"kim"}), exclusive=True)]
    issues = check(Problem(sessions, rooms, DAY), {"x": (540, "a"), "y": (570, "a")})
    assert {i.code for i in issues} == {"capacity", "room_clash", "person_clash",
                                        "exclusive_parallel"}


def _bench_problem(path):
    data = json.loads(Path(path).read_text())
    rooms = [Room(r["name"], r["name"], r["capacity"]) for r in data["rooms"]]
    windows = []
    for day in range(4):
        windows += [Window(day * 1440 + 510, day * 1440 + 780, day),
                    Window(day * 1440 + 840, day * 1440 + 1155, day)]
    sessions = [Session(s["code"], s["title"], s["duration"],
                        500 if s["type"] == "Main Session" else 60,
                        people=frozenset(s["speakers"]), theme=s["track"])
                for s in data["sessions"]]
    return Problem(sessions, rooms, windows)


@pytest.mark.shared_data
def test_the_300_session_edition_is_scheduled_clash_free(shared_data):
    problem = _bench_problem(os.path.join(shared_data, "bench", "igf2019-300.json"))
    result = solve(problem, time_limit=10)
    assert result.ok
    assert len(result.placements) == 300
    assert check(problem, result.placements) == []


def test_summarise_counts_what_a_placement_gives():

    problem = Problem(
        sessions=[Session("a", "A", 60, people=frozenset({"kim"}), tags=frozenset({1})),
                  Session("b", "B", 60, people=frozenset({"kim"}), tags=frozenset({1})),
                  Session("c", "C", 60, tags=frozenset({1})),
                  Session("d", "D", 60)],
        rooms=[Room("r1", "R1", 100), Room("r2", "R2", 100)],
        windows=[Window(540, 720, 0)], previous={"a": (540, "r1"), "c": (540, "r1")})
    summary = summarise(problem, {"a": (540, "r1"), "b": (540, "r2"), "c": (600, "r1")})
    assert summary == scheduling_summary(total=4, placed=3, person_clashes=1,
                                         same_tag_parallel=2, moved=1, kept=1)


def scheduling_summary(**counts):

    return Summary(**{"room_clashes": 0, "other_broken": 0, "similar_parallel": 0, **counts})
