"""Sections of the session page that other parts add (transcript, reports...) without the
programme importing them: ``register(key, template=..., context=fn, order=...)`` in their
``AppConfig.ready()``; a section whose ``context(request, session)`` returns None is hidden."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    template: str
    context: Callable
    order: int = 50


_sections: dict[str, Section] = {}


def register(key: str, *, template: str, context: Callable, order: int = 50) -> None:
    _sections[key] = Section(key, template, context, order)


def render_list(request, session) -> list[dict]:
    shown = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        ctx = section.context(request, session)
        if ctx is not None:
            shown.append({"key": section.key, "template": section.template, "context": ctx})
    return shown


def apps() -> set[str]:
    """The apps that add sections (their rows show on session pages)."""
    return {section.context.__module__.split(".")[1] for section in _sections.values()
            if section.context.__module__.startswith("openigf.")}
