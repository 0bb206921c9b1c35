"""Build the snapshots and the edition-wide context the rules read, in a fixed number of
queries whatever the number of proposals."""

from collections import defaultdict
from functools import lru_cache

from django.db.models import Q
from django.db.models.functions import Lower

from openigf.community.queries import coalitions
from openigf.forums.enums import Role, SessionKind
from openigf.forums.models import Membership
from openigf.proposals.enums import ProposalStatus
from openigf.proposals.models import Proposal, ProposalPerson
from openigf.proposals.screening.base import REPORT_SOURCES, Context, Named, Submission


@lru_cache(maxsize=100_000)
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


def snapshot_row(row) -> Submission:
    """A received proposal's light row (``queries.Row``) as the rules see it."""
    people = tuple(
        Named(key=person_key(person_id=p.person_id, email=p.email, name=p.name),
              person_id=p.person_id, name=p.name, role=p.role,
              stakeholder_group=p.stakeholder_group, gender=p.gender, onsite=p.onsite,
              confirmed=p.confirmed)
        for p in row.people)
    return Submission(id=row.id, edition_id=0, kind=row.kind, organisation=row.organisation,
                      people=people, coalition_id=row.coalition_id)


def build(edition, submissions: list[Submission], *, single_coalition=None,
          all_received: list[Submission] | None = None) -> Context:
    """The context of ``submissions``; ``all_received``: snapshots of every received
    proposal of the edition when the caller has them (saves reading them again)."""
    ctx = Context()
    if all_received is None:
        all_received = _all_received(edition, only=submissions if len(submissions) < 10
                                     else None)
    _counts(ctx, all_received)
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
    if any(s.kind == SessionKind.DC_SESSION for s in submissions):
        _coalitions(ctx, edition, submissions, single_coalition)
    return ctx


def _all_received(edition, only=None) -> list[Submission]:
    """Who organises and speaks in every received proposal (two queries). ``only``: a few
    submissions being checked; then only the rows naming their people are read."""
    received = Proposal.objects.filter(edition=edition, status__in=ProposalStatus.received())
    subs = {pid: (kind, org, []) for pid, kind, org in received.values_list(
        "id", "kind", "organisation")}
    people = ProposalPerson.objects.filter(proposal__in=received,
                                           role__in=["organiser", "speaker"])
    if only is not None:
        named = [p for s in only for p in s.people]
        people = people.annotate(email_lower=Lower("email")).filter(
            Q(email_lower__in=[p.key[1:] for p in named if p.key[0] == "e"])
            | Q(email="", person_id__in=[p.person_id for p in named if p.person_id])
            | Q(email="", person__isnull=True, name__in=[p.name for p in named]))
    for pid, role, person_id, email, name in people.values_list(
            "proposal_id", "role", "person_id", "email", "name"):
        subs[pid][2].append(Named(key=person_key(person_id=person_id, email=email, name=name),
                                  person_id=person_id, name=name, role=role))
    return [Submission(id=pid, edition_id=edition.pk, kind=kind, organisation=org,
                       people=tuple(people)) for pid, (kind, org, people) in subs.items()]


def _counts(ctx, received: list[Submission]) -> None:
    organises, speaks, by_kind = defaultdict(set), defaultdict(set), defaultdict(set)
    orgs = defaultdict(set)
    for sub in received:
        for p in sub.people:
            if p.role == "organiser":
                organises[p.key].add(sub.id)
                by_kind[(sub.kind, p.key)].add(sub.id)
            elif p.role == "speaker":
                speaks[p.key].add(sub.id)
        if sub.organisation.strip():
            orgs[(sub.kind, sub.organisation.strip().lower())].add(sub.id)
    ctx.organises, ctx.speaks, ctx.organiser_proposals_by_kind = organises, speaks, by_kind
    ctx.organisation_proposals = orgs


def _coalitions(ctx, edition, submissions, single_coalition) -> None:
    if single_coalition is not None:
        result = coalitions.coalition_eligibility(single_coalition, edition)
        results = [result]
    else:
        results = coalitions.eligibility_of_all(edition)
    for result in results:
        if result.eligible:
            ctx.eligible_coalitions.add(result.coalition.pk)
        ctx.coalition_reasons[result.coalition.pk] = result.reasons
