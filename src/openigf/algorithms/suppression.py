"""Small-cell suppression for published counts: a count of fewer than ``threshold`` people
could point at a person, so it is hidden; when a column shows its total, hiding one cell
alone would let a reader subtract it back, so the next smallest cell is hidden with it."""

from collections.abc import Mapping

THRESHOLD = 5


def suppress(counts: Mapping[str, int], *, threshold: int = THRESHOLD) -> dict[str, int | None]:
    """``counts`` with every cell of 1 to ``threshold - 1`` replaced by ``None`` (zero stays
    zero: nobody is pointed at), plus the smallest other non-zero cell when only one would be
    hidden."""
    shown: dict[str, int | None] = dict(counts)
    hidden = [k for k, n in counts.items() if 0 < n < threshold]
    for key in hidden:
        shown[key] = None
    if len(hidden) == 1:
        others = sorted((n, k) for k, n in counts.items() if n >= threshold)
        if others:
            shown[others[0][1]] = None
    return shown
