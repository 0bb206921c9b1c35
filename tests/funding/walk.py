"""Who may open each funding page (see tests/walk.py)."""

from tests.walk import SIGNED_IN, STAFF


def build(world):
    pass


EXPECT = {
    "funding:travel": SIGNED_IN,
    "funding:travel_manage": STAFF,
    "funding:grants": SIGNED_IN,
    "funding:grants_manage": STAFF,
}
