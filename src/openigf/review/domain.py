"""Every write of the evaluation: the round, conflicts, assignment, reviews, reminders, the
balanced selection, overrides and decisions."""

import csv
import datetime
import io
import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from openigf.algorithms import assignment, selection
from openigf.algorithms.normalisation import normalise
from openigf.core.audit import audit_log, diff
from openigf.core.errors import ApplicationError
from openigf.core.errors import Conflict as ConflictError
from openigf.core.when import format_datetime
from openigf.forums.enums import Role, SessionKind
from openigf.outbox.domain import mail_enqueue_template
from openigf.outbox.models import OutboxMail
from openigf.people.enums import RegionalGroup, StakeholderGroup
from openigf.people.models import Person
from openigf.proposals.domain import organiser_addresses, proposal_decide
from openigf.proposals.enums import ProposalStatus
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
    values.setdefault("kinds", round_.kinds or [SessionKind.WORKSHOP])
    changes = diff(round_, **values)
    round_.full_clean()
    round_.save()
    audit_log(action="review.round", obj=round_, changes=changes)
    return round_


def scoring_phase(round_, when=None) -> str:
    """``before``, ``open`` or ``closed``: what a MAG member may do with their scores."""
    when = when or timezone.now()
    if when < round_.opens_at:
        return "before"
    return "open" if when < round_.closes_at else "closed"


def results_open_to_members(round_, when=None) -> bool:
    """MAG members see the results once scoring closes, or earlier if the Secretariat
    allows it."""
    return round_.scores_visible or scoring_phase(round_, when) == "closed"


def reviewers(round_):
    return Person.objects.filter(memberships__edition=round_.edition,
                                 memberships__role=Role.MAG).distinct().order_by("name", "pk")


def proposals_of(round_):
    return (Proposal.objects.filter(edition=round_.edition,
                                    kind__in=round_.kinds or [SessionKind.WORKSHOP])
            .passed_screening())


def conflicts_detect(*, round_) -> int:
    """Record the conflicts software can see: the reviewer is named in the proposal
    (organiser, speaker, moderator, rapporteur) or shares an organisation with it."""
    found = _conflicts_seen(round_)
    existing = set(Conflict.objects.filter(round=round_).values_list("proposal_id",
                                                                     "reviewer_id"))
    Conflict.objects.bulk_create(
        Conflict(round=round_, proposal_id=p, reviewer_id=r, reason=reason[:300])
        for (p, r), reason in found.items() if (p, r) not in existing)
    return len(found)


def _conflicts_seen(round_) -> dict:
    """{(proposal id, reviewer id): reason} for the conflicts software can see."""
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
    return found


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


@dataclass
class AssignmentPlan:
    """What an assignment run will do: the pairs kept, added and removed, and the figures of
    the assignment it leaves (reviewers per proposal, load of each reviewer)."""

    result: object
    keep: set
    add: list
    remove: set
    proposals: int
    per_proposal: tuple
    loads: dict  # {person: number of proposals after the run}

    @property
    def load_range(self) -> tuple:
        values = list(self.loads.values())
        return (min(values), max(values)) if values else (0, 0)

    @property
    def changes(self) -> bool:
        return bool(self.add or self.remove)


def _kept_assignments(round_, proposal_ids, reviewer_ids, conflicts) -> tuple[set, set]:
    """(keep, remove): the existing pairs a new run keeps: never a conflicted one, never one
    of a reviewer who left the MAG; at most ``k`` per proposal, preferring scored, then manual
    ones."""
    k = round_.reviews_per_proposal
    scored = set(Review.objects.filter(round=round_).values_list("proposal_id", "reviewer_id"))
    by_proposal = defaultdict(list)
    remove = set()
    for p, r, manual in Assignment.objects.filter(round=round_).values_list(
            "proposal_id", "reviewer_id", "manual").order_by("pk"):
        if (p, r) in conflicts or r not in reviewer_ids or p not in proposal_ids:
            remove.add((p, r))
        else:
            by_proposal[p].append(((p, r) not in scored, not manual, (p, r)))
    keep = set()
    for rows in by_proposal.values():
        rows.sort()
        for i, (unscored, _auto, pair) in enumerate(rows):
            (keep if i < k or not unscored else remove).add(pair)
    return keep, remove


