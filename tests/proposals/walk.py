"""Who may open each proposals page (see tests/walk.py)."""

from openigf.proposals.domain import confirm_token
from openigf.proposals.enums import ProposalStatus
from tests.factories import PersonFactory
from tests.proposals.factories import CallFactory, ProposalFactory, person_row
from tests.walk import ALL, SIGNED_IN, STAFF

ORGANISER = frozenset({"organiser", "superuser"})  # a superuser holds every permission


def build(world):
    organiser = PersonFactory(email="organiser@walk.test")
    world.people["organiser"] = organiser
    call = CallFactory(edition=world.edition, kind="workshop")
    proposal = ProposalFactory(call=call, created_by=organiser, status=ProposalStatus.SUBMITTED)
    speaker = person_row(proposal, name="Walk Speaker", email="speaker@walk.test")
    world.kwargs.update(proposal_id=proposal.pk, proposal_person_id=speaker.pk,
                        call_kind="workshop", invitation=confirm_token(speaker))


EXPECT = {
    "proposals:overview": ALL,
    "proposals:csv": ALL,
    "proposals:detail": ALL,
    "proposals:mine": SIGNED_IN,
    "proposals:create": SIGNED_IN,
    "proposals:confirm": ALL,
    "proposals:edit": ORGANISER,
    "proposals:rules": ORGANISER | STAFF,
    "proposals:withdraw": ORGANISER,
    "proposals:people": ORGANISER,  # POST only: GET answers 405 to those allowed
    "proposals:person": ORGANISER,
    "proposals:screen": STAFF,
    "proposals:screen_passing": STAFF,  # POST only: GET answers 405 to those allowed
    "proposals:screening_list": STAFF,
    "proposals:similar": STAFF,
    "proposals:manage_calls": STAFF,
    "proposals:call_new": STAFF,
    "proposals:call_edit": STAFF,
    "proposals:call_questions": STAFF,
}
