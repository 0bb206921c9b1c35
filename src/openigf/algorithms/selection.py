"""Choose the best candidates under a budget or a count, with floors and caps per group, and
say why each was chosen or not. No Django; OR-Tools CP-SAT.

Used for the MAG's balanced selection of workshops (count = slots; floors per theme, region,
stakeholder group, first-time and developing-country proposers) and for travel support and
NRI grants (budget; floors for women, regions, first-time participants).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

SCALE = 1000  # values and costs are kept to three decimals


@dataclass(frozen=True)
class Candidate:
    key: object
    value: float
    cost: float = 0.0
    attributes: Mapping = field(default_factory=dict)  # a value may be a frozenset
    forced: bool | None = None  # True: must be chosen; False: must not


@dataclass(frozen=True)
class Bound:
    attribute: str
    value: object
    minimum: int = 0
    maximum: int | None = None
    soft: bool = True  # a soft bound may be broken, at a large price, and is reported

    def matches(self, candidate: Candidate) -> bool:
        got = candidate.attributes.get(self.attribute)
        if isinstance(got, (set, frozenset, list, tuple)):
            return self.value in got
        return got == self.value

    def describe(self) -> str:
        what = f"{self.attribute} = {self.value}"
        if self.maximum is None:
            return f"at least {self.minimum} with {what}"
        return f"between {self.minimum} and {self.maximum} with {what}"


@dataclass
class Problem:
    candidates: Sequence[Candidate]
    budget: float | None = None
    count: int | None = None
    exact_count: bool = False
    bounds: Sequence[Bound] = ()


@dataclass
class Selection:
    status: str
    chosen: list = field(default_factory=list)
    objective: float = 0.0
    bound: float = 0.0
    cost: float = 0.0
    broken: list = field(default_factory=list)
    explanations: dict = field(default_factory=dict)
    reasons: list = field(default_factory=list)


def select(problem: Problem, *, time_limit: float = 10.0) -> Selection:
    from ortools.sat.python import cp_model  # noqa: PLC0415 heavy (OR-Tools), loaded only when used

    cands = list(problem.candidates)
    model = cp_model.CpModel()
    x = {c.key: model.NewBoolVar(f"x{i}") for i, c in enumerate(cands)}
    for c in cands:
        if c.forced is True:
            model.Add(x[c.key] == 1)
        elif c.forced is False:
            model.Add(x[c.key] == 0)
    if problem.budget is not None:
        model.Add(sum(int(round(c.cost * SCALE)) * x[c.key] for c in cands)
                  <= int(round(problem.budget * SCALE)))
    if problem.count is not None:
        total = sum(x.values())
        if problem.exact_count:
            model.Add(total == min(problem.count, len(cands)))
        else:
            model.Add(total <= problem.count)
    penalty = SCALE * 10 * (1 + int(max((abs(c.value) for c in cands), default=1)))
    penalty *= max(1, len(cands))
    slack_terms = []
    slacks = []
    for j, b in enumerate(problem.bounds):
        members = [x[c.key] for c in cands if b.matches(c)]
        n = sum(members) if members else 0
        if b.soft:
            short = model.NewIntVar(0, max(b.minimum, 0), f"short{j}")
            over = model.NewIntVar(0, len(cands), f"over{j}")
            model.Add(n + short >= b.minimum)
            if b.maximum is not None:
                model.Add(n - over <= b.maximum)
            slack_terms += [penalty * short, penalty * over]
            slacks.append((b, short, over))
        else:
            model.Add(n >= b.minimum)
            if b.maximum is not None:
                model.Add(n <= b.maximum)
    value = sum(int(round(c.value * SCALE)) * x[c.key] for c in cands)
    model.Maximize(value - sum(slack_terms))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = float(time_limit)
    solver.parameters.num_search_workers = 2
    status = solver.Solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        reasons = [f"cannot meet {b.describe()}" for b in problem.bounds if not b.soft]
        if problem.budget is not None:
            forced = sum(c.cost for c in cands if c.forced)
            if forced > problem.budget:
                reasons.append(f"the candidates that must be chosen cost {forced:g}, more "
                               f"than the budget {problem.budget:g}")
        return Selection("infeasible", reasons=reasons or ["the hard bounds contradict"])
    chosen = [c.key for c in cands if solver.Value(x[c.key])]
    broken = []
    for b, short, over in slacks:
        if solver.Value(short):
            broken.append(f"{b.describe()}: {solver.Value(short)} short")
        if solver.Value(over):
            broken.append(f"{b.describe()}: {solver.Value(over)} over")
    chosen_set = set(chosen)
    cost = sum(c.cost for c in cands if c.key in chosen_set)
    cutoff = min((c.value for c in cands if c.key in chosen_set), default=0)
    explanations = {}
    for c in cands:
        groups = [b.describe() for b in problem.bounds if b.matches(c) and b.minimum]
        if c.forced is not None:
            why = "chosen: set to be chosen" if c.forced else "not chosen: set to be left out"
        elif c.key in chosen_set:
            why = (f"chosen: value {c.value:g}" + (f", counts towards {'; '.join(groups)}"
                                                    if groups and c.value < cutoff + 1e-9
                                                    else ""))
        else:
            limit = []
            if problem.count is not None and len(chosen) >= problem.count:
                limit.append(f"all {problem.count} places taken by higher values or floors")
            if problem.budget is not None and cost + c.cost > problem.budget:
                limit.append(f"its cost {c.cost:g} exceeds what is left of the budget "
                             f"({problem.budget - cost:g})")
            why = f"not chosen: value {c.value:g}; " + ("; ".join(limit) or "a better "
                                                         "combination uses the room")
        explanations[c.key] = why
    return Selection("optimal" if status == cp_model.OPTIMAL else "feasible", chosen,
                     solver.ObjectiveValue() / SCALE, solver.BestObjectiveBound() / SCALE, cost,
                     broken, explanations)
