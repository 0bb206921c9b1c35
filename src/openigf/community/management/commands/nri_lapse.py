import datetime

from django.core.management.base import BaseCommand, CommandError

from openigf.community.domain.nris import initiatives_lapse_overdue
from openigf.forums.models import Forum


class Command(BaseCommand):
    help = ("Lapse the recognised initiatives (NRIs) of a forum whose annual report of the last "
            "closed year is missing (run it yearly after 31 March).")

    def add_arguments(self, parser):
        parser.add_argument("--forum", default="igf", help="Short name of the registry forum.")
        parser.add_argument("--as-of", help="Check as of this date (YYYY-MM-DD); default today.")

    def handle(self, *args, forum, as_of, **options):
        registry = Forum.objects.filter(slug=forum).first()
        if registry is None:
            raise CommandError(f"There is no forum {forum}.")
        try:
            today = datetime.date.fromisoformat(as_of) if as_of else None
        except ValueError:
            raise CommandError(f"--as-of {as_of}: give a date as YYYY-MM-DD.") from None
        lapsed = initiatives_lapse_overdue(forum=registry, today=today)
        for initiative in lapsed:
            self.stdout.write(f"lapsed: {initiative.name} (report of {initiative.lapsed_year})")
        self.stdout.write(f"{len(lapsed)} initiatives lapsed.")
