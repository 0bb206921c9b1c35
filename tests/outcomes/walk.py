"""Who may open each outcomes page (see tests/walk.py)."""

from tests.walk import ALL, STAFF


def build(world):
    from openigf.outcomes import domain

    domain.summary_publish(edition=world.edition, introduction="Intro")
    world.kwargs.setdefault("fmt", "xml")


EXPECT = {
    "outcomes:messages": ALL,
    "outcomes:editor": STAFF,
    "outcomes:summary": ALL,
    "outcomes:summary_file": frozenset(),  # the walk asks for .xml: 404 for all
}
