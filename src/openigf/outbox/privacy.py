"""What the outbox holds about a person: the mails sent to them, and mails naming them."""

from openigf.core import privacy
from openigf.core.audit import identifying_texts, mentioning, scrub
from openigf.outbox.models import OutboxMail


def export(person) -> list:
    if not person.email:
        return []
    return [{"queued": m.created.isoformat(), "to": m.to, "subject": m.subject,
             "text": m.body, "status": m.status,
             "sent": m.sent_at.isoformat() if m.sent_at else None}
            for m in OutboxMail.objects.filter(to__iexact=person.email).order_by("created", "id")]


def erase(person) -> None:
    """Mails to the person are deleted (with their address and any link); in mails to
    others their name and address are replaced."""
    if person.email:
        OutboxMail.objects.filter(to__iexact=person.email).delete()
    texts = identifying_texts(person)
    for message in mentioning(OutboxMail.objects.all(), texts, "subject", "body", "html"):
        for field in ("subject", "body", "html"):
            setattr(message, field, scrub(getattr(message, field), texts))
        message.save(update_fields=["subject", "body", "html"])


def register() -> None:
    privacy.register("mail", export=export, erase=erase)
