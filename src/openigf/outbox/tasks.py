from celery import shared_task

from openigf.outbox.domain import mail_flush, mail_send


@shared_task(name="openigf.outbox.tasks.outbox_send")
def outbox_send(*, message_id: int) -> bool:
    return mail_send(message_id=message_id)


@shared_task(name="openigf.outbox.tasks.outbox_flush")
def outbox_flush() -> int:
    return mail_flush()
