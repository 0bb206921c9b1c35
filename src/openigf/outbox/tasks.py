"""Celery entry points of the outbox: each takes keyword-only ids and calls one domain
function. ``outbox.domain`` queues them by name, so it never imports this module."""

from celery import shared_task

from openigf.outbox.domain import SEND_TASK, mail_flush, mail_send


@shared_task(name=SEND_TASK)
def outbox_send(*, message_id: int) -> bool:
    return mail_send(message_id=message_id)


@shared_task(name="openigf.outbox.tasks.outbox_flush")
def outbox_flush() -> int:
    return mail_flush()
