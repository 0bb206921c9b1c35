"""``openigf import_schedule <forum>/<edition> FILE [--create] [--publish] [--dry-run]
[--force] [--json]``: import a frab XML, C3VOC JSON or iCalendar schedule, all or nothing."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from openigf.core.errors import ApplicationError
from openigf.programme.importers import import_schedule


class Command(BaseCommand):
    help = ("Import a schedule (frab XML, C3VOC JSON or iCalendar; the format is detected) "
            "into an edition, all or nothing. Sessions are matched by guid: importing the "
            "same file again changes nothing.")

    def add_arguments(self, parser):
        parser.add_argument("edition", help="<forum>/<edition>, e.g. igf/2019")
        parser.add_argument("file")
        parser.add_argument("--create", action="store_true",
                            help="make the forum and the edition from the file if missing")
        parser.add_argument("--publish", action="store_true",
                            help="publish the imported schedule as the next version")
        parser.add_argument("--dry-run", action="store_true",
                            help="say what would change, and change nothing")
        parser.add_argument("--force", action="store_true",
                            help="import even if the file's dates are not the edition's")
        parser.add_argument("--json", action="store_true",
                            help="print the report as JSON (created, updated, unchanged, "
                                 "removed sessions)")

    def handle(self, *args, **options):
        try:
            forum, slug = options["edition"].strip("/").split("/")
        except ValueError:
            raise CommandError(f"{options['edition']!r}: give the edition as "
                               "<forum>/<edition>, e.g. igf/2019.") from None
        try:
            data = Path(options["file"]).read_bytes()
            report = import_schedule(data=data, forum=forum, slug=slug,
                                     create=options["create"], dry_run=options["dry_run"],
                                     force=options["force"], publish=options["publish"])
        except (ApplicationError, OSError) as error:
            raise CommandError(f"{options['file']}: {error}") from error
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
            return
        self._print(report)

    def _print(self, report):
        out = self.stdout.write
        verb = "would be" if report.dry_run else "were"
        if report.edition_created:
            out(f"{report.edition} {verb} created from the file.")
        for name, (old, new) in report.edition_changes.items():
            out(f"{report.edition}: {name} {old} -> {new}")
        out(f"{report.edition}: {len(report.created)} sessions created, "
            f"{len(report.updated)} updated, {len(report.unchanged)} unchanged, "
            f"{len(report.removed)} no longer in the file; {len(report.rooms_created)} rooms "
            f"and {len(report.themes_created)} themes created ({report.format}).")
        for entry in report.updated:
            changes = ", ".join(f"{k}: {v[0]!r} -> {v[1]!r}" if k not in ("people", "links")
                                else k for k, v in entry["changes"].items())
            out(f"  updated {entry['title']!r}: {changes}")
        for entry in report.removed:
            out(f"  no longer in the file (kept; cancel it in the editor if it was dropped): "
                f"{entry['title']!r}")
        for warning in report.warnings:
            out(f"  warning: {warning}")
        if report.published:
            out(f"Published as version {report.published}.")
        if report.dry_run:
            out("Dry run: nothing was saved.")
