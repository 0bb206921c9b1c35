"""``openigf parse_transcript FILE [--json]``: the header and speaker turns of a transcript."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from openigf.algorithms.transcripts import parse
from openigf.core.errors import ApplicationError
from openigf.transcripts.domain import decode_upload


class Command(BaseCommand):
    help = "Parse a captioning transcript into a header and speaker turns."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        try:
            text = decode_upload(Path(options["file"]).read_bytes())
        except (OSError, ApplicationError) as error:
            raise CommandError(f"{options['file']}: {error}") from error
        result = parse(text)
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=1))
            return
        self.stdout.write(result.header)
        for turn in result.turns:
            self.stdout.write(f"[{turn.speaker or '>>'}] {turn.text}")