def assignment_plan(*, round_, rebalance: bool = False) -> AssignmentPlan:
    """What :func:`assign_reviewers` would do, without doing it: the existing assignment is
    completed (a proposal short of ``k`` reviewers gets the missing ones, loads balanced
    around what reviewers hold) and trimmed where a proposal has more than ``k`` unscored
    reviewers; it is never doubled. With ``rebalance``, unscored automatic assignments may
    also move to even the loads (the solver keeps as many of them as balance allows).
    Raises ApplicationError with the reasons when no assignment exists."""
    people = list(reviewers(round_))
    proposals = list(proposals_of(round_).values_list("id", "theme_id"))
    if not people:
        raise ApplicationError(_("The edition has no MAG members to review."))
    conflicts = set(Conflict.objects.filter(round=round_).values_list(
        "proposal_id", "reviewer_id")) | set(_conflicts_seen(round_))
    keep, remove = _kept_assignments(round_, {p for p, _t in proposals},
                                     {p.pk for p in people}, conflicts)
    movable = set()
    if rebalance:
        fixed = set(Review.objects.filter(round=round_).values_list(
            "proposal_id", "reviewer_id")) | set(Assignment.objects.filter(
                round=round_, manual=True).values_list("proposal_id", "reviewer_id"))
        movable, keep = keep - fixed, keep & fixed
    reviewer_items = [assignment.Reviewer(person.pk, frozenset({theme}) if theme is not None
                                   else frozenset())
                      for person, theme in zip(people, _theme_groups(round_, people, proposals),
                                               strict=True)]
    problem = assignment.Problem([assignment.Item(pk, theme) for pk, theme in proposals],
                                 reviewer_items, round_.reviews_per_proposal, conflicts,
                                 by_group=round_.by_theme, fixed=keep,
                                 bids=dict.fromkeys(movable, 3))
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
    added = set(result.added)
    keep, remove = keep | (movable & added), remove | (movable - added)
    final = keep | added
    per = defaultdict(int)
    load = defaultdict(int)
    for p, r in final:
        per[p] += 1
        load[r] += 1
    counts = [per[p] for p, _t in proposals]
    return AssignmentPlan(result=result, keep=keep, add=sorted(added - movable), remove=remove,
                          proposals=len(proposals),
                          per_proposal=(min(counts, default=0), max(counts, default=0)),
                          loads={person: load[person.pk] for person in people})


@transaction.atomic
def assign_reviewers(*, round_, rebalance: bool = False) -> AssignmentPlan:
    """Complete (or rebalance) the round's assignment (see :func:`assignment_plan`); run
    twice, the second run changes nothing. Side effects: conflicts detected and recorded, the
    plan's pairs removed and added, one audit entry."""
    conflicts_detect(round_=round_)
    plan = assignment_plan(round_=round_, rebalance=rebalance)
    for p, r in plan.remove:
        Assignment.objects.filter(round=round_, proposal_id=p, reviewer_id=r).delete()
    Assignment.objects.bulk_create(
        Assignment(round=round_, proposal_id=p, reviewer_id=r) for p, r in plan.add)
    audit_log(action="review.assign", obj=round_,
              changes={"added": [None, len(plan.add)], "removed": [None, len(plan.remove)],
                       "kept": [None, len(plan.keep)]})
    return plan


def assignment_summary(plan: AssignmentPlan) -> str:
    """What a run did, in the figures the page's table shows."""
    low, high = plan.load_range
    added = ngettext("%(n)d review added", "%(n)d reviews added", len(plan.add)) % {
        "n": len(plan.add)}
    return _("%(added)s, %(removed)d removed, %(kept)d kept. Every proposal has %(a)d to "
             "%(b)d reviewers; each reviewer has %(c)d to %(d)d proposals.") % {
        "added": added, "removed": len(plan.remove), "kept": len(plan.keep),
        "a": plan.per_proposal[0], "b": plan.per_proposal[1], "c": low, "d": high}


