from celery import shared_task


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def reminders_send():
    from openigf.reporting import domain

    return domain.reminders_send()
