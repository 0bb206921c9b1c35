"""Every write of the evaluation: the round, conflicts, assignment, reviews, reminders, the
balanced selection, overrides and decisions."""

import statistics
from collections import defaultdict

from django.db import transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from openigf.algorithms import assignment, selection
from openigf.algorithms.normalisation import normalise
from openigf.core.audit import audit_log, diff
from openigf.core.errors import ApplicationError
from openigf.core.errors import Conflict as ConflictError
from openigf.forums.enums import Role
from openigf.outbox.domain import mail_enqueue_template
from openigf.people.enums import RegionalGroup, StakeholderGroup
from openigf.people.models import Person
from openigf.proposals.domain import proposal_decide
from openigf.proposals.models import Proposal, ProposalPerson
from openigf.review.models import (
    CRITERIA_2018,
    Assignment,
    Conflict,
    Override,
    Review,
    Round,
    SelectionRun,
)


def round_save(*, edition, **values) -> Round:
    round_ = Round.objects.filter(edition=edition).first() or Round(edition=edition)
    values.setdefault("criteria", round_.criteria or CRITERIA_2018)
    values.setdefault("kinds", round_.kinds or ["workshop"])
    changes = diff(round_, **values)
    round_.full_clean()
    round_.save()
    audit_log(action="review.round", obj=round_, changes=changes)
    return round_


def reviewers(round_):
    return Person.objects.filter(memberships__edition=round_.edition,
                                 memberships__role=Role.MAG).distinct().order_by("name", "pk")


def proposals_of(round_):
    return (Proposal.objects.filter(edition=round_.edition, kind__in=round_.kinds or ["workshop"])
            .passed_screening())


def conflicts_detect(*, round_) -> int:
    """Record the conflicts software can see: the reviewer is named in the proposal
    (organiser, speaker, moderator, rapporteur) or shares an organisation with it."""
    people = list(reviewers(round_))
    by_email = {p.email.lower(): p for p in people if p.email}
    by_org = defaultdict(list)
    for p in people:
        if p.organisation.strip():
            by_org[p.organisation.strip().lower()].append(p)
    proposals = proposals_of(round_)
    found = {}
    rows = ProposalPerson.objects.filter(proposal__in=proposals).values_list(
        "proposal_id", "person_id", "email", "organisation", "role")
    ids = {p.pk for p in people}
    for proposal_id, person_id, email, organisation, role in rows:
        reviewer = None
        if person_id in ids:
            reviewer = next(p for p in people if p.pk == person_id)
        elif email and email.lower() in by_email:
            reviewer = by_email[email.lower()]
        if reviewer is not None:
            found[(proposal_id, reviewer.pk)] = _("Named in the proposal as %(role)s.") % {
                "role": role}
        for colleague in by_org.get((organisation or "").strip().lower(), []):
            found.setdefault((proposal_id, colleague.pk), _(
                "Works for %(org)s, an organisation of the proposal.") % {"org": organisation})
    for proposal_id, organisation in proposals.values_list("id", "organisation"):
        for colleague in by_org.get((organisation or "").strip().lower(), []):
            found.setdefault((proposal_id, colleague.pk), _(
                "Works for %(org)s, an organisation of the proposal.") % {"org": organisation})
    existing = set(Conflict.objects.filter(round=round_).values_list("proposal_id",
                                                                     "reviewer_id"))
    Conflict.objects.bulk_create(
        Conflict(round=round_, proposal_id=p, reviewer_id=r, reason=reason[:300])
        for (p, r), reason in found.items() if (p, r) not in existing)
    return len(found)


@transaction.atomic
def conflict_declare(*, round_, proposal, reviewer, reason: str) -> Conflict:
    """The reviewer declares a conflict: the proposal leaves their list and any score they gave
    is removed."""
    if not reason.strip():
        raise ApplicationError(_("Say what the conflict is."),
                               fields={"reason": _("Required.")})
    conflict, _created = Conflict.objects.update_or_create(
        round=round_, proposal=proposal, reviewer=reviewer,
        defaults={"reason": reason[:300], "declared": True})
    Assignment.objects.filter(round=round_, proposal=proposal, reviewer=reviewer).delete()
    Review.objects.filter(round=round_, proposal=proposal, reviewer=reviewer).delete()
    audit_log(action="review.conflict", obj=proposal, changes={"reason": [None, reason]})
    return conflict


