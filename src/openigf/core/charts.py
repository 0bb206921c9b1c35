"""Breakdowns (counts and shares by a classification) shown as bars beside an accessible table.

Every results page prints counts by stakeholder group and region; this module is the one way
to build them. Templates render them with ``{% include "core/includes/breakdown.html" %}``.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    count: int
    share: float  # 0..100

    @property
    def width(self) -> str:
        return f"{self.share:.1f}%"


@dataclass(frozen=True)
class Breakdown:
    title: str
    bars: list[Bar]
    total: int
    slug: str = ""


def breakdown(title: str, counts: Mapping[str, int], *, choices: Iterable | None = None,
              total: int | None = None, slug: str = "", keep_empty: bool = True,
              unknown_label: str = "Not given") -> Breakdown:
    """``counts`` maps a key to a count; ``choices`` (value, label) pairs give order and labels.
    Shares are of ``total`` (default: the sum)."""
    labels = dict(choices or [])
    total = sum(counts.values()) if total is None else total
    keys = list(labels) if keep_empty else [k for k in labels if counts.get(k)]
    keys += [k for k in counts if k not in labels]
    bars = []
    for key in keys:
        n = counts.get(key, 0)
        label = labels.get(key) or (unknown_label if key in ("", None) else str(key))
        bars.append(Bar(str(key), str(label), n, 100.0 * n / total if total else 0.0))
    return Breakdown(title=str(title), bars=bars, total=total, slug=slug)
