"""Who may open each analytics page (see tests/walk.py)."""

from tests.walk import ALL, STAFF


def build(world):
    world.kwargs["dimension"] = "gender"


EXPECT = {
    "analytics:trends": ALL,
    "analytics:trends_csv": ALL,
    "analytics:edition": ALL,
    "analytics:summary_csv": ALL,
    "analytics:missing": ALL,
    "analytics:missing_csv": ALL,
    "analytics:funnel_csv": ALL,
    "analytics:outreach": STAFF,
    "analytics:outreach_csv": STAFF,
}
