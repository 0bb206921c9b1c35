"""Who may open each outbox page (see tests/walk.py); ``outbox:list`` is in tests/walk.py."""

from openigf.outbox.models import OutboxMail
from tests.walk import STAFF


def build(world):
    world.kwargs["mail_id"] = OutboxMail.objects.create(
        forum=world.forum, edition=world.edition, to="someone@walk.test", subject="Walk",
        body="Hello").pk


EXPECT = {
    "outbox:message": STAFF,
    "outbox:retry": STAFF,  # POST only: GET answers 405 to those allowed
}
