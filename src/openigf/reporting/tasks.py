"""Celery entry points of reporting: each calls one domain function."""

from celery import shared_task

from openigf.reporting import domain


@shared_task(name="openigf.reporting.tasks.reminders_send", autoretry_for=(Exception,),
             retry_backoff=True, max_retries=5)
def reminders_send() -> int:
    """The hourly reminders (each reminder is recorded, so a retry sends none twice)."""
    return domain.reminders_send()
