"""Export and erasure of a person's data. Each app registers what it holds about a person."""

from collections.abc import Callable

_exporters: dict[str, Callable] = {}
_erasers: dict[str, Callable] = {}


def register(section: str, *, export: Callable | None = None,
             erase: Callable | None = None) -> None:
    """``export(person) -> JSON-able``; ``erase(person)`` removes or anonymises the rest."""
    if export:
        _exporters[section] = export
    if erase:
        _erasers[section] = erase


def exporters() -> dict[str, Callable]:
    return dict(_exporters)


def erasers() -> dict[str, Callable]:
    return dict(_erasers)