def assignments_import(*, round_, upload) -> int:
    """Add the assignments of a CSV ``proposal_id,reviewer_email`` (all or nothing, naming
    the line at fault); each goes through :func:`assignment_set`."""
    if upload is None:
        raise ApplicationError(_("Choose a CSV file."))
    try:
        reader = csv.DictReader(io.StringIO(upload.read().decode("utf-8-sig")))
    except UnicodeDecodeError:
        raise ApplicationError(_("The file is not UTF-8 text.")) from None
    proposals = {p.pk: p for p in proposals_of(round_)}
    people = {p.email.lower(): p for p in reviewers(round_) if p.email}
    rows = []
    for line, row in enumerate(reader, start=2):
        try:
            pk = int(row.get("proposal_id") or "")
        except ValueError:
            raise ApplicationError(_("Line %(n)d: proposal_id is not a number.") % {
                "n": line}) from None
        if pk not in proposals:
            raise ApplicationError(_("Line %(n)d: proposal %(pk)d is not evaluated in this "
                                     "round.") % {"n": line, "pk": pk})
        person = people.get((row.get("reviewer_email") or "").strip().lower())
        if person is None:
            raise ApplicationError(_("Line %(n)d: %(email)s is not a MAG member of this "
                                     "edition.") % {"n": line,
                                                   "email": row.get("reviewer_email")})
        rows.append((proposals[pk], person))
    with transaction.atomic():
        for proposal, person in rows:
            assignment_set(round_=round_, proposal=proposal, reviewer=person, assigned=True)
    return len(rows)


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
                "date": format_datetime(round_.closes_at)})
        raise ApplicationError(_("Scoring opens on %(date)s.") % {
            "date": format_datetime(round_.opens_at)})
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


REMIND_AGAIN_AFTER = datetime.timedelta(hours=20)


def reminders_plan(*, round_, when=None) -> list[tuple]:
    """[(person, proposals left to score)] of the reviewers a reminder would go to: those
    with unscored proposals and an address, not reminded in the last 20 hours (so pressing
    the button twice mails no one twice)."""
    when = when or timezone.now()
    done = set(Review.objects.filter(round=round_).values_list("proposal_id", "reviewer_id"))
    left = defaultdict(int)
    people = {}
    for a in Assignment.objects.filter(round=round_).select_related("reviewer"):
        if (a.proposal_id, a.reviewer_id) not in done:
            left[a.reviewer_id] += 1
            people[a.reviewer_id] = a.reviewer
    recent = {e.lower() for e in OutboxMail.objects.filter(
        edition=round_.edition, kind="review.reminder",
        created__gte=when - REMIND_AGAIN_AFTER).values_list("to", flat=True)}
    return sorted(((people[pk], n) for pk, n in left.items()
                   if people[pk].email and people[pk].email.lower() not in recent),
                  key=lambda pair: (pair[0].name, pair[0].pk))


def remind_late(*, round_) -> int:
    """Mail each reviewer of :func:`reminders_plan` (through the outbox)."""

    plan = reminders_plan(round_=round_)
    for person, n in plan:
        mail_enqueue_template(to=person.email, template="review/mail/reminder",
                              context={"person": person, "left": n, "round": round_},
                              language=person.preferred_language or None,
                              edition=round_.edition, kind="review.reminder")
    return len(plan)


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


def results_for(*, round_, viewer, staff: bool) -> list[dict]:
    """The results table as ``viewer`` may see it. A member with a conflict sees nothing of
    that proposal's evaluation (HotCRP's rule): its row is left out and the ranks are counted
    among the rows shown, so that no gap gives the hidden proposal's place away."""
    table = aggregate(round_)
    if staff:
        return table
    hidden = set(Conflict.objects.filter(round=round_, reviewer=viewer)
                 .values_list("proposal_id", flat=True))
    table = [row for row in table if row["proposal_id"] not in hidden]
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
    broken = _broken_in_words(result.broken, bounds)
    rank = {r["proposal_id"]: r["rank"] for r in table}
    explanations = {str(k): f"#{rank[k]}: {v}" for k, v in result.explanations.items()}
    run = SelectionRun.objects.create(
        round=round_, status=result.status, chosen=result.chosen, explanations=explanations,
        broken=broken, objective=result.objective,
        settings={"slots": slots, "theme_cap": theme_cap, "developing_share": developing_share,
                  "first_time_share": first_time_share, "every_region": every_region,
                  "every_group": every_group})
    audit_log(action="review.select", obj=round_,
              changes={"chosen": [None, len(result.chosen)], "broken": [None, broken]})
    return run


def _bound_words(bound) -> str:
    """A selection target as the Secretariat says it."""

    n = bound.minimum
    if bound.attribute == "developing":
        return ngettext("at least %(n)d proposal with organisers from developing countries",
                        "at least %(n)d proposals with organisers from developing countries",
                        n) % {"n": n}
    if bound.attribute == "first_time":
        return ngettext("at least %(n)d proposal from a first-time proposer",
                        "at least %(n)d proposals from first-time proposers", n) % {"n": n}
    if bound.attribute == "theme":
        return ngettext("at most %(n)d proposal on the theme %(theme)s",
                        "at most %(n)d proposals on the theme %(theme)s", bound.maximum) % {
            "n": bound.maximum, "theme": bound.value}
    groups = {**dict(RegionalGroup.choices), **dict(StakeholderGroup.choices)}
    return _("at least one proposal with people from %(group)s") % {
        "group": groups.get(bound.value, bound.value)}


