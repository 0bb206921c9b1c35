import time

from django.core.management.base import BaseCommand

from openigf.core.audit import acting_as
from openigf.core.demo import DEMO_PASSWORD, DemoContext, load_demo


class Command(BaseCommand):
    help = ("Load the demo forum (the IGF with its 2018 and 2019 editions, and an NRI). "
            "Running it again adds only what is missing.")

    def handle(self, *args, **options):
        started = time.monotonic()
        self.stdout.write("Loading the demo forum…")
        with acting_as(None):
            ctx = load_demo(DemoContext(out=self.stdout))
        self.stdout.write(
            f"Demo ready in {time.monotonic() - started:.1f} s "
            f"({len(ctx.ran)} steps run, {len(ctx.skipped)} already there).\n"
            f"Sign in at /accounts/login/ with password “{DEMO_PASSWORD}” as:\n"
            "  secretariat@demo.openigf.org  (IGF Secretariat, also a platform admin)\n"
            "  mag@demo.openigf.org          (MAG member 2019)\n"
            "  proposer@demo.openigf.org     (a proposer and speaker)\n"
            "  participant@demo.openigf.org  (a participant)\n"
            "  focalpoint@demo.openigf.org   (NRI focal point)"
        )
