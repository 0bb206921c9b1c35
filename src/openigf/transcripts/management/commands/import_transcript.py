"""``openigf import_transcript SESSION_ID FILE``: attach a transcript to a session."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from openigf.core.errors import ApplicationError
from openigf.programme.models import Session
from openigf.transcripts import domain


class Command(BaseCommand):
    help = "Attach a captioning transcript to a session (replacing any it had)."

    def add_arguments(self, parser):
        parser.add_argument("session_id", type=int)
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true",
                            help="print turns, labels, linked, unlinked and suggestions as JSON")

    def handle(self, *args, **options):
        session = Session.objects.filter(pk=options["session_id"]).first()
        if session is None:
            raise CommandError(f"No session {options['session_id']}.")
        try:
            text = domain.decode_upload(Path(options["file"]).read_bytes())
            transcript = domain.transcript_save(session=session, text=text)
        except (OSError, ApplicationError) as error:
            raise CommandError(f"{options['file']}: {error}") from error
        report = domain.transcript_report(transcript)
        if options["json"]:
            report.pop("by_label")
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
            return
        linked = transcript.turns.filter(speaker__isnull=False).count()
        self.stdout.write(f"{transcript.turns.count()} turns, {transcript.words} words, "
                          f"{linked} turns linked to a person of the session.")
        for item in report["suggestions"]:
            self.stdout.write(f"  {item['label']}: perhaps {item['person']} ({item['reason']})")
