"""Queue and deliver mail. Every mail of the platform goes through :func:`mail_enqueue`."""

import datetime
import logging
import re
from collections.abc import Callable

from celery import current_app
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from openigf.outbox.models import OutboxMail, Status
from openigf.people.models import Person

log = logging.getLogger(__name__)
RETRY_DELAYS = [60, 300, 900, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 24 * 3600]
CLAIM_TIMEOUT = datetime.timedelta(minutes=10)  # only where rows cannot be locked (SQLite)
SEND_TASK = "openigf.outbox.tasks.outbox_send"
ABANDONED_NOTE = ("The worker sending it stopped before it finished; it is sent again with "
                  "the same Message-ID.")

# Links that are credentials (password reset, address confirmation) are never stored: the
# stored body holds a placeholder and the link is made when the mail is delivered.
_link_makers: dict[str, Callable[[OutboxMail], str | None]] = {}
_PLACEHOLDER = re.compile(r"\[link made at delivery: ([\w.]+)\]")


def register_link(name: str, maker: Callable[[OutboxMail], str | None]) -> None:
    """``maker(message)`` returns the link for the mail's recipient, or None when it can no
    longer be made (the mail is then not sent)."""
    _link_makers[name] = maker


def link_placeholder(name: str) -> str:
    """What a template puts where the link goes; the outbox keeps only this text."""
    return f"[link made at delivery: {name}]"


def _with_links(message: OutboxMail) -> str:
    def make(match):
        maker = _link_makers.get(match.group(1))
        link = maker(message) if maker else None
        if not link:
            raise LookupError(f"the link {match.group(1)} can no longer be made")
        return link

    return _PLACEHOLDER.sub(make, message.body)


def mail_enqueue(*, to: str, subject: str, body: str, html: str = "", kind: str = "",
                 edition=None, forum=None, reply_to: str = "") -> OutboxMail:
    """Write the mail in the caller's transaction; send it once that transaction commits.

    Side effects, in order: one ``OutboxMail`` row; after commit, a ``outbox_send`` task. If the
    task never runs (broker down), ``outbox_flush`` picks the row up later.
    """
    if edition is not None and forum is None:
        forum = edition.forum
    message = OutboxMail.objects.create(to=to, subject=subject[:300], body=body, html=html,
                                     kind=kind, edition=edition, forum=forum, reply_to=reply_to)
    transaction.on_commit(lambda: _dispatch(message.pk))
    return message


def mail_enqueue_template(*, to, template: str, context: dict, language: str | None = None,
                          **kwargs) -> OutboxMail:
    """Render ``<template>.subject.txt`` and ``<template>.txt`` in the reader's language
    (``language``, else the preferred language of the person with that address, else the
    current one).

    Times in the mail are in the edition's zone when ``edition`` is given.
    """
    edition = kwargs.get("edition")
    zone = edition.tz if edition is not None else timezone.get_current_timezone()
    with translation.override(language or _preferred_language(to)
                              or translation.get_language()), timezone.override(zone):
        ctx = {"site_url": settings.SITE_URL, **context}
        subject = " ".join(render_to_string(f"{template}.subject.txt", ctx).split())
        body = render_to_string(f"{template}.txt", ctx)
    return mail_enqueue(to=to, subject=subject, body=body, **kwargs)


def _preferred_language(address: str) -> str | None:
    return (Person.objects.filter(email__iexact=address).values_list(
        "preferred_language", flat=True).first() if address else None)


def _dispatch(message_id: int) -> None:
    """Queue the ``outbox_send`` task (by name: the tasks module imports this one)."""
    try:
        current_app.signature(SEND_TASK, kwargs={"message_id": message_id}).delay()
    except Exception:  # broker unreachable: the row stays queued for outbox_flush
        log.warning("outbox: could not queue message %s; flush will send it", message_id,
                    exc_info=True)


def _claim(message_id: int):
    """Mark the message as being sent, visibly, so that no other worker sends it too.

    Returns the claim's time (it identifies this claim), or ``None`` when the message is not
    due for sending or another worker holds it.
    """
    now = timezone.now()
    with transaction.atomic():
        message = (OutboxMail.objects.select_for_update(skip_locked=True)
                   .filter(pk=message_id, status__in=[Status.QUEUED, Status.FAILED]).first())
        if message is None:
            return None
        message.status, message.claimed_at = Status.SENDING, now
        message.attempts += 1
        message.save(update_fields=["status", "claimed_at", "attempts"])
    return now


