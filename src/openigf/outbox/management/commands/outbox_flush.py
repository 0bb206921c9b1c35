from django.core.management.base import BaseCommand

from openigf.outbox.domain import mail_flush


class Command(BaseCommand):
    help = "Send every queued or failed mail that is due (what the periodic task does)."

    def handle(self, *args, **options):
        sent = mail_flush()
        self.stdout.write(f"{sent} sent")
