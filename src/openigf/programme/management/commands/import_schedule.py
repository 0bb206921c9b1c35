"""``openigf import_schedule igf/2019 FILE``: add a frab XML or JSON schedule to an edition."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from openigf.core.errors import ApplicationError
from openigf.programme.importers import import_schedule
from openigf.programme.management.commands.schedule import edition_from


class Command(BaseCommand):
    help = "Import a frab XML or JSON schedule (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("edition")
        parser.add_argument("file")

    def handle(self, *args, **options):
        edition = edition_from(options["edition"])
        try:
            counts = import_schedule(edition=edition, data=Path(options["file"]).read_bytes())
        except (ApplicationError, OSError) as error:
            raise CommandError(f"{options['file']}: {error}") from error
        self.stdout.write(f"Imported {counts['sessions']} sessions in {counts['rooms']} rooms.")
