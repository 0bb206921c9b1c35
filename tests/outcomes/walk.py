"""Who may open each outcomes page (see tests/walk.py)."""

from openigf.outcomes import domain
from openigf.outcomes.models import MessageComment
from tests.walk import ALL, SIGNED_IN, STAFF


def build(world):
    domain.summary_publish(edition=world.edition, introduction="Intro")
    world.kwargs.setdefault("fmt", "xml")
    message = domain.message_save(edition=world.edition, theme=world.edition.themes.first(),
                                  text="Fund community networks.")
    world.kwargs["message_id"] = message.pk
    world.kwargs["comment_id"] = MessageComment.objects.create(
        message=message, person=world.people["participant"], text="Name SIDS.").pk


EXPECT = {
    "outcomes:messages": ALL,
    "outcomes:editor": STAFF,
    "outcomes:message_new": STAFF,  # POST only: GET answers 405 to those allowed
    "outcomes:message_edit": STAFF,
    "outcomes:message_move": STAFF,  # POST only
    "outcomes:comment_moderate": STAFF,  # POST only
    "outcomes:summary": ALL,
    "outcomes:summary_file": frozenset(),  # the walk asks for .xml: 404 for all
}
# Who may POST where it differs from who may open the page.
POST_EXPECT = {
    "outcomes:messages": SIGNED_IN,  # a comment on a message
    "outcomes:summary": STAFF,  # publishing a new version
}
