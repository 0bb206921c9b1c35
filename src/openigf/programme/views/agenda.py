"""The shared parts of the public programme pages, rendered without the request (so that
nothing personal can enter them) and kept by ``pagecache``."""

import datetime
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.template.loader import render_to_string
from django.utils import timezone

from openigf.core import when
from openigf.forums.enums import SessionKind
from openigf.programme import grid, profiles, queries
from openigf.programme.models import Language, SessionPerson

MAX_FILTER = 100
VIEWS = ("list", "grid")
MINE_FORMATS = [("ics", "iCalendar"), ("csv", "CSV"), ("json", "JSON"), ("xml", "frab XML")]
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Choice:
    """What the reader asked of the agenda: filters (``queries.AGENDA_FILTERS``), a view, and
    the day of the grid. Values are cut to a sane length; unknown ones match nothing."""

    filters: tuple
    view: str

    @classmethod
    def of(cls, query) -> "Choice":
        filters = tuple((name, (query.get(name) or "").strip()[:MAX_FILTER])
                        for name in queries.AGENDA_FILTERS)
        view = query.get("view") if query.get("view") in VIEWS else "list"
        return cls(filters, view)

    @property
    def values(self) -> dict:
        return dict(self.filters)

    @property
    def key(self) -> str:
        return f"{self.view}|" + "|".join(f"{k}={v}" for k, v in self.filters if v)

    @property
    def cacheable(self) -> bool:
        """Free text is not kept (each search would fill the cache); the choices are."""
        return not self.values["q"]


def local_date(item):
    return when.local(item.starts_at).date()


def theme_style(theme) -> str:
    """The theme's colour as background with black or white text, whichever contrasts more
    (one of them always reaches 4.5:1)."""
    colour = (theme.colour if theme else "") or "#767676"
    text = "#000" if grid.luminance(colour) > 0.179 else "#fff"
    return f"background:{colour};color:{text}"


def agenda_body(edition, choice: Choice, *, only=None, browser=False) -> str:
    """The agenda's content for ``choice``; ``only`` keeps those session ids (a person's
    schedule); ``browser`` marks the list for the script to keep the browser's stars."""
    release, items = queries.published(edition)
    values = choice.values
    all_days = sorted({local_date(i) for i in items})
    day = values["day"] if _valid_day(values["day"]) else ""
    if choice.view == "grid" and not day and all_days:
        day = (_today_in(all_days) or all_days[0]).isoformat()
    shown = queries.filter_agenda(items, {**values, "day": day})
    if only is not None:
        shown = [i for i in shown if i.session.pk in only]
    days = {}
    for item in shown:
        days.setdefault(local_date(item), []).append(item)
    rooms = sorted({i.room for i in items if i.room}, key=lambda r: (r.order, r.name))
    themes = list(edition.themes.all())
    styles = {t.pk: theme_style(t) for t in themes}
    for item in shown:
        item.style = styles.get(item.session.theme_id) or theme_style(None)
    context = {
        "edition": edition, "forum": edition.forum, "release": release, "days": days,
        "count": len(shown), "total": len(items) if only is None else len(only),
        "themes": themes, "styles": styles, "all_days": all_days, "rooms": rooms,
        "kinds": SessionKind.choices, "languages": Language.choices, "filters": values,
        "day": day, "view": choice.view, "mine": only is not None or browser,
        "browser": browser, "query_without_view": _query(values, drop=("day",)),
        "zone": when.zone_name(edition.tz), "mine_formats": MINE_FORMATS,
        "day_label": when.format_date(datetime.date.fromisoformat(day)) if day else ""}
    if choice.view == "grid" and day:
        day_rooms = sorted({i.room for i in items if i.room and local_date(i).isoformat() == day},
                           key=lambda r: (r.order, r.name))
        context.update(grid_rooms=day_rooms, rows=grid.day_grid(shown, day_rooms))
    return render_to_string("programme/agenda_body.html", context)


def _valid_day(text: str) -> bool:
    try:
        return bool(_DAY.match(text)) and bool(datetime.date.fromisoformat(text))
    except ValueError:
        return False


def _today_in(days):
    today = when.local(timezone.now()).date()
    return today if today in days else None


def _query(values: dict, drop=()) -> str:
    return urlencode({k: v for k, v in values.items() if v and k not in drop})


def session_body(session) -> dict:
    """The session page's facts (``head``), its description and people (``about``), and its
    ``title``."""
    times = queries.session_times(session)
    people = list(session.people.all())
    room = times[2] if times else None
    others = profiles.other_sessions(session, people)
    public = profiles.public_profiles(people)
    context = {"session": session, "edition": session.edition, "forum": session.edition.forum,
               "times": times, "tags": list(session.tags.all()), "room": room,
               "watch": session.watch_url(room),
               "entries": [{"person": p, "profile": public.get(p.pk), "more": others.get(p.pk)}
                           for p in people]}
    return {"head": render_to_string("programme/session_head.html", context),
            "about": render_to_string("programme/session_main.html", context),
            "title": session.title}


def ids_from(text: str, limit: int) -> set[int] | None:
    """Session ids from "12,15,40" (as the browser's stars send them); None when not given."""
    if not text:
        return None
    return {int(p) for p in text.split(",")[:limit] if p.strip().isdigit() and len(p) < 12}


__all__ = ["Choice", "agenda_body", "session_body", "ids_from", "SessionPerson"]
