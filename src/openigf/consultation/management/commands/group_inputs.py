"""``openigf group_inputs FORUM/EDITION --k N [--json]``: group the published inputs of an
edition's call for issues, as the theme discovery page does (nothing is saved)."""

from django.core.management.base import BaseCommand, CommandError

from openigf.algorithms.clustering import Text
from openigf.consultation.management.commands._grouping import group_and_print
from openigf.consultation.themes import inputs_to_group
from openigf.forums.models import Edition


class Command(BaseCommand):
    help = "Group the published inputs of an edition's call for issues into k themes."

    def add_arguments(self, parser):
        parser.add_argument("edition", help="forum/edition, e.g. igf/2019")
        parser.add_argument("--k", type=int, required=True)
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        forum, _, slug = options["edition"].partition("/")
        edition = Edition.objects.filter(forum__slug=forum, slug=slug).first()
        if edition is None:
            raise CommandError(f"No edition {options['edition']} (write forum/edition).")
        texts = [Text(pk, text) for pk, text in inputs_to_group(edition).values_list("id",
                                                                                      "text")]
        group_and_print(self, texts, k=options["k"], as_json=options["json"])
