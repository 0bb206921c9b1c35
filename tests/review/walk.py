"""Who may open each evaluation page (see tests/walk.py)."""

import datetime

from django.utils import timezone

from openigf.proposals.models import Proposal
from openigf.review import domain
from openigf.review.models import Assignment
from tests.proposals.factories import CallFactory, ProposalFactory
from tests.walk import STAFF

MAG = frozenset({"mag", "superuser"})


def build(world):
    now = timezone.now()
    round_ = domain.round_save(edition=world.edition, opens_at=now - datetime.timedelta(days=1),
                               closes_at=now + datetime.timedelta(days=1))

    proposal = Proposal.objects.filter(pk=world.kwargs.get("proposal_id")).first()
    if proposal is None:
        proposal = ProposalFactory(call=CallFactory(edition=world.edition),
                                   status="screened_in")
        world.kwargs["proposal_id"] = proposal.pk
    Assignment.objects.create(round=round_, proposal=proposal, reviewer=world.people["mag"])


EXPECT = {
    "review:workspace": MAG,
    "review:score": frozenset({"mag"}),  # only a reviewer with it on their list
    "review:conflict": MAG,  # POST only: GET answers 405 to those allowed
    "review:round": STAFF,  # POST only
    "review:assign": STAFF,  # GET: the preview; POST: confirm
    "review:remind": STAFF,  # GET: who will be reminded; POST: send
    "review:import": STAFF,  # POST only
    "review:select": STAFF,  # POST only
    "review:override": STAFF,  # POST only
    "review:decide": STAFF,  # GET: who receives what; POST: send
    "review:manage": STAFF,
    "review:csv": STAFF,
    "review:results": STAFF,  # MAG members once scoring closes (the round is open here)
}
