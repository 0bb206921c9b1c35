"""Reads of the outcomes used by pages and the API."""

from openigf.outcomes.models import IgfMessage, MessageStatus


def public_messages(edition, *, theme: str = "", status: str = ""):
    """The IGF Messages the public sees (open for comment or final), in the theme's order,
    with their sessions; optionally of one theme (slug) or status."""
    messages = (IgfMessage.objects.filter(edition=edition).exclude(status=MessageStatus.DRAFT)
                .select_related("theme").prefetch_related("sessions"))
    if theme:
        messages = messages.filter(theme__slug=theme)
    if status:
        messages = messages.filter(status=status)
    return messages
