"""Scores of many reviewers made comparable. No Django.

Reviewers differ in strictness: one gives 2 where another gives 4. Each reviewer's scores are
turned into how far they stand from that reviewer's own mean, in that reviewer's own spread,
then put back on the common scale (the mean and spread of all scores). A reviewer with too
few scores, or who gave everyone the same score, is only shifted by their mean. A conflict is
a blank, never a zero: it does not lower the mean. The raw standard deviation shows the
love-or-hate proposals the MAG asked to see.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

MIN_FOR_SPREAD = 5


@dataclass(frozen=True)
class ItemResult:
    key: object
    n: int
    mean: float  # raw mean
    normalised: float
    stdev: float  # raw standard deviation
    minimum: int
    maximum: int
    love_or_hate: bool  # someone scored it 4-5 and someone 1-2, with a wide spread


def normalise(scores: dict) -> dict:
    """``scores``: ``{(item, reviewer): score}`` (1-5; conflicts are simply absent). Returns
    ``{item: ItemResult}``."""
    if not scores:
        return {}
    values = list(scores.values())
    grand_mean = statistics.fmean(values)
    grand_sd = statistics.pstdev(values) or 1.0
    by_reviewer = {}
    for (_item, reviewer), score in scores.items():
        by_reviewer.setdefault(reviewer, []).append(score)
    shape = {}
    for reviewer, given in by_reviewer.items():
        mean = statistics.fmean(given)
        sd = statistics.pstdev(given) if len(given) >= MIN_FOR_SPREAD else 0.0
        shape[reviewer] = (mean, sd)
    by_item = {}
    for (item, reviewer), score in scores.items():
        mean, sd = shape[reviewer]
        if sd > 0:
            adjusted = grand_mean + (score - mean) / sd * grand_sd
        else:
            adjusted = score - mean + grand_mean
        by_item.setdefault(item, []).append((score, adjusted))
    results = {}
    for item, pairs in by_item.items():
        raw = [p[0] for p in pairs]
        sd = statistics.pstdev(raw) if len(raw) > 1 else 0.0
        results[item] = ItemResult(
            item, len(raw), round(statistics.fmean(raw), 3),
            round(statistics.fmean(p[1] for p in pairs), 3), round(sd, 3), min(raw), max(raw),
            len(raw) >= 3 and min(raw) <= 2 and max(raw) >= 4 and sd >= 1.2)
    return results
