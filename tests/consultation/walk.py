"""Who may open each page of the call for issues (see tests/walk.py)."""

from openigf.consultation import themes
from openigf.consultation.links import confirm_token
from tests.consultation.factories import add_input
from tests.walk import ALL, STAFF


def build(world):

    item = add_input(world.edition, "Walk the walk: affordable access for all.")
    world.kwargs["input_id"] = item.pk
    world.kwargs["token"] = world.kwargs.get("token") or confirm_token(item.pk)
    _build_themes(world)


EXPECT = {
    "consultation:call": ALL,
    "consultation:inputs": ALL,
    "consultation:results_csv": ALL,
    "consultation:confirm": ALL,
    "consultation:manage": STAFF,
    "consultation:moderation": STAFF,
    "consultation:input_hide": STAFF,  # POST only: GET answers 405 to those allowed
    "consultation:input_show": STAFF,  # POST only
}


def _build_themes(world):

    for i, text in enumerate(["Rural broadband access.", "Affordable access for all.",
                              "Cybersecurity of banks.", "Cybercrime laws."]):
        add_input(world.edition, text, email=f"w{i}@example.org")
    grouping = themes.grouping_discover(edition=world.edition, k=2)
    world.kwargs["grouping_id"] = grouping.pk
    world.kwargs["draft_theme_id"] = grouping.themes.first().pk


DISCOVER = STAFF | {"mag"}
EXPECT |= {
    "consultation:themes": DISCOVER,
    "consultation:discover": DISCOVER,  # POST only
    "consultation:suggest": DISCOVER,  # POST only
    "consultation:adopt": STAFF,
    "consultation:move": DISCOVER,  # POST only
    "consultation:rename": DISCOVER,  # POST only
    "consultation:texts": DISCOVER,  # POST only
    "consultation:merge": DISCOVER,  # POST only
    "consultation:split": DISCOVER,  # POST only
}
