"""Who may open each reporting page (see tests/walk.py)."""

from tests.walk import STAFF


def build(world):
    world.kwargs["kind"] = "short"  # the session is the one of tests/programme/walk.py


EXPECT = {
    "reporting:report": STAFF,  # and the session's organisers and rapporteur
    "reporting:compliance": STAFF,
    "reporting:templates": STAFF,
}
