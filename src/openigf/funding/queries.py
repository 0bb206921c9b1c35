"""Reads of funding used by several pages."""

from django.utils import timezone


def current_call(edition, kind: str):
    """The call of ``edition`` open now, else the latest (``kind``: "travel" or "grant");
    None when the edition has none."""
    calls = list(getattr(edition, f"{kind}_calls").order_by("-opens_at"))
    now = timezone.now()
    return next((c for c in calls if c.opens_at <= now < c.closes_at), None) or \
        (calls[0] if calls else None)
