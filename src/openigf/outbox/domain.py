"""Queue and deliver mail. Every mail of the platform goes through :func:`mail_enqueue`."""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from openigf.outbox.models import Message, Status

log = logging.getLogger(__name__)
RETRY_DELAYS = [60, 300, 900, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 24 * 3600]
CLAIM_TIMEOUT = datetime.timedelta(minutes=10)


def mail_enqueue(*, to: str, subject: str, body: str, html: str = "", kind: str = "",
                 edition=None, forum=None, reply_to: str = "") -> Message:
    """Write the mail in the caller's transaction; send it once that transaction commits.

    Side effects, in order: one ``Message`` row; after commit, a ``outbox_send`` task. If the
    task never runs (broker down), ``outbox_flush`` picks the row up later.
    """
    if edition is not None and forum is None:
        forum = edition.forum
    message = Message.objects.create(to=to, subject=subject[:300], body=body, html=html,
                                     kind=kind, edition=edition, forum=forum, reply_to=reply_to)
    transaction.on_commit(lambda: _dispatch(message.pk))
    return message


def mail_enqueue_template(*, to, template: str, context: dict, language: str | None = None,
                          **kwargs) -> Message:
    """Render ``<template>.subject.txt`` and ``<template>.txt`` in the reader's language.

    Times in the mail are in the edition's zone when ``edition`` is given.
    """
    edition = kwargs.get("edition")
    zone = edition.tz if edition is not None else timezone.get_current_timezone()
    with translation.override(language or translation.get_language()), timezone.override(zone):
        ctx = {"site_url": settings.SITE_URL, **context}
        subject = " ".join(render_to_string(f"{template}.subject.txt", ctx).split())
        body = render_to_string(f"{template}.txt", ctx)
    return mail_enqueue(to=to, subject=subject, body=body, **kwargs)


def _dispatch(message_id: int) -> None:
    from openigf.outbox.tasks import outbox_send

    try:
        outbox_send.delay(message_id=message_id)
    except Exception:  # broker unreachable: the row stays queued for outbox_flush
        log.warning("outbox: could not queue message %s; flush will send it", message_id,
                    exc_info=True)


def _claim(message_id: int) -> Message | None:
    """Mark the message as being sent, so that no other worker sends it too."""
    now = timezone.now()
    with transaction.atomic():
        message = (Message.objects.select_for_update(skip_locked=True)
                   .filter(pk=message_id).first())
        if message is None or message.status not in (Status.QUEUED, Status.FAILED):
            return None
        message.status, message.claimed_at = Status.SENDING, now
        message.attempts += 1
        message.save(update_fields=["status", "claimed_at", "attempts"])
    return message


def mail_send(*, message_id: int) -> bool:
    """Deliver one queued message. Returns whether it was sent now.

    Side effects: the message is claimed (row lock), sent over the configured backend, then
    marked sent; on failure it is marked failed with the error and a later attempt time, or
    ``gave_up`` after ``OUTBOX_MAX_ATTEMPTS``.
    """
    message = _claim(message_id)
    if message is None:
        return False
    email = EmailMultiAlternatives(
        subject=message.subject, body=message.body, to=[message.to],
        from_email=settings.DEFAULT_FROM_EMAIL,
        reply_to=[message.reply_to] if message.reply_to else None,
    )
    if message.html:
        email.attach_alternative(message.html, "text/html")
    try:
        email.send()
    except Exception as exc:
        _record_failure(message, exc)
        return False
    message.status, message.sent_at, message.last_error = Status.SENT, timezone.now(), ""
    message.save(update_fields=["status", "sent_at", "last_error"])
    return True


def _record_failure(message: Message, exc: Exception) -> None:
    delay = RETRY_DELAYS[min(message.attempts, len(RETRY_DELAYS)) - 1]
    gave_up = message.attempts >= settings.OUTBOX_MAX_ATTEMPTS
    message.status = Status.GAVE_UP if gave_up else Status.FAILED
    message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
    message.next_attempt_at = timezone.now() + datetime.timedelta(seconds=delay)
    message.save(update_fields=["status", "last_error", "next_attempt_at"])
    log.warning("outbox: message %s failed (attempt %s): %s", message.pk, message.attempts, exc)


def mail_flush(*, limit: int = 500) -> int:
    """Send every due message and release the ones a dead worker left claimed."""
    Message.objects.stuck(timezone.now() - CLAIM_TIMEOUT).update(status=Status.FAILED)
    ids = list(Message.objects.due().order_by("next_attempt_at").values_list("pk", flat=True)
               [:limit])
    return sum(mail_send(message_id=pk) for pk in ids)


def mail_retry(*, message: Message) -> None:
    """The Secretariat asks to try again now, whatever the previous attempts."""
    Message.objects.filter(pk=message.pk).exclude(status=Status.SENT).update(
        status=Status.QUEUED, next_attempt_at=timezone.now())
    transaction.on_commit(lambda: _dispatch(message.pk))
