from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from openigf.community.certificates import certificate_pdf
from openigf.community.queries.mag import outgoing
from openigf.forums.models import Edition


class Command(BaseCommand):
    help = "Write the certificates of recognition of an edition's outgoing MAG members as PDF."

    def add_arguments(self, parser):
        parser.add_argument("--forum", default="igf")
        parser.add_argument("--edition", required=True, help="Short name, e.g. 2019.")
        parser.add_argument("--out", default=".", help="Folder to write the PDF files to.")

    def handle(self, *args, forum, edition, out, **options):
        found = Edition.objects.filter(forum__slug=forum, slug=edition).select_related(
            "forum").first()
        if found is None:
            raise CommandError(f"There is no edition {edition} of the forum {forum}.")
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        lines = outgoing(found)
        for line in lines:
            path = folder / f"mag-certificate-{found.year}-{line.person.pk}.pdf"
            path.write_bytes(certificate_pdf(line, found))
            self.stdout.write(f"{path}  {line.person.name}")
        self.stdout.write(f"{len(lines)} certificates.")