def _email(message: OutboxMail) -> EmailMultiAlternatives:
    """The mail as delivered: credential links made now (``LookupError`` if they cannot be)."""
    email = EmailMultiAlternatives(
        subject=message.subject, body=_with_links(message), to=[message.to],
        from_email=settings.DEFAULT_FROM_EMAIL,
        reply_to=[message.reply_to] if message.reply_to else None,
        headers={"Message-ID": message.message_id},
    )
    if message.html:
        email.attach_alternative(message.html, "text/html")
    return email


def mail_send(*, message_id: int) -> bool:
    """Deliver one queued message. Returns whether it was sent now.

    Side effects, in order: the message is claimed (status ``sending``, committed, so the
    outbox page shows it); then, holding the row locked for the whole delivery, it is sent
    with its stable ``Message-ID`` and marked sent, or marked failed with the error and a
    later attempt time (``gave_up`` after ``OUTBOX_MAX_ATTEMPTS``). The lock is what tells
    :func:`mail_release_abandoned` that this sender is alive: a killed worker's lock ends with
    its database connection, and its claim is released at once. Only the claim's holder marks
    the message sent, so a message is never marked sent twice.
    """
    claimed_at = _claim(message_id)
    if claimed_at is None:
        return False
    with transaction.atomic():
        message = (OutboxMail.objects.select_for_update()
                   .filter(pk=message_id, status=Status.SENDING, claimed_at=claimed_at).first())
        if message is None:  # released in between by a flush that found it unlocked
            return False
        try:
            email = _email(message)
        except LookupError as exc:  # no retry can help: the person or their account is gone
            message.status, message.last_error = Status.GAVE_UP, str(exc)
            message.save(update_fields=["status", "last_error"])
            return False
        try:
            email.send()
        except Exception as exc:
            _record_failure(message, exc)
            return False
        message.status, message.sent_at, message.last_error = Status.SENT, timezone.now(), ""
        message.save(update_fields=["status", "sent_at", "last_error"])
    return True


def _record_failure(message: OutboxMail, exc: Exception) -> None:
    delay = RETRY_DELAYS[min(message.attempts, len(RETRY_DELAYS)) - 1]
    gave_up = message.attempts >= settings.OUTBOX_MAX_ATTEMPTS
    message.status = Status.GAVE_UP if gave_up else Status.FAILED
    message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
    message.next_attempt_at = timezone.now() + datetime.timedelta(seconds=delay)
    message.save(update_fields=["status", "last_error", "next_attempt_at"])
    log.warning("outbox: message %s failed (attempt %s): %s", message.pk, message.attempts, exc)


def mail_release_abandoned(*, ids=None) -> int:
    """Make the messages a dead worker left ``sending`` due again now; returns how many.

    A live sender holds its message's row locked (see :func:`mail_send`), so on PostgreSQL a
    ``sending`` row that can be locked has lost its worker, whatever the claim's age. Where
    the database has no such locks (SQLite: tasks run inline there), a claim older than
    ``CLAIM_TIMEOUT`` counts as abandoned. Side effect: those rows become ``failed``, due now,
    with a note that the mail may have left already (its ``Message-ID`` lets mail readers
    drop the copy).
    """
    now = timezone.now()
    with transaction.atomic():
        sending = OutboxMail.objects.filter(status=Status.SENDING)
        if ids is not None:
            sending = sending.filter(pk__in=ids)
        if connection.features.has_select_for_update_skip_locked:
            sending = sending.select_for_update(skip_locked=True)
        else:
            sending = sending.filter(claimed_at__lt=now - CLAIM_TIMEOUT)
        abandoned = list(sending.values_list("pk", flat=True))
        OutboxMail.objects.filter(pk__in=abandoned).update(
            status=Status.FAILED, next_attempt_at=now, claimed_at=None,
            last_error=ABANDONED_NOTE)
    if abandoned:
        log.warning("outbox: released %s message(s) left sending by a stopped worker: %s",
                    len(abandoned), abandoned)
    return len(abandoned)


def mail_flush(*, limit: int = 500) -> int:
    """Release what dead workers left claimed, then send every due message; returns how
    many were sent."""
    mail_release_abandoned()
    ids = list(OutboxMail.objects.due().order_by("next_attempt_at").values_list("pk", flat=True)
               [:limit])
    return sum(mail_send(message_id=pk) for pk in ids)


def mail_retry(*, message: OutboxMail) -> bool:
    """The Secretariat asks to try again now, whatever the previous attempts. Returns whether
    it was queued again: a sent message, or one a live worker is sending, is left alone."""
    mail_release_abandoned(ids=[message.pk])
    queued = OutboxMail.objects.filter(
        pk=message.pk, status__in=[Status.QUEUED, Status.FAILED, Status.GAVE_UP]).update(
        status=Status.QUEUED, next_attempt_at=timezone.now())
    if queued:
        transaction.on_commit(lambda: _dispatch(message.pk))
    return bool(queued)
