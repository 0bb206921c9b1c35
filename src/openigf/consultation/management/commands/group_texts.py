"""``openigf group_texts FILE --k N [--json]``: group texts into themes with the engine of the
theme discovery pages. FILE holds one JSON object a line, ``{"id": ..., "text": ...}``."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from openigf.algorithms.clustering import Text
from openigf.consultation.management.commands._grouping import group_and_print


class Command(BaseCommand):
    help = "Group the texts of a JSON-lines file into k themes."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--k", type=int, required=True)
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        texts = []
        try:
            lines = Path(options["file"]).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{options['file']}: {error}") from error
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                texts.append(Text(row["id"], str(row["text"])))
            except (ValueError, KeyError, TypeError) as error:
                raise CommandError(f"line {number}: expected {{\"id\": ..., \"text\": ...}} "
                                   f"({error})") from error
        group_and_print(self, texts, k=options["k"], as_json=options["json"])
