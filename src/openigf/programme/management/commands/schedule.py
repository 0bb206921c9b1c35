"""``openigf schedule igf/2019 [--time-limit 30] [--json] [--publish] [--move-placed]``: solve
the edition's schedule and print its figures."""

import json

from django.core.management.base import BaseCommand, CommandError

from openigf.core.errors import ApplicationError
from openigf.forums.queries import edition_from
from openigf.programme import domain


class Command(BaseCommand):
    help = "Place every session of an edition clash-free and print the figures."

    def add_arguments(self, parser):
        parser.add_argument("edition", help="<forum>/<edition>, e.g. igf/2019")
        parser.add_argument("--time-limit", type=float, default=30.0)
        parser.add_argument("--move-placed", action="store_true",
                            help="once a version is public, let placed sessions move too "
                                 "(by default they keep their time and room)")
        parser.add_argument("--publish", action="store_true",
                            help="publish the result as the next version")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        edition = edition_from(options["edition"])
        try:
            result = domain.schedule_solve(edition=edition, time_limit=options["time_limit"],
                                           move_placed=options["move_placed"])
        except ApplicationError as error:
            raise CommandError(str(error)) from error
        figures = {"edition": options["edition"], "status": result.status,
                   "sessions": len(result.placements), "objective": result.objective,
                   "bound": result.bound, "gap": round(result.gap, 4),
                   "seconds": round(result.seconds, 2), "penalties": result.penalties,
                   "warnings": len(domain.placement_warnings(edition))}
        if options["publish"]:
            try:
                figures["version"] = domain.release_publish(edition=edition).number
            except ApplicationError as error:
                raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(figures))
        else:
            for key, value in figures.items():
                self.stdout.write(f"{key}: {value}")
