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
            plan = domain.assign_reviewers(round_=round_)
        except ApplicationError as error:
            raise CommandError(str(error)) from error
        result = plan.result
        conflicts = set(Conflict.objects.filter(round=round_).values_list("proposal_id",
                                                                          "reviewer_id"))
        figures = {"proposals": plan.proposals,
                   "reviewers": domain.reviewers(round_).count(),
                   "reviews_per_proposal": {"min": plan.per_proposal[0],
                                            "max": plan.per_proposal[1]},
                   "load": {"min": plan.load_range[0], "max": plan.load_range[1]},
                   "added": len(plan.add), "removed": len(plan.remove), "kept": len(plan.keep),
                   "conflicts_assigned": len(set(result.pairs) & conflicts),
                   "bids_met": result.bids_met, "seconds": round(result.seconds, 3)}
        if options["json"]:
            self.stdout.write(json.dumps(figures))
        else:
            for key, value in figures.items():
                self.stdout.write(f"{key}: {value}")