def _broken_in_words(broken: list, bounds: list) -> list:
    """``at least 1 with region = african: 1 short`` -> ``at least one proposal with people
    from the African Group: 1 missing``."""
    words = {b.describe(): _bound_words(b) for b in bounds}
    plain = []
    for text in broken:
        target, _sep, gap = text.rpartition(": ")
        n, _sp, kind = gap.partition(" ")
        gap = (_("%(n)s missing") if kind == "short" else _("%(n)s too many")) % {"n": n}
        plain.append(f"{words.get(target, target)}: {gap}")
    return plain


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


@dataclass
class DecisionLine:
    """One proposal's decision and who is told."""

    proposal: object
    status: str
    note: str
    recipients: list

    @property
    def label(self) -> str:
        return str(ProposalStatus(self.status).label)


def _decision_note(status: str) -> str:
    """What the proposers are told beside the decision, in plain words: never the solver's
    reasoning nor the proposal's rank, which stay with the MAG. Lazy, so that each
    organiser's mail says it in their own language."""
    return {"conditional": _lazy("Most reviewers suggested merging this proposal with a "
                                 "similar one: it is accepted on condition that the "
                                 "organisers merge."),
            "waitlisted": _lazy("The proposal is on the waiting list: it takes a slot that "
                                "frees up."),
            }.get(status, "")


def decisions_plan(*, round_, waitlist: int = 10) -> list[DecisionLine]:
    """The decisions :func:`decisions_send` would send, in rank order: chosen proposals
    accepted (on condition of merging when most reviewers suggested a merge), the next
    ``waitlist`` waitlisted, the rest not accepted. Proposals already decided are left out:
    they were told once."""
    run = round_.selections.first()
    if run is None:
        raise ApplicationError(_("Run the selection first."))
    chosen = set(run.chosen)
    table = aggregate(round_)
    merges = defaultdict(int)
    for p, _m in Review.objects.filter(round=round_, merge_with__isnull=False).values_list(
            "proposal_id", "merge_with_id"):
        merges[p] += 1
    proposals = {p.pk: p for p in Proposal.objects.filter(pk__in=[r["proposal_id"]
                                                                  for r in table])}
    decided = ("accepted", "conditional", "rejected", "waitlisted")
    waiting = sum(1 for p in proposals.values() if p.status == "waitlisted")
    lines = []
    for row in table:
        proposal = proposals[row["proposal_id"]]
        if proposal.status in decided:
            continue
        if row["proposal_id"] in chosen:
            status = "conditional" if merges[row["proposal_id"]] * 2 > row["n"] else "accepted"
        elif waiting < waitlist:
            status, waiting = "waitlisted", waiting + 1
        else:
            status = "rejected"
        lines.append(DecisionLine(proposal, status, _decision_note(status),
                                  [email for _row, email in organiser_addresses(proposal)]))
    return lines


def decision_counts(lines) -> dict:
    counts = defaultdict(int)
    for line in lines:
        counts[line.label] += 1
    return dict(sorted(counts.items()))


def decisions_summary(lines) -> str:
    """What was sent, in words: "Decisions sent for 6 proposals (Accepted: 2, ...); 6 mails
    to their organisers."""
    counts = ", ".join(f"{label}: {n}" for label, n in decision_counts(lines).items())
    return _("Decisions sent for %(n)d proposals (%(counts)s); %(mails)d mails to their "
             "organisers.") % {"n": len(lines), "counts": counts,
                               "mails": sum(len(line.recipients) for line in lines)}


@transaction.atomic
def decisions_send(*, round_, waitlist: int = 10, notify: bool = True) -> list[DecisionLine]:
    """Send the decisions of :func:`decisions_plan`: each proposal decided and its
    organisers mailed (``notify``). Run again, it sends nothing twice."""

    Round.objects.select_for_update().filter(pk=round_.pk).first()  # one sender at a time
    lines = decisions_plan(round_=round_, waitlist=waitlist)
    for line in lines:
        proposal_decide(proposal=line.proposal, status=line.status, note=line.note,
                        notify=notify)
    return lines