def _theme_groups(round_, people, proposals) -> list:
    """The issue area of each reviewer: themes get reviewers in proportion to their
    proposals (largest remainders), so that loads stay even."""
    counts = defaultdict(int)
    for _p, theme in proposals:
        if theme is not None:
            counts[theme] += 1
    if not round_.by_theme or not counts:
        return [None] * len(people)
    total = sum(counts.values())
    quota = {t: len(people) * n / total for t, n in counts.items()}
    seats = {t: int(q) for t, q in quota.items()}
    for t in sorted(quota, key=lambda t: quota[t] - seats[t], reverse=True)[
            :len(people) - sum(seats.values())]:
        seats[t] += 1
    order = [t for t in sorted(seats) for _ in range(seats[t])]
    return order + [None] * (len(people) - len(order))


@transaction.atomic
def assign_reviewers(*, round_, keep_manual: bool = True):
    """Assign k reviewers to every proposal of the round (algorithms.assignment). Returns the
    algorithm's result; raises ApplicationError with the reasons when none exists."""
    conflicts_detect(round_=round_)
    people = list(reviewers(round_))
    proposals = list(proposals_of(round_).values_list("id", "theme_id"))
    if not people:
        raise ApplicationError(_("The edition has no MAG members to review."))
    reviewer_items = [assignment.Reviewer(person.pk, frozenset({theme}) if theme is not None
                                          else frozenset())
                      for person, theme in zip(people, _theme_groups(round_, people, proposals),
                                               strict=True)]
    conflicts = set(Conflict.objects.filter(round=round_).values_list("proposal_id",
                                                                      "reviewer_id"))
    problem = assignment.Problem([assignment.Item(pk, theme) for pk, theme in proposals],
                                 reviewer_items, round_.reviews_per_proposal, conflicts,
                                 by_group=round_.by_theme)
    result = assignment.assign(problem)
    if not result.ok and round_.by_theme:
        problem.by_group = False  # themes too small for k reviewers: mix them
        result = assignment.assign(problem)
    if not result.ok:
        words = {"too_few_reviewers": _("proposal %(key)s has too few reviewers without a "
                                        "conflict (%(detail)s)"),
                 "not_enough_capacity": _("the reviewers cannot take so many reviews "
                                          "(%(detail)s)"),
                 "no_reviewers": _("there are no reviewers"),
                 "conflicts_block": _("conflicts leave too few reviewers (%(detail)s)")}
        raise ApplicationError(_("No assignment exists: %(why)s.") % {"why": "; ".join(
            words[c] % {"key": k, "detail": d} for c, k, d in result.reasons[:10])})
    scored = set(Review.objects.filter(round=round_).values_list("proposal_id", "reviewer_id"))
    keep = Q(manual=True) if keep_manual else Q(pk__in=[])
    Assignment.objects.filter(round=round_).exclude(keep).delete()
    existing = set(Assignment.objects.filter(round=round_).values_list("proposal_id",
                                                                       "reviewer_id"))
    Assignment.objects.bulk_create(
        Assignment(round=round_, proposal_id=p, reviewer_id=r)
        for p, r in set(result.pairs) | (scored - conflicts) if (p, r) not in existing)
    audit_log(action="review.assign", obj=round_,
              changes={"assignments": [None, len(result.pairs)]})
    return result


def assignment_set(*, round_, proposal, reviewer, assigned: bool) -> None:
    """A manual change by the Secretariat; a conflicted reviewer cannot be assigned."""
    if assigned:
        if Conflict.objects.filter(round=round_, proposal=proposal, reviewer=reviewer).exists():
            raise ConflictError(_("%(name)s has a conflict with this proposal.") % {
                "name": reviewer.name})
        Assignment.objects.update_or_create(round=round_, proposal=proposal, reviewer=reviewer,
                                            defaults={"manual": True})
    else:
        Assignment.objects.filter(round=round_, proposal=proposal, reviewer=reviewer).delete()
    audit_log(action="review.assignment", obj=proposal,
              changes={reviewer.email or str(reviewer.pk): [not assigned, assigned]})


