"""Who may open each page of the call for issues (see tests/walk.py)."""

from tests.walk import ALL, STAFF


def build(world):
    from openigf.consultation.links import confirm_token
    from tests.consultation.factories import add_input

    item = add_input(world.edition, "Walk the walk: affordable access for all.")
    world.kwargs["input_id"] = item.pk
    world.kwargs["token"] = world.kwargs.get("token") or confirm_token(item.pk)


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
