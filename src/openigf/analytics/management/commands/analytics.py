"""``openigf analytics igf/2019 [--json] [--years 5]``: an edition's headline figures and the
UN member states that had nobody at it."""

import json

from django.core.management.base import BaseCommand, CommandError

from openigf.analytics import queries
from openigf.forums.models import Edition


class Command(BaseCommand):
    help = "Print an edition's participation figures and the UN member states missing."

    def add_arguments(self, parser):
        parser.add_argument("edition", help="forum/edition, e.g. igf/2019")
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument("--years", type=int, default=5,
                            help="editions looked back at for 'missing in a row' (default 5)")

    def handle(self, *args, edition, json: bool = False, years: int = 5, **options):

        forum_slug, _sep, edition_slug = edition.partition("/")
        found = Edition.objects.filter(forum__slug=forum_slug, slug=edition_slug).first()
        if found is None:
            raise CommandError(f"No edition {edition!r} (give forum/edition, e.g. igf/2019).")
        editions, states = queries.member_states_presence(found, years)
        missing = [s for s in states if s.missing_all]
        result = {
            "edition": f"{forum_slug}/{edition_slug}", "headline": queries.headline(found),
            "editions_looked_at": [e.year for e in editions],
            "missing_member_states": [
                {"m49": s.m49, "name": s.name, "regional_group": s.regional_group,
                 "flags": list(s.flags), "missing_in_a_row": s.missing_in_a_row,
                 "last_seen": s.last_seen} for s in missing],
        }
        if json:
            self.stdout.write(_dumps(result))
            return
        h = result["headline"]
        self.stdout.write(
            f"{found.title}: {h['registered']} registered ({h['onsite']} onsite, "
            f"{h['online']} online), {h['checked_in']} checked in, {h['countries']} countries "
            f"({h['member_states']} UN member states).")
        self.stdout.write(f"{len(missing)} UN member states had nobody:")
        for s in missing:
            self.stdout.write(f"  {s.m49} {s.name} (missing {s.missing_in_a_row} in a row)")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
