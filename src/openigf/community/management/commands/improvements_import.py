from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from openigf.community.domain.improvements import recommendations_import
from openigf.community.importers import ImportFailed, parse_recommendations
from openigf.forums.models import Forum


class Command(BaseCommand):
    help = ("Import improvement recommendations from a CSV sheet (columns: recommendation, "
            "category, tags, source, reference, responsible, cost, status, remark). All or "
            "nothing: each wrong line is named and nothing is written.")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--forum", default="igf")

    def handle(self, *args, file, forum, **options):
        registry = Forum.objects.filter(slug=forum).first()
        if registry is None:
            raise CommandError(f"There is no forum {forum}.")
        try:
            rows = parse_recommendations(Path(file).read_bytes())
        except OSError as exc:
            raise CommandError(str(exc)) from None
        except ImportFailed as exc:
            raise CommandError("Nothing imported. " + "; ".join(
                f"line {line}: {message}" for line, message in exc.errors)) from None
        counts = recommendations_import(forum=registry, rows=rows)
        self.stdout.write("{rows} rows: {created} added, {updated} changed.".format(**counts))
