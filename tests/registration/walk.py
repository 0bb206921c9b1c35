"""Who may open each registration page (see tests/walk.py)."""

from openigf.registration.models import Registration
from tests.factories import PersonFactory
from tests.walk import SIGNED_IN, STAFF


def build(world):

    world.kwargs["registration_id"] = Registration.objects.create(
        edition=world.edition, person=PersonFactory(), status="pending").pk


EXPECT = {
    "registration:register": SIGNED_IN,
    "registration:cancel": SIGNED_IN,  # without a registration: sent back to the form
    "registration:badge": frozenset(),  # 404 without a confirmed registration
    "registration:checkin": STAFF,
    "registration:manage": STAFF,
    "registration:csv": STAFF,
    "registration:badges": STAFF,
    "registration:approve": STAFF,  # POST only: GET answers 405 to those allowed
    "registration:decline": STAFF,  # POST only
}
