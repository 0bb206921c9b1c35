"""``openigf analytics_rebuild``: count again, from the turns of every transcript, the words
per speaker that the participation figures read (kept when a transcript is stored or a
speaker linked; to run after turns were written some other way, e.g. a restore)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from openigf.transcripts.domain import spoken_words_count


class Command(BaseCommand):
    help = "Count again the words per speaker of every transcript, as the figures read them."

    def handle(self, *args, **options):
        with transaction.atomic():
            rows = spoken_words_count()
        self.stdout.write(f"{rows} speaker counts kept.")
