"""Reviewer assignment, score normalisation and the selection under bounds."""

import random

import pytest

from openigf.algorithms.assignment import Item, Problem, Reviewer, assign
from openigf.algorithms.normalisation import normalise
from openigf.algorithms.selection import Bound, Candidate, select
from openigf.algorithms.selection import Problem as SelectionProblem


def test_every_proposal_gets_k_reviewers_balanced_without_conflicts():
    rng = random.Random(7)
    items = [Item(i) for i in range(400)]
    reviewers = [Reviewer(f"r{j}") for j in range(50)]
    conflicts = {(rng.randrange(400), f"r{rng.randrange(50)}") for _ in range(300)}
    bids = {(rng.randrange(400), f"r{rng.randrange(50)}"): 3 for _ in range(500)}
    result = assign(Problem(items, reviewers, 5, conflicts, bids))
    assert result.ok and result.per_item == (5, 5) and result.load == (40, 40)
    assert not set(result.pairs) & conflicts
    assert len(set(result.pairs)) == 2000
    assert result.bids_met > 400
    assert result.seconds < 5


def test_groups_keep_reviewers_to_their_issue_areas():
    items = [Item(i, group=i % 2) for i in range(20)]
    reviewers = [Reviewer(f"r{j}", groups=frozenset({j % 2})) for j in range(10)]
    result = assign(Problem(items, reviewers, 3, by_group=True))
    assert result.ok and result.load == (6, 6)
    assert all(i % 2 == int(r[1:]) % 2 for i, r in result.pairs)


def test_no_assignment_says_why():
    items = [Item("a"), Item("b")]
    reviewers = [Reviewer("x"), Reviewer("y"), Reviewer("z")]
    result = assign(Problem(items, reviewers, 3, conflicts={("a", "x")}))
    assert not result.ok
    assert result.reasons == [("too_few_reviewers", "a", "2<3")]


def test_normalisation_corrects_strictness_and_ignores_conflicts():
    scores = {}
    for i in range(10):  # a strict and a generous reviewer see the same proposals
        scores[(i, "strict")] = 1 + (i % 3)
        scores[(i, "generous")] = 3 + (i % 3)
    scores[(0, "third")] = 5  # one proposal has a third score; proposal 1 a conflict blank
    result = normalise(scores)
    assert result[3].mean == 2.0
    assert result[0].n == 3 and result[1].n == 2
    assert abs(result[3].normalised - result[6].normalised) < 1e-9
    assert result[2].normalised > result[1].normalised > result[0].normalised - 1


def test_love_or_hate_is_flagged():
    scores = {("x", "a"): 5, ("x", "b"): 1, ("x", "c"): 5, ("x", "d"): 1,
              ("y", "a"): 3, ("y", "b"): 3, ("y", "c"): 4, ("y", "d"): 3}
    result = normalise(scores)
    assert result["x"].love_or_hate and not result["y"].love_or_hate


def test_selection_under_a_budget_with_floors_explains_itself():
    cands = [Candidate(i, value=10 - i, cost=1000,
                       attributes={"gender": "female" if i >= 7 else "male"})
             for i in range(10)]
    result = select(SelectionProblem(cands, budget=5000,
                                     bounds=[Bound("gender", "female", minimum=2)]))
    assert result.status == "optimal"
    assert len(result.chosen) == 5 and sum(1 for k in result.chosen if k >= 7) == 2
    assert result.broken == [] and result.cost == 5000
    assert result.chosen == [0, 1, 2, 7, 8]
    assert result.explanations[8] == \
        "chosen: value 2, counts towards at least 2 with gender = female"
    for left_out in (3, 9):
        assert result.explanations[left_out] == (
            f"not chosen: value {10 - left_out}; its cost 1000 exceeds what is left of the "
            "budget (0)")


def test_a_soft_floor_that_cannot_be_met_is_reported():
    cands = [Candidate(i, value=1, attributes={"region": "weog"}) for i in range(5)]
    result = select(SelectionProblem(cands, count=3, exact_count=True,
                                     bounds=[Bound("region", "african", minimum=1)]))
    assert len(result.chosen) == 3
    assert result.broken == ["at least 1 with region = african: 1 short"]


def test_hard_bounds_that_contradict_are_infeasible():
    cands = [Candidate(i, value=1, attributes={"theme": "a"}) for i in range(3)]
    result = select(SelectionProblem(cands, count=2,
                                     bounds=[Bound("theme", "a", minimum=3, soft=False)]))
    assert result.status == "infeasible" and result.reasons


@pytest.mark.parametrize("forced", [True, False])
def test_forced_candidates(forced):
    cands = [Candidate("a", value=0, forced=forced), Candidate("b", value=5)]
    result = select(SelectionProblem(cands, count=1))
    assert result.chosen == (["a"] if forced else ["b"])


def test_solving_again_with_the_pairs_made_completes_and_never_doubles():
    items = [Item(i) for i in range(12)]
    reviewers = [Reviewer(f"r{j}") for j in range(8)]
    first = assign(Problem(items, reviewers, 5))
    again = assign(Problem(items, reviewers, 5, fixed=set(first.pairs)))
    assert (again.ok, again.added, again.per_item) == (True, [], (5, 5))
    assert sorted(again.pairs) == sorted(first.pairs)
    # One item lost two reviewers (a declared conflict): only those two are made again,
    # by reviewers with the lightest load and without a conflict.
    lost = sorted(p for p in first.pairs if p[0] == 0)[:2]
    kept = set(first.pairs) - set(lost)
    third = assign(Problem(items, reviewers, 5, conflicts=set(lost), fixed=kept))
    assert third.ok and len(third.added) == 2 and third.per_item == (5, 5)
    assert {i for i, _r in third.added} == {0} and not set(third.added) & set(lost)
