"""What IGF Messages hold about a person: the comments they wrote."""

from openigf.core import privacy
from openigf.outcomes.models import MessageComment


def export(person) -> list:
    return [{"message": str(c.message), "edition": str(c.message.edition), "text": c.text,
             "status": c.status, "written": c.created.isoformat()}
            for c in MessageComment.objects.filter(person=person).select_related(
                "message__edition", "message__theme").order_by("created")]


def erase(person) -> None:
    """Their comments are deleted, text and all."""
    MessageComment.objects.filter(person=person).delete()


def register() -> None:
    privacy.register("message_comments", export=export, erase=erase)
