"""Who may open each programme page (see tests/walk.py)."""

from openigf.programme import domain
from tests.programme.factories import RoomFactory, SessionFactory, windows
from tests.walk import ALL, SIGNED_IN, STAFF


def build(world):
    windows(world.edition, days=1)
    RoomFactory(edition=world.edition)
    session = SessionFactory(edition=world.edition)
    domain.schedule_solve(edition=world.edition, time_limit=5)
    domain.release_publish(edition=world.edition)
    world.kwargs.update(session_id=session.pk, fmt="xml", token="not-a-token")


EXPECT = {
    "programme:agenda": ALL,
    "programme:mine": SIGNED_IN,
    "programme:feed": frozenset(),  # a forged token opens nothing
    "programme:changes": ALL,
    "programme:export": ALL,
    "programme:export_moved": ALL,  # a permanent redirect to programme:export
    "programme:session": ALL,
    "programme:star": SIGNED_IN,  # POST only: GET answers 405 to those allowed
    "programme:manage": STAFF,
    "programme:manage_session_new": STAFF,
    "programme:manage_session": STAFF,
    "programme:manage_session_cancel": STAFF,  # POST only: GET answers 405 to those allowed
    "programme:publish": STAFF,
    "programme:manage_windows": STAFF,  # POST only: GET answers 405 to those allowed
    "programme:manage_from_accepted": STAFF,  # POST only
    "programme:solve": STAFF,  # POST only
    "programme:manage_session_place": STAFF,  # POST only
}

# Who may POST to each form and button of the programme (tests/programme/test_walk_post.py):
# everyone else is refused before anything is done.
POST = {
    "programme:manage_windows": STAFF,
    "programme:manage_from_accepted": STAFF,
    "programme:solve": STAFF,
    "programme:publish": STAFF,
    "programme:manage_session_new": STAFF,
    "programme:manage_session": STAFF,
    "programme:manage_session_place": STAFF,
    "programme:star": SIGNED_IN,
    "programme:manage_session_cancel": STAFF,
}
