"""Who may open each reporting page (see tests/walk.py)."""

from openigf.programme.models import Session
from openigf.reporting import domain
from tests.walk import STAFF


def build(world):
    world.kwargs["kind"] = "short"  # the session is the one of tests/programme/walk.py
    session = Session.objects.get(pk=world.kwargs["session_id"])
    domain.report_save(session=session, kind="short", takeaways=["Walked."])


EXPECT = {
    "reporting:report": STAFF,  # and the session's organisers and rapporteur
    "reporting:compliance": STAFF,
    "reporting:templates": STAFF,
    "reporting:report_lock": STAFF,  # POST only: GET answers 405 to those allowed
}
