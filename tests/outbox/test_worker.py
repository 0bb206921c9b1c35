"""A real Celery worker against the local Redis delivers a queued mail to a local SMTP sink."""

import asyncio
import os
import socket
import subprocess
import sys
import threading
import time

import pytest
import redis
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message as MessageHandler
from celery import Celery
from django.core import mail
from django.db import connection

from conftest import TEST_REDIS_URL
from openigf.outbox.domain import mail_flush
from openigf.outbox.models import OutboxMail, Status

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]


@pytest.fixture
def smtp_sink():
    """A local SMTP server keeping what it receives; ``hold`` (an event) set by a test makes
    it wait before answering a mail's data, as a slow server does."""
    received = []
    hold, holding = threading.Event(), threading.Event()
    hold.set()

    class Sink(MessageHandler):
        async def handle_DATA(self, server, session, envelope):
            holding.set()
            for _ in range(400):
                if hold.is_set():
                    break
                await asyncio.sleep(0.05)
            return await super().handle_DATA(server, session, envelope)

        def handle_message(self, message):
            received.append(message)

    with socket.socket() as probe:  # a free port (aiosmtpd cannot start on port 0)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    controller.received, controller.hold, controller.holding = received, hold, holding
    yield controller
    controller.stop()


@pytest.fixture
def worker(smtp_sink, transactional_db, tmp_path):
    redis.Redis.from_url(TEST_REDIS_URL).flushdb()
    log_path = tmp_path / "worker.log"
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:"
                        f"{db['PORT'] or 5432}/{db['NAME']}",
        "REDIS_URL": TEST_REDIS_URL,
        "TASKS_INLINE": "false",
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_sink.port}",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "openigf", "worker", "--concurrency=1",
         "--pool=solo", "--loglevel=INFO", "--without-gossip", "--without-mingle"],
        env=env, stdout=log_path.open("w"), stderr=subprocess.STDOUT, text=True)
    process.log_path = log_path
    yield process
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.mark.django_db(transaction=True)
def test_worker_delivers_a_queued_mail_to_smtp(worker, smtp_sink):
    message = OutboxMail.objects.create(to="speaker@example.org", subject="Please confirm",
                                     body="Confirm your participation.")
    # A producer of its own: the suite's Celery app runs tasks inline.
    producer = Celery("openigf-test-producer", broker=TEST_REDIS_URL, set_as_current=False)
    producer.send_task("openigf.outbox.tasks.outbox_send", kwargs={"message_id": message.pk})
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and not smtp_sink.received:
        time.sleep(0.25)
    assert smtp_sink.received, "no mail reached the SMTP sink; worker log:\n" + \
        worker.log_path.read_text()[-4000:]
    assert smtp_sink.received[0]["Subject"] == "Please confirm"
    assert smtp_sink.received[0]["To"] == "speaker@example.org"
    message.refresh_from_db()
    assert message.status == Status.SENT


@pytest.mark.django_db(transaction=True)
def test_a_mail_whose_worker_is_killed_mid_send_is_sent_by_the_next_flush(worker, smtp_sink):
    smtp_sink.hold.clear()  # the SMTP server takes its time: the worker is killed meanwhile
    message = OutboxMail.objects.create(to="speaker@example.org", subject="Please confirm",
                                     body="Confirm your participation.")
    producer = Celery("openigf-test-producer", broker=TEST_REDIS_URL, set_as_current=False)
    producer.send_task("openigf.outbox.tasks.outbox_send", kwargs={"message_id": message.pk})
    assert smtp_sink.holding.wait(90), worker.log_path.read_text()[-4000:]
    message.refresh_from_db()
    assert message.status == Status.SENDING  # visible as being sent
    worker.kill()
    worker.wait(10)
    smtp_sink.hold.set()

    deadline = time.monotonic() + 5
    sent = 0
    while not sent and time.monotonic() < deadline:  # the database notices the dead client
        sent = mail_flush()
        time.sleep(0.1)
    assert sent == 1
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.SENT, 2)
    assert mail_flush() == 0  # marked sent once, never sent a third time
    # The server may have kept the killed worker's copy: both carry the same Message-ID.
    ids = {m["Message-ID"] for m in smtp_sink.received} | {
        m.message()["Message-ID"] for m in mail.outbox}
    assert ids == {message.message_id}
