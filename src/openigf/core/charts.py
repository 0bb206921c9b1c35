"""Breakdowns (counts and shares by a classification) shown as bars beside an accessible table.

Every results page prints counts by stakeholder group and region; this module is the one way
to build them. Templates render them with ``{% include "core/includes/breakdown.html" %}``.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from openigf.core.numbers import figure


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    count: int
    share: float  # 0..100

    @property
    def width(self) -> str:
        return f"{self.share:.1f}%"

    @property
    def length(self) -> float:
        """Length of the bar in the SVG of breakdown.html (its track is 200 units long)."""
        return round(2 * self.share, 1)


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


# --- Charts across editions: lines and stacked columns, drawn as SVG on the server ----------
# Every chart of the project is SVG made here and rendered by a template of
# core/includes/ (breakdown.html, chart.html), each with a table of
# the same figures under it, so that a screen reader or a copy-paste gets the numbers.

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 40
SERIES_CLASSES = 8  # .series-0 ... .series-7 in openigf.css


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    value: int | None


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    value: int


@dataclass(frozen=True)
class Series:
    label: str
    values: list
    css: str
    points: list  # Point, for lines
    rects: list  # Rect, for stacked columns

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points if p.value is not None)


@dataclass(frozen=True)
class Chart:
    kind: str  # "line" or "stacked"
    title: str
    slug: str
    x_labels: list  # (x, label)
    y_ticks: list  # (y, label)
    series: list
    width: int = WIDTH
    height: int = HEIGHT
    unit: str = ""

    @property
    def plot_bottom(self) -> int:
        return self.height - BOTTOM

    @property
    def table(self) -> list[tuple[str, list]]:
        """The accessible table: one row per x label, one column per series."""
        labels = [label for _x, label in self.x_labels]
        return [(label, [s.values[i] for s in self.series]) for i, label in enumerate(labels)]


def _nice_max(value: float) -> int:
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if value <= step * magnitude:
            return int(step * magnitude) if step * magnitude >= 1 else 1
    return int(10 * magnitude)


def _axes(labels, top_value):
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(labels), 1)
    xs = [LEFT + step * (i + 0.5) for i in range(len(labels))]
    top = _nice_max(top_value)
    ticks = [(TOP + plot_h - plot_h * k / 4, figure(int(top * k / 4))) for k in range(5)]

    def y_of(v):
        return TOP + plot_h - plot_h * (v or 0) / top
    return xs, step, ticks, y_of


def line_chart(title: str, labels: list[str], series: list[tuple[str, list]], *,
               slug: str = "", unit: str = "") -> Chart:
    """One line per ``(label, values)`` over ``labels`` (a value ``None`` leaves a gap)."""
    top = max([v for _l, values in series for v in values if v is not None] or [0])
    xs, _step, ticks, y_of = _axes(labels, top)
    drawn = [Series(str(label), list(values), f"series-{i % SERIES_CLASSES}",
                    [Point(x, y_of(v), v) for x, v in zip(xs, values, strict=True)], [])
             for i, (label, values) in enumerate(series)]
    return Chart("line", str(title), slug, list(zip(xs, labels, strict=True)), ticks, drawn,
                 unit=unit)


def stacked_chart(title: str, labels: list[str], series: list[tuple[str, list]], *,
                  slug: str = "", unit: str = "") -> Chart:
    """Columns over ``labels``, each stacking the ``series`` values of that label."""
    totals = [sum(values[i] or 0 for _l, values in series) for i in range(len(labels))]
    xs, step, ticks, y_of = _axes(labels, max(totals or [0]))
    width = step * 0.6
    base = [0] * len(labels)
    drawn = []
    for i, (label, values) in enumerate(series):
        rects = []
        for j, v in enumerate(values):
            v = v or 0
            top, bottom = y_of(base[j] + v), y_of(base[j])
            rects.append(Rect(xs[j] - width / 2, top, width, bottom - top, v))
            base[j] += v
        drawn.append(Series(str(label), list(values), f"series-{i % SERIES_CLASSES}", [],
                            rects))
    return Chart("stacked", str(title), slug, list(zip(xs, labels, strict=True)), ticks, drawn,
                 unit=unit)