@transaction.atomic
def review_save(*, round_, proposal, reviewer, score: int, reason: str = "", comment: str = "",
                merge_with=None, criteria=None, when=None) -> Review:
    """A reviewer's score. Refused outside the round's dates, for a proposal not assigned to
    them, or with a conflict; a score of 3 or less needs a reason. Every change is audited."""
    when = when or timezone.now()
    if not round_.is_open(when):
        if when >= round_.closes_at:
            raise ApplicationError(_("Scoring closed on %(date)s.") % {
                "date": formats.date_format(round_.closes_at, "DATETIME_FORMAT")})
        raise ApplicationError(_("Scoring opens on %(date)s.") % {
            "date": formats.date_format(round_.opens_at, "DATETIME_FORMAT")})
    if not Assignment.objects.filter(round=round_, proposal=proposal,
                                     reviewer=reviewer).exists():
        raise ConflictError(_("This proposal is not on your list."))
    if score not in range(1, 6):
        raise ApplicationError(_("Give a score from 1 to 5."), fields={"score": _("1 to 5.")})
    if score <= 3 and not reason:
        raise ApplicationError(_("A score of 3 or less needs a reason."),
                               fields={"reason": _("Choose the main reason.")})
    if merge_with is not None and merge_with.pk == proposal.pk:
        raise ApplicationError(_("A proposal cannot merge with itself."),
                               fields={"merge_with": _("Choose another proposal.")})
    review = Review.objects.filter(round=round_, proposal=proposal, reviewer=reviewer).first()
    review = review or Review(round=round_, proposal=proposal, reviewer=reviewer)
    changes = diff(review, score=score, reason=reason if score <= 3 else "", comment=comment,
                   merge_with=merge_with, criteria=criteria or {})
    review.save()
    audit_log(action="review.score", obj=proposal, changes=changes)
    return review


def remind_late(*, round_) -> int:
    """Mail every reviewer with unscored proposals (through the outbox)."""
    done = set(Review.objects.filter(round=round_).values_list("proposal_id", "reviewer_id"))
    left = defaultdict(int)
    people = {}
    for a in Assignment.objects.filter(round=round_).select_related("reviewer"):
        if (a.proposal_id, a.reviewer_id) not in done:
            left[a.reviewer_id] += 1
            people[a.reviewer_id] = a.reviewer
    for pk, n in left.items():
        person = people[pk]
        if person.email:
            mail_enqueue_template(to=person.email, template="review/mail/reminder",
                                  context={"person": person, "left": n, "round": round_},
                                  language=person.preferred_language or None,
                                  edition=round_.edition, kind="review.reminder")
    return len(left)


def aggregate(round_) -> list[dict]:
    """Per proposal: count, mean, median, standard deviation, normalised score, controversy
    and rank (by normalised score). Conflicts are blanks, not zeros."""
    rows = list(Review.objects.filter(round=round_).values_list("proposal_id", "reviewer_id",
                                                                "score"))
    results = normalise({(p, r): s for p, r, s in rows})
    by_proposal = defaultdict(list)
    for p, _r, s in rows:
        by_proposal[p].append(s)
    table = []
    for p, res in results.items():
        table.append({"proposal_id": p, "n": res.n, "mean": res.mean,
                      "median": statistics.median(by_proposal[p]), "stdev": res.stdev,
                      "normalised": res.normalised, "love_or_hate": res.love_or_hate})
    table.sort(key=lambda r: (-r["normalised"], -r["mean"], r["proposal_id"]))
    for i, row in enumerate(table, start=1):
        row["rank"] = i
    return table


def _attributes(round_, proposal_ids):
    info = {p.pk: p for p in Proposal.objects.filter(pk__in=proposal_ids).select_related("theme")}
    people = defaultdict(list)
    for row in ProposalPerson.objects.filter(proposal_id__in=proposal_ids).select_related(
            "country"):
        people[row.proposal_id].append(row)
    attrs = {}
    for pk, proposal in info.items():
        rows = people[pk]
        organisers = [r for r in rows if r.role == "organiser"]
        attrs[pk] = {
            "theme": proposal.theme.name if proposal.theme else "",
            "developing": any(r.country and (r.country.developing or r.country.ldc)
                              for r in organisers),
            "first_time": proposal.first_time,
            "region": frozenset(r.regional_group for r in rows if r.regional_group),
            "stakeholder_group": frozenset(r.stakeholder_group for r in rows
                                           if r.stakeholder_group),
            "gender_diverse": len({r.gender for r in rows if r.role == "speaker"
                                   and r.gender}) > 1,
        }
    return info, attrs


