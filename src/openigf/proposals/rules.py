"""Who may do what with calls and proposals. Views name only these permissions."""

import rules
from django.db.models import Q

from openigf.forums.predicates import is_mag_member, is_published, is_secretariat, is_signed_in
from openigf.proposals.enums import PersonRole, ProposalStatus


@rules.predicate
def is_organiser(person, proposal=None):
    """The person organises the proposal (its proposer, or a co-organiser named by account or
    by the confirmed e-mail of their account). Cached on the proposal for the request."""
    if proposal is None or not getattr(person, "is_authenticated", False) or not hasattr(
            proposal, "people"):
        return False
    cache = getattr(proposal, "_organiser_cache", None)
    if cache is None:
        cache = proposal._organiser_cache = {}
    if person.pk not in cache:
        match = Q(person=person)
        if person.verified_email:
            match |= Q(email__iexact=person.verified_email)
        cache[person.pk] = proposal.people.filter(match, role=PersonRole.ORGANISER).exists()
    return cache[person.pk]


@rules.predicate
def is_received(person, proposal=None):
    return getattr(proposal, "status", None) in ProposalStatus.received()


@rules.predicate
def is_editable(person, proposal=None):
    return getattr(proposal, "status", None) in ProposalStatus.editable()


@rules.predicate
def is_withdrawable(person, proposal=None):
    return getattr(proposal, "status", None) in (ProposalStatus.DRAFT, ProposalStatus.SUBMITTED,
                                                 ProposalStatus.SCREENED_IN)


rules.add_perm("proposals.view_overview", is_published | is_secretariat)
rules.add_perm("proposals.propose", is_signed_in & is_published)
rules.add_perm("proposals.view_proposal",
               (is_received & (is_published | is_mag_member)) | is_organiser | is_secretariat)
rules.add_perm("proposals.change_proposal", is_organiser & is_editable)
rules.add_perm("proposals.withdraw_proposal", is_organiser & is_withdrawable)
rules.add_perm("proposals.view_screening", is_organiser | is_secretariat)
rules.add_perm("proposals.screen", is_secretariat)
rules.add_perm("proposals.manage_calls", is_secretariat)
