"""``openigf assign_reviewers igf/2019 [--json]``: assign the MAG's reviewers and print the
figures."""

import json

from django.core.management.base import BaseCommand, CommandError

from openigf.core.errors import ApplicationError
from openigf.forums.queries import edition_from
from openigf.review import domain
from openigf.review.models import Conflict, Round


class Command(BaseCommand):
    help = "Assign k reviewers to every proposal of the edition's evaluation round."

    def add_arguments(self, parser):
        parser.add_argument("edition", help="<forum>/<edition>, e.g. igf/2019")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        edition = edition_from(options["edition"])
        round_ = Round.objects.filter(edition=edition).first()
        if round_ is None:
            raise CommandError("The edition has no evaluation round; set it up first.")
        try:
            result = domain.assign_reviewers(round_=round_)
        except ApplicationError as error:
            raise CommandError(str(error)) from error
        conflicts = set(Conflict.objects.filter(round=round_).values_list("proposal_id",
                                                                          "reviewer_id"))
        figures = {"proposals": len({p for p, _r in result.pairs}),
                   "reviewers": domain.reviewers(round_).count(),
                   "reviews_per_proposal": {"min": result.per_item[0],
                                            "max": result.per_item[1]},
                   "load": {"min": result.load[0], "max": result.load[1]},
                   "conflicts_assigned": len(set(result.pairs) & conflicts),
                   "bids_met": result.bids_met, "seconds": round(result.seconds, 3)}
        if options["json"]:
            self.stdout.write(json.dumps(figures))
        else:
            for key, value in figures.items():
                self.stdout.write(f"{key}: {value}")
