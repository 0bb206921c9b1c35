"""Now and next: per room, the session running and the one after, with where to follow them
online. The page asks for itself again every minute (htmx), and works without script."""

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.views import View

from openigf.core import when
from openigf.programme import domain, pagecache, queries
from openigf.programme.views.public import EditionPageMixin

REFRESH_SECONDS = 60


def now_and_next(items, at) -> list[dict]:
    """Per room (in room order), the item running at ``at`` and the next one starting after
    it (or after ``at`` when none runs); rooms with neither are left out."""
    rooms = {}
    for item in items:
        if item.room is None or item.ends_at <= at:
            continue
        entry = rooms.setdefault(item.room.pk, {"room": item.room, "now": None, "next": None})
        if item.starts_at <= at:
            if entry["now"] is None:
                entry["now"] = item
        elif entry["next"] is None:
            entry["next"] = item
    return sorted(rooms.values(), key=lambda e: (e["room"].order, e["room"].name))


def during_meeting(edition, items, at) -> bool:
    """Whether ``at`` falls on a day of the published sessions (the home shows the block)."""
    today = when.local(at, edition.tz).date()
    return any(when.local(i.starts_at, edition.tz).date() == today for i in items)


def block_html(edition, at, items=None, release=None) -> str:
    """The block of what runs at ``at`` and next, the same for everyone."""
    if items is None:
        release, items = queries.published(edition)
    rows = now_and_next(items, at)
    for row in rows:
        for key in ("now", "next"):
            item = row[key]
            if item is not None:
                item.watch = item.session.watch_url(item.room)
    return render_to_string("programme/now_block.html", {
        "rows": rows, "at": at, "release": release, "refresh": REFRESH_SECONDS,
        "current_forum": edition.forum, "current_edition": edition})


def kept_block(edition, at) -> str:
    """``block_html`` kept for the minute (every open page asks each minute)."""
    version = pagecache.version_of(edition)
    minute = at.replace(second=0, microsecond=0)
    return pagecache.kept("now", version, (minute.isoformat(),),
                          lambda: block_html(edition, minute))


class NowView(EditionPageMixin, View):
    def get(self, request, **kwargs):
        block = mark_safe(kept_block(request.edition, domain.now()))  # noqa: S308 (our render)
        if request.htmx:
            response = HttpResponse(block)
        else:
            response = render(request, "programme/now.html",
                              {"now_block": block, "refresh": REFRESH_SECONDS})
        response["Cache-Control"] = "no-cache"
        patch_vary_headers(response, ("HX-Request",))
        return response
