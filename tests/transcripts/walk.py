"""Who may open each transcripts page (see tests/walk.py)."""

from openigf.programme.models import Session
from openigf.transcripts import domain
from tests.programme.factories import SessionFactory
from tests.walk import ALL, STAFF


def build(world):
    session = world.kwargs.get("session_id")
    if session is None:
        session = SessionFactory(edition=world.edition).pk
        world.kwargs["session_id"] = session

    domain.transcript_save(session=Session.objects.get(pk=session), text=">> ANA: hello")


EXPECT = {
    "transcripts:search": ALL,
    "transcripts:voices": ALL,
    "transcripts:upload": STAFF,  # POST only: GET answers 405 to those allowed
    "transcripts:text": ALL,
    "transcripts:live": ALL,
    "transcripts:speakers": STAFF,
}
