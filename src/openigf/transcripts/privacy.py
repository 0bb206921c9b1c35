"""What transcripts hold about a person: the turns linked to them. A transcript is the
record of a public session and stays; the turns lose the link to the person."""

from openigf.core import privacy
from openigf.transcripts.models import Turn


def export(person) -> list:
    return [{"session": t.transcript.session.title, "label": t.label, "text": t.text}
            for t in Turn.objects.filter(person=person).select_related(
                "transcript__session").order_by("transcript", "index")]


def erase(person) -> None:
    Turn.objects.filter(person=person).update(person=None)


def register() -> None:
    privacy.register("transcripts", export=export, erase=erase)
