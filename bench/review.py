"""The MAG's evaluation at the size of an IGF year.

Run: .venv/bin/python -m bench.review
Prints: assignment of 400 proposals to 55 reviewers with 5 reviews each (with 300 conflicts and
1,000 bids), grouped by theme and not; the same run again on its result (nothing added) and
after 20 conflicts declared later (only those completed); normalisation of the 2,000 scores;
the balanced selection of 100 out of 400 with floors (developing countries, first-time, every
region and stakeholder group) and a cap per theme; all on this machine, pure algorithms.
"""

import random
import time

from openigf.algorithms import assignment, normalisation, selection


def main():
    rng = random.Random(2019)
    themes = ["data", "inclusion", "security"]
    items = [assignment.Item(i, themes[i % 3]) for i in range(400)]
    conflicts = {(rng.randrange(400), rng.randrange(55)) for _ in range(300)}
    bids = {(rng.randrange(400), rng.randrange(55)): rng.randint(1, 3) for _ in range(1000)}
    for by_group in (False, True):
        reviewers = [assignment.Reviewer(j, frozenset({themes[j * 3 // 55]})) for j in range(55)]
        started = time.perf_counter()
        result = assignment.assign(assignment.Problem(items, reviewers, 5, conflicts, bids,
                                                      by_group=by_group))
        print(f"assignment 400 x 55 x 5 (by theme: {by_group}): ok {result.ok}, reviews per "
              f"proposal {result.per_item}, load {result.load}, conflicts assigned "
              f"{len(set(result.pairs) & conflicts)}, bids met {result.bids_met}, "
              f"{time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    again = assignment.assign(assignment.Problem(items, reviewers, 5, conflicts, bids,
                                                 by_group=True, fixed=set(result.pairs)))
    print(f"assignment run again on its own result: ok {again.ok}, added {len(again.added)}, "
          f"reviews per proposal {again.per_item}, {time.perf_counter() - started:.2f} s")
    dropped = set(rng.sample(sorted(result.pairs), 20))  # 20 conflicts declared later
    started = time.perf_counter()
    third = assignment.assign(assignment.Problem(
        items, reviewers, 5, conflicts | dropped, bids, by_group=True,
        fixed=set(result.pairs) - dropped))
    print(f"assignment completed after 20 declared conflicts: ok {third.ok}, added "
          f"{len(third.added)}, reviews per proposal {third.per_item}, load {third.load}, "
          f"{time.perf_counter() - started:.2f} s")
    strict = {j: rng.gauss(0, 0.6) for j in range(55)}
    quality = {i: rng.gauss(3.3, 0.8) for i in range(400)}
    scores = {(i, j): max(1, min(5, round(quality[i] + strict[j] + rng.gauss(0, 0.5))))
              for i, j in result.pairs}
    started = time.perf_counter()
    table = normalisation.normalise(scores)
    print(f"normalisation of {len(scores)} scores: {time.perf_counter() - started:.3f} s, "
          f"{sum(r.love_or_hate for r in table.values())} love-or-hate proposals")
    regions = ["african", "asia_pacific", "eeg", "grulac", "weog"]
    groups = ["government", "civil_society", "private_sector", "technical", "academia", "igo"]
    candidates = [selection.Candidate(i, r.normalised, attributes={
        "theme": themes[i % 3], "developing": rng.random() < 0.35,
        "first_time": rng.random() < 0.2,
        "region": frozenset(rng.sample(regions, 2)),
        "stakeholder_group": frozenset(rng.sample(groups, 2))}) for i, r in table.items()]
    bounds = [selection.Bound("developing", True, minimum=30),
              selection.Bound("first_time", True, minimum=15)]
    bounds += [selection.Bound("theme", t, maximum=36) for t in themes]
    bounds += [selection.Bound("region", g, minimum=1) for g in regions]
    bounds += [selection.Bound("stakeholder_group", g, minimum=1) for g in groups]
    started = time.perf_counter()
    chosen = selection.select(selection.Problem(candidates, count=100, exact_count=True,
                                                bounds=bounds))
    print(f"selection of 100 out of 400 with {len(bounds)} floors and caps: {chosen.status}, "
          f"objective {chosen.objective:.2f} (bound {chosen.bound:.2f}), broken "
          f"{chosen.broken}, {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
