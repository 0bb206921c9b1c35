"""The agenda of one day as a rooms-by-time table: a row per time step, a column per room, a
session spanning the rows of its duration (``rowspan``)."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from math import gcd


@dataclass
class Cell:
    items: list = field(default_factory=list)  # agenda items starting here (usually one)
    rowspan: int = 1


@dataclass
class Row:
    starts_at: datetime
    cells: list  # per room: a Cell, or None where a session above still runs


def step_of(items, largest: int = 30) -> int:
    """Minutes between rows: the largest step (up to ``largest``) on which every start and
    end falls."""
    step = 0
    for item in items:
        step = gcd(step, item.starts_at.minute, item.ends_at.minute,
                   int((item.ends_at - item.starts_at).total_seconds() // 60))
    return min(step, largest) if step else largest


def day_grid(items, rooms) -> list[Row]:
    """The rows of the day's table. ``items`` are agenda items of one day (placed in a room of
    ``rooms``; others are left out), in the order of their start. Rows run from the first start
    to the last end; a session overlapping another in its room joins that session's cell."""
    items = [i for i in items if i.room is not None and i.starts_at is not None]
    if not items:
        return []
    column = {room.pk: n for n, room in enumerate(rooms)}
    items = [i for i in items if i.room.pk in column]
    if not items:
        return []
    step = timedelta(minutes=step_of(items))
    first = min(i.starts_at for i in items)
    last = max(i.ends_at for i in items)
    count = max(1, -(-(last - first) // step))
    rows = [Row(first + n * step, [Cell() for _ in rooms]) for n in range(count)]
    taken: dict[tuple[int, int], Cell] = {}  # (row, column) -> the cell covering it
    for item in sorted(items, key=lambda i: i.starts_at):
        col = column[item.room.pk]
        top = int((item.starts_at - first) // step)
        span = max(1, -(-(item.ends_at - item.starts_at) // step))
        span = min(span, count - top)
        if (top, col) in taken:  # a clash in a published version: shown together
            taken[(top, col)].items.append(item)
            continue
        cell = rows[top].cells[col]
        cell.items.append(item)
        # as far as free below
        free = 1
        while free < span and (top + free, col) not in taken:
            free += 1
        cell.rowspan = free
        for n in range(free):
            taken[(top + n, col)] = cell
            if n:
                rows[top + n].cells[col] = None
    return rows


def luminance(colour: str) -> float:
    """WCAG relative luminance of "#rrggbb" (or "#rgb"); a grey's for anything else."""
    text = colour.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    try:
        channels = [int(text[i:i + 2], 16) / 255 for i in (0, 2, 4)] if len(text) == 6 else None
    except ValueError:
        channels = None
    if channels is None:
        return 0.18

    def linear(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: float, b: float) -> float:
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)
