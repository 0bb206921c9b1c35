"""What the proposals hold about a person, for export and erasure."""

from django.db.models import Q

from openigf.core import privacy
from openigf.proposals.models import Proposal, ProposalPerson


def export(person) -> dict:
    match = Q(person=person)
    if person.verified_email:
        match |= Q(email__iexact=person.verified_email)
    return {"proposals": [
        {"proposal": r.proposal.title, "edition": r.proposal.edition.year, "role": r.role,
         "name": r.name, "email": r.email, "organisation": r.organisation,
         "stakeholder_group": r.stakeholder_group, "regional_group": r.regional_group,
         "gender": r.gender, "onsite": r.onsite, "confirmed": r.confirmed}
        for r in ProposalPerson.objects.filter(match).select_related("proposal__edition")],
        "proposed": [
        {"proposal": p.title, "edition": p.edition.year, "organisation": p.organisation,
         "status": p.status}
        for p in Proposal.objects.filter(created_by=person).select_related("edition")]}


def erase(person) -> None:
    """Rows naming the person keep their classifications (the statistics) without name,
    e-mail or organisation; proposals they created keep no link to them nor their
    organisation."""
    match = Q(person=person)
    if person.verified_email:
        match |= Q(email__iexact=person.verified_email)
    ProposalPerson.objects.filter(match).update(person=None, name="—", email="",
                                                organisation="")
    Proposal.objects.filter(created_by=person).update(created_by=None, organisation="")


def register() -> None:
    privacy.register("proposals", export=export, erase=erase)
