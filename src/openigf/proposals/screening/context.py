"""Build the snapshots and the edition-wide context the rules read, in a fixed number of
queries whatever the number of proposals."""

from collections import defaultdict

from openigf.proposals.enums import ProposalStatus
from openigf.proposals.screening.base import REPORT_SOURCES, Context, Named, Submission


def person_key(*, person_id=None, email="", name="") -> str:
    if email:
        return "e" + email.strip().lower()
    if person_id:
        return f"p{person_id}"
    return "n" + " ".join(name.lower().split())


def snapshot(proposal) -> Submission:
    """The proposal as the rules see it (uses ``proposal.people.all()``, prefetch it)."""
    people = tuple(
        Named(key=person_key(person_id=r.person_id, email=r.email, name=r.name),
              person_id=r.person_id, name=r.name, role=r.role,
              stakeholder_group=r.stakeholder_group, gender=r.gender, onsite=r.onsite,
              confirmed=r.confirmed)
        for r in proposal.people.all())
    return Submission(id=proposal.pk, edition_id=proposal.edition_id, kind=proposal.kind,
                      organisation=proposal.organisation, people=people,
                      coalition_id=proposal.coalition_id)


def build(edition, submissions: list[Submission], *, single_coalition=None) -> Context:
    from openigf.forums.enums import Role
    from openigf.forums.models import Membership
    from openigf.proposals.models import Proposal, ProposalPerson

    ctx = Context()
    received = ProposalStatus.received()
    organises, speaks, by_kind = defaultdict(set), defaultdict(set), defaultdict(set)
    rows = ProposalPerson.objects.filter(
        proposal__edition=edition, proposal__status__in=received,
        role__in=["organiser", "speaker"]).values_list(
        "proposal_id", "proposal__kind", "role", "person_id", "email", "name")
    for pid, kind, role, person_id, email, name in rows:
        key = person_key(person_id=person_id, email=email, name=name)
        if role == "organiser":
            organises[key].add(pid)
            by_kind[(kind, key)].add(pid)
        else:
            speaks[key].add(pid)
    ctx.organises, ctx.speaks, ctx.organiser_proposals_by_kind = organises, speaks, by_kind
    orgs = defaultdict(set)
    for pid, kind, org in Proposal.objects.filter(edition=edition, status__in=received).exclude(
            organisation="").values_list("id", "kind", "organisation"):
        orgs[(kind, org.strip().lower())].add(pid)
    ctx.organisation_proposals = orgs
    for person_id, email in Membership.objects.filter(edition=edition, role=Role.MAG
                                                      ).values_list("person_id",
                                                                    "person__email"):
        ctx.mag_keys.add(f"p{person_id}")
        if email:
            ctx.mag_keys.add(person_key(email=email))
    organiser_ids = {p.person_id for s in submissions for p in s.with_role("organiser")
                     if p.person_id}
    for source in REPORT_SOURCES:
        if organiser_ids:
            for person_id, reason in (source(edition, organiser_ids) or {}).items():
                ctx.missing_reports.setdefault(person_id, reason)
    if any(s.kind == "dc_session" for s in submissions):
        _coalitions(ctx, edition, submissions, single_coalition)
    return ctx


def _coalitions(ctx, edition, submissions, single_coalition) -> None:
    from openigf.community.queries import coalitions

    if single_coalition is not None:
        result = coalitions.coalition_eligibility(single_coalition, edition)
        results = [result]
    else:
        results = coalitions.eligibility_of_all(edition)
    for result in results:
        if result.eligible:
            ctx.eligible_coalitions.add(result.coalition.pk)
        ctx.coalition_reasons[result.coalition.pk] = result.reasons