@transaction.atomic
def selection_run(*, round_, slots: int, theme_cap: int | None = None,
                  developing_share: float = 0.3, first_time_share: float = 0.15,
                  every_region: bool = True, every_group: bool = True) -> SelectionRun:
    """The balanced selection: the set of ``slots`` proposals with the highest total
    normalised score under the floors and caps (algorithms.selection); overrides are kept."""
    table = aggregate(round_)
    if not table:
        raise ApplicationError(_("No proposal has a score yet."))
    ids = [r["proposal_id"] for r in table]
    info, attrs = _attributes(round_, ids)
    overrides = dict(Override.objects.filter(round=round_).values_list("proposal_id",
                                                                       "selected"))
    candidates = [selection.Candidate(r["proposal_id"], r["normalised"], attributes={
        **attrs[r["proposal_id"]], "all": True}, forced=overrides.get(r["proposal_id"]))
        for r in table]
    bounds = [selection.Bound("developing", True, minimum=round(developing_share * slots)),
              selection.Bound("first_time", True, minimum=round(first_time_share * slots))]
    if theme_cap:
        for theme in sorted({a["theme"] for a in attrs.values() if a["theme"]}):
            bounds.append(selection.Bound("theme", theme, maximum=theme_cap))
    if every_region:
        bounds += [selection.Bound("region", g.value, minimum=1) for g in RegionalGroup
                   if g != RegionalGroup.INTERGOVERNMENTAL]
    if every_group:
        bounds += [selection.Bound("stakeholder_group", g.value, minimum=1)
                   for g in StakeholderGroup]
    result = selection.select(selection.Problem(candidates, count=slots, exact_count=True,
                                                bounds=bounds), time_limit=10)
    if result.status == "infeasible":
        raise ApplicationError(_("No selection meets the constraints: %(why)s.") % {
            "why": "; ".join(result.reasons)})
    rank = {r["proposal_id"]: r["rank"] for r in table}
    explanations = {str(k): f"#{rank[k]}: {v}" for k, v in result.explanations.items()}
    run = SelectionRun.objects.create(
        round=round_, status=result.status, chosen=result.chosen, explanations=explanations,
        broken=result.broken, objective=result.objective,
        settings={"slots": slots, "theme_cap": theme_cap, "developing_share": developing_share,
                  "first_time_share": first_time_share, "every_region": every_region,
                  "every_group": every_group})
    audit_log(action="review.select", obj=round_,
              changes={"chosen": [None, len(result.chosen)], "broken": [None, result.broken]})
    return run


def override_set(*, round_, proposal, selected: bool, note: str, person=None) -> Override:
    if not note.strip():
        raise ApplicationError(_("Say why the MAG decided otherwise."),
                               fields={"note": _("Required.")})
    override, _created = Override.objects.update_or_create(
        round=round_, proposal=proposal,
        defaults={"selected": selected, "note": note[:300], "by": person})
    audit_log(action="review.override", obj=proposal, changes={"selected": [None, selected],
                                                               "note": [None, note]})
    return override


@transaction.atomic
def decisions_send(*, round_, waitlist: int = 10, notify: bool = True) -> dict:
    """Decide every evaluated proposal from the last selection: chosen ones accepted (on
    condition of merging when most reviewers suggested a merge), the next ``waitlist``
    waitlisted, the rest not accepted; each proposer is told by mail."""
    run = round_.selections.first()
    if run is None:
        raise ApplicationError(_("Run the selection first."))
    chosen = set(run.chosen)
    table = aggregate(round_)
    merges = defaultdict(int)
    for p, _m in Review.objects.filter(round=round_, merge_with__isnull=False).values_list(
            "proposal_id", "merge_with_id"):
        merges[p] += 1
    counts = defaultdict(int)
    proposals = {p.pk: p for p in Proposal.objects.filter(pk__in=[r["proposal_id"]
                                                                  for r in table])}
    waiting = 0
    for row in table:
        proposal = proposals[row["proposal_id"]]
        if proposal.status in ("accepted", "conditional", "rejected", "waitlisted"):
            continue
        if row["proposal_id"] in chosen:
            status = "conditional" if merges[row["proposal_id"]] * 2 > row["n"] else "accepted"
        elif waiting < waitlist:
            status, waiting = "waitlisted", waiting + 1
        else:
            status = "rejected"
        note = run.explanations.get(str(row["proposal_id"]), "")
        proposal_decide(proposal=proposal, status=status, note=note, notify=notify)
        counts[status] += 1
    return dict(counts)
