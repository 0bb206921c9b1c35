from django.core.management.base import BaseCommand, CommandError

from openigf.community.importers import export_recommendations
from openigf.community.models import Recommendation
from openigf.forums.models import Forum


class Command(BaseCommand):
    help = "Write the improvements tracker of a forum as CSV to standard output."

    def add_arguments(self, parser):
        parser.add_argument("--forum", default="igf")

    def handle(self, *args, forum, **options):
        registry = Forum.objects.filter(slug=forum).first()
        if registry is None:
            raise CommandError(f"There is no forum {forum}.")
        self.stdout.write(export_recommendations(
            Recommendation.objects.filter(forum=registry).prefetch_related("tags")), ending="")
