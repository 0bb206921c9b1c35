"""The values both published formats constrain the same way (C3VOC XML Schema and JSON
Schema): acronym, event ids, slugs, codes, addresses. Writers call :func:`publishable` so that
whatever a schedule holds, the file they write validates."""

import dataclasses
import re

from django.utils.text import slugify

from openigf.programme.interchange.records import Schedule

SLUG = re.compile(r"[a-z0-9_]{4,}-[a-z0-9_-]{3,}[a-z0-9]")  # both schemas at once
CODE = re.compile(r"[0-9A-Z]{6}")
HTTP = re.compile(r"https?://\S+")
TRACK_SLUG = re.compile(r"[a-z][a-z0-9-]*[a-z0-9]")
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def acronym(text: str) -> str:
    """Lower-case letters, digits and underscores, at least four ("fosdem-2025" ->
    "fosdem_2025"), which both schemas accept."""
    value = re.sub(r"[^a-z0-9_]+", "_", text.casefold()).strip("_")
    return value.ljust(4, "_")


def slug(text: str, *, limit: int = 50) -> str:
    """A slug that never ends in "-" or "_", even when cut."""
    return slugify(text)[:limit].strip("-_")


def http(url: str) -> str:
    return url if url and HTTP.fullmatch(url) else ""


def publishable(schedule: Schedule) -> Schedule:
    """A copy with a valid acronym, unique positive event ids, unique valid slugs (the
    file's own when valid), codes only where valid and unique, and only http(s) addresses
    in the optional address fields."""
    name = acronym(schedule.conference.acronym or schedule.conference.title or "schedule")
    conference = dataclasses.replace(schedule.conference, acronym=name)
    used_ids = set()
    for event in schedule.events:
        if event.id and event.id > 0 and event.id not in used_ids:
            used_ids.add(event.id)
    next_id = max(used_ids, default=0) + 1
    seen_ids, slugs, codes, events = set(), set(), set(), []
    for event in schedule.events:
        event_id = event.id if event.id and event.id > 0 and event.id not in seen_ids else None
        if event_id is None:
            event_id, next_id = next_id, next_id + 1
        seen_ids.add(event_id)
        event_slug = event.slug if event.slug and SLUG.fullmatch(event.slug) else ""
        if not event_slug or event_slug in slugs:
            event_slug = f"{name}-{event_id}-{slug(event.title) or 'session'}"
        slugs.add(event_slug)
        code = event.code or (event.slug if CODE.fullmatch(event.slug or "") else "")
        code = code if CODE.fullmatch(code) and code not in codes else ""  # pretalx's slug
        codes.add(code)
        events.append(dataclasses.replace(
            event, id=event_id, slug=event_slug, code=code, logo=http(event.logo),
            feedback_url=http(event.feedback_url), origin_url=http(event.origin_url)))
    return dataclasses.replace(schedule, conference=conference, events=events)


def room_slug(name: str, index: int) -> str:
    value = slug(name)
    return value if len(value) >= 2 else f"room-{index}"

