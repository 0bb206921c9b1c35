"""Who may open each registration page (see tests/walk.py)."""

from tests.walk import SIGNED_IN, STAFF


def build(world):
    pass


EXPECT = {
    "registration:register": SIGNED_IN,
    "registration:badge": frozenset(),  # 404 without a confirmed registration
    "registration:checkin": STAFF,
    "registration:manage": STAFF,
}
