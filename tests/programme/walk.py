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
    world.kwargs.update(session_id=session.pk, fmt="xml", token="not-a-token",
                        edition_id=world.edition.pk)


EXPECT = {
    "programme:agenda": ALL,
    "programme:mine": ALL,  # signed in: the account's stars; else the browser's
    "programme:stars": ALL,  # the signed-in person's star ids; an empty list for others
    "programme:mine_export": ALL,  # the account's stars, or the sessions the browser names
    "programme:now": ALL,
    "programme:session_ics": ALL,
    "programme:feeds": SIGNED_IN,
    "programme:feed_new": SIGNED_IN,  # POST only
    "programme:feed_stop": SIGNED_IN,  # POST only
    "programme:feed": frozenset(),  # a forged token opens nothing
    "programme:changes": ALL,
    "programme:export": ALL,
    "programme:export_moved": ALL,  # the same file, naming programme:export as canonical
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
