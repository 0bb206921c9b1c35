import datetime
import threading

import pytest
from django.core import mail
from django.db import connection, transaction
from django.utils import timezone

from openigf.outbox.domain import (
    mail_enqueue,
    mail_flush,
    mail_release_abandoned,
    mail_retry,
    mail_send,
)
from openigf.outbox.models import OutboxMail, Status
from tests.factories import EditionFactory, secretariat_of


class BrokenBackend:
    """An SMTP server that refuses every mail."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("smtp.example.org:587 refused the connection")


@pytest.mark.django_db(transaction=True)
def test_mail_is_sent_after_the_transaction_commits():
    with transaction.atomic():
        message = mail_enqueue(to="a@example.org", subject="Hello", body="Body")
        assert mail.outbox == []  # nothing leaves before the commit
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert [m.to for m in mail.outbox] == [["a@example.org"]]


@pytest.mark.django_db(transaction=True)
def test_mail_of_a_rolled_back_change_is_never_written_nor_sent():
    with pytest.raises(RuntimeError), transaction.atomic():
        mail_enqueue(to="a@example.org", subject="Hello", body="Body")
        raise RuntimeError("the change failed")
    assert OutboxMail.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_failed_mail_is_kept_with_its_error_and_retried_later(settings):
    settings.EMAIL_BACKEND = "tests.outbox.test_domain.BrokenBackend"
    message = mail_enqueue(to="a@example.org", subject="Hello", body="Body")
    message.refresh_from_db()
    assert message.status == Status.FAILED
    assert message.attempts == 1
    assert "refused" in message.last_error
    assert message.next_attempt_at > timezone.now()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert mail_flush() == 0  # not due yet
    OutboxMail.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
    assert mail_flush() == 1
    message.refresh_from_db()
    assert (message.status, message.attempts, message.last_error) == (Status.SENT, 2, "")


@pytest.mark.django_db(transaction=True)
def test_mail_gives_up_after_the_maximum_attempts_and_stays_visible(settings):
    settings.EMAIL_BACKEND = "tests.outbox.test_domain.BrokenBackend"
    settings.OUTBOX_MAX_ATTEMPTS = 2
    message = mail_enqueue(to="a@example.org", subject="Hello", body="Body")
    OutboxMail.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
    mail_flush()
    message.refresh_from_db()
    assert message.status == Status.GAVE_UP
    mail_retry(message=message)  # the Secretariat asks again
    message.refresh_from_db()
    assert message.status == Status.GAVE_UP and message.attempts == 3


@pytest.mark.django_db
def test_a_sent_mail_is_not_sent_twice():
    message = OutboxMail.objects.create(to="a@example.org", subject="s", body="b")
    assert mail_send(message_id=message.pk) is True
    assert mail_send(message_id=message.pk) is False
    assert len(mail.outbox) == 1


class FlakyBackend:
    """Records every attempt's Message-ID; refuses the first attempt of each message."""

    attempts: list = []

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        for m in messages:
            FlakyBackend.attempts.append(m.message()["Message-ID"])
        if len(FlakyBackend.attempts) == 1:
            raise ConnectionResetError("connection reset during DATA")
        return len(messages)


@pytest.mark.django_db
def test_every_attempt_of_a_mail_carries_the_same_message_id(settings):
    settings.EMAIL_BACKEND = "tests.outbox.test_domain.FlakyBackend"
    settings.DEFAULT_FROM_EMAIL = "IGF <no-reply@igf.example.org>"
    FlakyBackend.attempts = []
    message = OutboxMail.objects.create(to="a@example.org", subject="s", body="b")
    assert mail_send(message_id=message.pk) is False
    OutboxMail.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
    assert mail_flush() == 1
    assert FlakyBackend.attempts == [message.message_id] * 2
    assert message.message_id == (f"<outbox.{message.pk}.{message.created:%Y%m%d%H%M%S}"
                                  "@igf.example.org>")


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_claim_whose_worker_was_killed_is_sent_by_the_next_flush_at_once():
    """A worker killed right after claiming holds no lock any more: no waiting for a timeout."""
    message = OutboxMail.objects.create(to="a@example.org", subject="s", body="b",
                                     status=Status.SENDING, attempts=1,
                                     claimed_at=timezone.now())
    assert mail_flush() == 1
    message.refresh_from_db()
    assert (message.status, message.attempts, len(mail.outbox)) == (Status.SENT, 2, 1)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_claim_held_by_a_live_sender_is_neither_released_nor_sent_again():
    message = OutboxMail.objects.create(to="a@example.org", subject="s", body="b",
                                     status=Status.SENDING, attempts=1,
                                     claimed_at=timezone.now())
    locked, done = threading.Event(), threading.Event()

    def live_sender():  # holds the row as mail_send does while the SMTP server answers
        with transaction.atomic():
            OutboxMail.objects.select_for_update().get(pk=message.pk)
            locked.set()
            done.wait(10)
        connection.close()

    sender = threading.Thread(target=live_sender)
    sender.start()
    try:
        assert locked.wait(10)
        assert mail_flush() == 0
        assert mail_retry(message=message) is False
        message.refresh_from_db()
        assert (message.status, mail.outbox) == (Status.SENDING, [])
    finally:
        done.set()
        sender.join()
    assert mail_release_abandoned() == 1  # the sender is gone without marking it sent


@pytest.mark.django_db
def test_a_claim_left_by_a_dead_worker_is_released():
    message = OutboxMail.objects.create(
        to="a@example.org", subject="s", body="b", status=Status.SENDING,
        claimed_at=timezone.now() - datetime.timedelta(hours=1))
    assert mail_flush() == 1
    message.refresh_from_db()
    assert message.status == Status.SENT


@pytest.mark.django_db
def test_outbox_page_lists_failed_mail_for_the_secretariat(client,
                                                           django_capture_on_commit_callbacks):
    edition = EditionFactory()
    OutboxMail.objects.create(forum=edition.forum, edition=edition, to="x@example.org",
                           subject="Your proposal", body="b", status=Status.FAILED,
                           last_error="SMTPServerDisconnected")
    client.force_login(secretariat_of(edition.forum))
    page = client.get(f"/{edition.forum.slug}/{edition.slug}/manage/outbox/?status=failed")
    assert "SMTPServerDisconnected" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/{edition.forum.slug}/{edition.slug}/manage/outbox/"
                               f"{OutboxMail.objects.get().pk}/retry/")
    assert response.status_code == 302
    assert OutboxMail.objects.get().status == Status.SENT
