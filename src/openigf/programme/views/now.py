"""Now and next: per room, the session running and the one after, with where to follow them
online. The page asks for itself again every minute (htmx), and works without script."""

from django.shortcuts import render
from django.views import View

from openigf.programme import pagecache, queries
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
    from openigf.core import when

    today = when.local(at, edition.tz).date()
    return any(when.local(i.starts_at, edition.tz).date() == today for i in items)


class NowView(EditionPageMixin, View):
    def get(self, request, **kwargs):
        from openigf.programme.domain import now as clock

        edition = request.edition
        at = clock()
        release, items = queries.published(edition)
        rows = now_and_next(items, at)
        for row in rows:
            for key in ("now", "next"):
                item = row[key]
                if item is not None:
                    item.watch = item.session.watch_url(item.room)
        template = ("programme/now_block.html" if request.htmx else "programme/now.html")
        response = render(request, template, {
            "rows": rows, "at": at, "release": release, "refresh": REFRESH_SECONDS,
            "meeting": during_meeting(edition, items, at)})
        response["Cache-Control"] = "no-cache"
        pagecache.patch_vary_headers(response, ("HX-Request",))
        return response
