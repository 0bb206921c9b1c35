"""Who reviews what: every proposal gets ``k`` reviewers, loads are balanced, conflicts are
never assigned, reviewers can be kept to their issue areas, bids are honoured where possible.

Pairs already made (``fixed``: earlier assignments, scores given) count towards ``k`` and
towards each reviewer's load: solving again completes the assignment, never doubles it.

Solved exactly as a minimum-cost flow (OR-Tools): source -> proposal (capacity k) ->
reviewer (capacity 1, cost lower for a stronger bid) -> sink. Balance comes from the
reviewer -> sink arcs: one arc per unit of load, each dearer than the one before, so the
cheapest flow spreads the load as evenly as conflicts and groups allow (max - min <= 1 when
feasible) and honours bids only where balance does not suffer. No Django here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Reviewer:
    key: object
    groups: frozenset = frozenset()  # issue areas or themes; empty: any
    capacity: int | None = None  # at most this many, whatever the balance


@dataclass(frozen=True)
class Item:
    key: object
    group: object = None


@dataclass
class Problem:
    items: list
    reviewers: list
    k: int = 5
    conflicts: set = field(default_factory=set)  # {(item key, reviewer key)}
    bids: dict = field(default_factory=dict)  # {(item, reviewer): 1 (willing) .. 3 (eager)}
    by_group: bool = False
    fixed: set = field(default_factory=set)  # {(item, reviewer)} already made; they count


@dataclass
class Assignment:
    ok: bool
    pairs: list = field(default_factory=list)  # [(item key, reviewer key)], fixed ones too
    added: list = field(default_factory=list)  # the pairs this solve made
    per_item: tuple = (0, 0)  # reviews per item: min, max
    load: tuple = (0, 0)  # items per reviewer: min, max
    balanced: bool = True
    bids_met: int = 0
    seconds: float = 0.0
    reasons: list = field(default_factory=list)  # [(code, item or reviewer key, detail)]


def eligible(problem: Problem, item: Item, reviewer: Reviewer) -> bool:
    pair = (item.key, reviewer.key)
    if pair in problem.conflicts or pair in problem.fixed:
        return False
    return not (problem.by_group and reviewer.groups and item.group not in reviewer.groups)


def why_not(problem: Problem) -> list:
    """Reasons no assignment can exist, found without solving."""
    reasons = []
    if not problem.reviewers:
        return [("no_reviewers", None, "")]
    need = _needs(problem)
    for item in problem.items:
        n = sum(1 for r in problem.reviewers if eligible(problem, item, r))
        if n < need[item.key]:
            reasons.append(("too_few_reviewers", item.key, f"{n}<{need[item.key]}"))
    held = _loads(problem)
    capacity = sum(r.capacity - held[r.key] if r.capacity is not None else len(problem.items)
                   for r in problem.reviewers)
    if capacity < sum(need.values()):
        reasons.append(("not_enough_capacity", None, f"{capacity}<{sum(need.values())}"))
    return reasons


def _needs(problem: Problem) -> dict:
    """How many more reviewers each item needs, given the pairs already made."""
    have = {}
    for i, _r in problem.fixed:
        have[i] = have.get(i, 0) + 1
    return {it.key: max(0, problem.k - have.get(it.key, 0)) for it in problem.items}


def _loads(problem: Problem) -> dict:
    load = {r.key: 0 for r in problem.reviewers}
    for _i, r in problem.fixed:
        if r in load:
            load[r] += 1
    return load


def assign(problem: Problem) -> Assignment:
    from ortools.graph.python import min_cost_flow  # noqa: PLC0415 heavy (OR-Tools), loaded only when used

    began = time.monotonic()
    reasons = why_not(problem)
    if reasons:
        return Assignment(False, reasons=reasons, seconds=time.monotonic() - began)
    items, reviewers = problem.items, problem.reviewers
    need, held = _needs(problem), _loads(problem)
    demand = sum(need.values())
    # The u-th proposal of a reviewer costs u * STEP: the convex cost makes loads as even as
    # the conflicts and groups allow; STEP exceeds any bid, so balance comes before bids.
    step = 4
    flow = min_cost_flow.SimpleMinCostFlow()
    source, sink = 0, 1
    item_node = {it.key: 2 + i for i, it in enumerate(items)}
    reviewer_node = {r.key: 2 + len(items) + j for j, r in enumerate(reviewers)}
    arcs = []
    degree = {r.key: 0 for r in reviewers}
    for it in items:
        flow.add_arc_with_capacity_and_unit_cost(source, item_node[it.key], need[it.key], 0)
        for r in reviewers:
            if eligible(problem, it, r):
                bid = problem.bids.get((it.key, r.key), 0)
                arc = flow.add_arc_with_capacity_and_unit_cost(
                    item_node[it.key], reviewer_node[r.key], 1, 3 - bid)
                arcs.append((arc, it.key, r.key))
                degree[r.key] += 1
    for r in reviewers:
        cap = degree[r.key] if r.capacity is None else min(degree[r.key],
                                                             r.capacity - held[r.key])
        for u in range(held[r.key], held[r.key] + cap):
            flow.add_arc_with_capacity_and_unit_cost(reviewer_node[r.key], sink, 1, u * step)
    flow.set_node_supply(source, demand)
    flow.set_node_supply(sink, -demand)
    status = flow.solve_max_flow_with_min_cost()
    if status != flow.OPTIMAL or flow.maximum_flow() < demand:
        return Assignment(False, seconds=time.monotonic() - began,
                          reasons=[("conflicts_block", None,
                                    f"{flow.maximum_flow()}<{demand}")])
    added = [(i, r) for arc, i, r in arcs if flow.flow(arc) > 0]
    keys, people = {it.key for it in items}, {r.key for r in reviewers}
    pairs = added + sorted((p for p in problem.fixed if p[0] in keys and p[1] in people),
                           key=repr)
    per_item = {}
    load = {r.key: 0 for r in reviewers}
    for i, r in pairs:
        per_item[i] = per_item.get(i, 0) + 1
        load[r] += 1
    bids_met = sum(1 for pair in pairs if problem.bids.get(pair, 0) > 0)
    loads = list(load.values())
    return Assignment(True, pairs, added, (min(per_item.values(), default=0),
                                           max(per_item.values(), default=0)),
                      (min(loads), max(loads)), max(loads) - min(loads) <= 1, bids_met,
                      time.monotonic() - began)
