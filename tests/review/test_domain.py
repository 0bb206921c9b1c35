"""The evaluation's rules: conflicts, assignment, scores, aggregation, selection, decisions."""

import datetime
from collections import Counter

import pytest
from django.utils import translation
from django.utils.translation import gettext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openigf.algorithms.assignment import Item, Problem, Reviewer, assign
from openigf.algorithms.selection import Bound
from openigf.core.errors import ApplicationError
from openigf.core.models import AuditEntry
from openigf.outbox.models import OutboxMail
from openigf.proposals.models import ProposalStatus
from openigf.review import domain
from openigf.review.models import Assignment, Conflict, Review
from tests.proposals.factories import person_row


def test_conflicts_are_detected_from_the_proposal_people_and_organisation(world):
    proposal, member = world["proposals"][0], world["mag"][0]
    person_row(proposal, person=member)
    other = world["proposals"][1]
    other.organisation = "Org 1"
    other.save()
    domain.conflicts_detect(round_=world["round"])
    pairs = set(Conflict.objects.values_list("proposal_id", "reviewer_id"))
    assert (proposal.pk, member.pk) in pairs and (other.pk, world["mag"][1].pk) in pairs


def test_assignment_never_gives_a_conflicted_reviewer(world):
    proposal, member = world["proposals"][0], world["mag"][0]
    person_row(proposal, person=member)
    plan = domain.assign_reviewers(round_=world["round"])
    assert plan.per_proposal == (2, 2) and plan.load_range[1] - plan.load_range[0] <= 1
    assert not Assignment.objects.filter(proposal=proposal, reviewer=member).exists()


def test_scores_follow_the_rules_and_are_audited(world):
    domain.assign_reviewers(round_=world["round"])
    a = Assignment.objects.select_related("proposal", "reviewer").first()
    kwargs = {"round_": world["round"], "proposal": a.proposal, "reviewer": a.reviewer}
    with pytest.raises(ApplicationError, match="3 or less needs a reason"):
        domain.review_save(score=2, **kwargs)
    domain.review_save(score=2, reason="format", **kwargs)
    domain.review_save(score=4, **kwargs)
    assert Review.objects.get().score == 4

    assert AuditEntry.objects.filter(action="review.score").count() == 2
    late = world["round"].closes_at + datetime.timedelta(minutes=1)
    with pytest.raises(ApplicationError, match="Scoring closed on"):
        domain.review_save(score=5, when=late, **kwargs)
    unassigned = next(m for m in world["mag"] if not Assignment.objects.filter(
        proposal=a.proposal, reviewer=m).exists())
    with pytest.raises(ApplicationError, match="not on your list"):
        domain.review_save(round_=world["round"], proposal=a.proposal, reviewer=unassigned,
                           score=5)


def test_a_declared_conflict_removes_the_proposal_and_its_score(world):
    domain.assign_reviewers(round_=world["round"])
    a = Assignment.objects.select_related("proposal", "reviewer").first()
    domain.review_save(round_=world["round"], proposal=a.proposal, reviewer=a.reviewer,
                       score=5)
    domain.conflict_declare(round_=world["round"], proposal=a.proposal, reviewer=a.reviewer,
                            reason="I am a speaker")
    assert not Review.objects.exists() and not Assignment.objects.filter(pk=a.pk).exists()


def test_harsh_and_lenient_reviewers_are_normalised(world):
    round_ = world["round"]
    harsh, lenient = world["mag"][:2]
    quality = [1, 2, 3, 4, 5, 3]
    for p, q in zip(world["proposals"], quality, strict=True):
        for member, bias in ((harsh, -1), (lenient, +1)):
            Assignment.objects.create(round=round_, proposal=p, reviewer=member)
            Review.objects.create(round=round_, proposal=p, reviewer=member,
                                  score=max(1, min(5, q + bias)))
    table = {r["proposal_id"]: r for r in domain.aggregate(round_)}
    ranks = [table[p.pk]["normalised"] for p in world["proposals"]]
    assert ranks[0] < ranks[1] < ranks[2] < ranks[3] < ranks[4]


def test_selection_floor_binds_and_decisions_are_sent(world):
    round_ = world["round"]
    for i, p in enumerate(world["proposals"]):
        Assignment.objects.create(round=round_, proposal=p, reviewer=world["mag"][0])
        Review.objects.create(round=round_, proposal=p, reviewer=world["mag"][0],
                              score=max(1, 5 - i))
    last = world["proposals"][-1]
    last.first_time = True
    last.save()
    run = domain.selection_run(round_=round_, slots=2, developing_share=0,
                               first_time_share=0.5, every_region=False, every_group=False)
    # Without the floor the two best (5 and 4) would be chosen: the first-timer (1) takes a place.
    assert (run.chosen, run.broken) == ([world["proposals"][0].pk, last.pk], [])
    assert run.explanations[str(last.pk)] == \
        "#6: chosen: value 1, counts towards at least 1 with first_time = True"
    lines = domain.decisions_send(round_=round_, waitlist=1)
    assert domain.decision_counts(lines) == {"Accepted": 2, "Not accepted": 3,
                                             "Waitlisted": 1}

    assert sorted(OutboxMail.objects.values_list("to", flat=True)) == sorted(
        p.created_by.email for p in world["proposals"])  # each proposer is told, once


def test_override_needs_a_reason(world):
    with pytest.raises(ApplicationError, match="Say why"):
        domain.override_set(round_=world["round"], proposal=world["proposals"][0],
                            selected=True, note=" ")


def test_reminders_go_to_late_reviewers(world):
    domain.assign_reviewers(round_=world["round"])
    assert domain.remind_late(round_=world["round"]) == 4
    assert OutboxMail.objects.filter(kind="review.reminder").count() == 4
    assert domain.remind_late(round_=world["round"]) == 0  # pressed twice: no one twice
    assert OutboxMail.objects.filter(kind="review.reminder").count() == 4


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n_items=st.integers(1, 40), n_reviewers=st.integers(5, 15), k=st.integers(1, 4),
       conflicts=st.sets(st.tuples(st.integers(0, 39), st.integers(0, 14)), max_size=30))
def test_assignment_properties(n_items, n_reviewers, k, conflicts):
    items = [Item(i) for i in range(n_items)]
    reviewers = [Reviewer(j) for j in range(n_reviewers)]
    conflicts = {(i, j) for i, j in conflicts if i < n_items and j < n_reviewers}
    result = assign(Problem(items, reviewers, k, conflicts))
    eligible = {i: sum(1 for j in range(n_reviewers) if (i, j) not in conflicts)
                for i in range(n_items)}
    if min(eligible.values()) < k:
        assert not result.ok and result.reasons
        return
    assert result.ok
    per_item = {}
    for i, j in result.pairs:
        assert (i, j) not in conflicts
        per_item[i] = per_item.get(i, 0) + 1
    assert set(per_item.values()) == {k} and len(per_item) == n_items
    if not conflicts:
        assert result.load[1] - result.load[0] <= 1


def _per_proposal(round_):

    return Counter(Assignment.objects.filter(round=round_).values_list("proposal_id",
                                                                         flat=True))


def test_assigning_again_completes_and_never_doubles(world):
    round_ = world["round"]
    first = domain.assign_reviewers(round_=round_)
    a = Assignment.objects.select_related("proposal", "reviewer").first()
    domain.review_save(round_=round_, proposal=a.proposal, reviewer=a.reviewer, score=5)
    second = domain.assign_reviewers(round_=round_)
    assert (len(first.add), len(second.add), len(second.remove)) == (12, 0, 0)
    assert set(_per_proposal(round_).values()) == {2}  # not 4: the scored pair counted
    # A reviewer declares a conflict: the next run replaces only that reviewer, and the
    # loads it reports are the ones the progress table shows.
    other = Assignment.objects.exclude(pk=a.pk).select_related("proposal", "reviewer").first()
    domain.conflict_declare(round_=round_, proposal=other.proposal, reviewer=other.reviewer,
                            reason="My employer")
    third = domain.assign_reviewers(round_=round_)
    assert len(third.add) == 1 and third.add[0][0] == other.proposal_id
    assert set(_per_proposal(round_).values()) == {2}

    table = Counter(Assignment.objects.filter(round=round_).values_list("reviewer_id",
                                                                          flat=True))
    assert {p.pk: n for p, n in third.loads.items()} == {m.pk: table[m.pk]
                                                         for m in world["mag"]}


def test_assigning_trims_a_doubled_assignment_keeping_the_scored(world):
    round_ = world["round"]
    proposal = world["proposals"][0]
    for member in world["mag"]:  # four reviewers where two are asked, one has scored
        Assignment.objects.create(round=round_, proposal=proposal, reviewer=member)
    domain.review_save(round_=round_, proposal=proposal, reviewer=world["mag"][3], score=4)
    plan = domain.assignment_plan(round_=round_)
    assert len(plan.remove) == 2 and (proposal.pk, world["mag"][3].pk) in plan.keep
    domain.assign_reviewers(round_=round_)
    assert set(_per_proposal(round_).values()) == {2}
    assert Assignment.objects.filter(proposal=proposal, reviewer=world["mag"][3]).exists()


def test_a_rebalance_evens_the_loads_keeping_scored_reviews(world):

    round_ = world["round"]
    heavy, light = world["mag"][0], world["mag"][3]
    for p in world["proposals"]:  # the first two members hold everything
        for member in world["mag"][:2]:
            Assignment.objects.create(round=round_, proposal=p, reviewer=member)
    scored = world["proposals"][0]
    domain.review_save(round_=round_, proposal=scored, reviewer=heavy, score=4)
    completed = domain.assignment_plan(round_=round_)
    assert (completed.add, completed.remove, completed.load_range) == ([], set(), (0, 6))
    plan = domain.assign_reviewers(round_=round_, rebalance=True)
    loads = Counter(Assignment.objects.filter(round=round_).values_list("reviewer_id",
                                                                        flat=True))
    assert sorted(loads.values()) == [3, 3, 3, 3] and plan.load_range == (3, 3)
    assert Assignment.objects.filter(proposal=scored, reviewer=heavy).exists()
    assert len(plan.add) == len(plan.remove) == 6 and loads[light.pk] == 3
    assert set(_per_proposal(round_).values()) == {2}
    assert domain.assignment_plan(round_=round_, rebalance=True).changes is False


def test_proposers_are_told_their_decision_without_rank_or_solver_words(world):

    round_ = world["round"]
    for i, p in enumerate(world["proposals"]):
        Assignment.objects.create(round=round_, proposal=p, reviewer=world["mag"][0])
        Review.objects.create(round=round_, proposal=p, reviewer=world["mag"][0], score=5 - i % 5,
                              reason="format" if 5 - i % 5 <= 3 else "")
    domain.selection_run(round_=round_, slots=2, developing_share=0, first_time_share=0,
                         every_region=False, every_group=False)
    domain.decisions_send(round_=round_, waitlist=1)
    bodies = " ".join(OutboxMail.objects.values_list("body", flat=True))
    assert "#" not in bodies and "value" not in bodies and "chosen" not in bodies
    assert "waiting list" in bodies


def test_each_organiser_is_told_the_decision_in_their_own_language(world):
    """The Secretariat sends in English; the mails speak each organiser's language, the
    note beside the decision included."""
    round_ = world["round"]
    languages = ["fr", "ar", "zh-hans", "ru", "es", "fr"]
    for i, p in enumerate(world["proposals"]):
        p.created_by.preferred_language = languages[i]
        p.created_by.save(update_fields=["preferred_language"])
        Assignment.objects.create(round=round_, proposal=p, reviewer=world["mag"][0])
        Review.objects.create(round=round_, proposal=p, reviewer=world["mag"][0], score=5 - i % 5,
                              reason="format" if 5 - i % 5 <= 3 else "")
    domain.selection_run(round_=round_, slots=2, developing_share=0, first_time_share=0,
                         every_region=False, every_group=False)
    with translation.override("en"):
        lines = domain.decisions_send(round_=round_, waitlist=1)

    waitlisted = next(line.proposal for line in lines if line.status == "waitlisted")
    language = waitlisted.created_by.preferred_language
    mail = OutboxMail.objects.get(to=waitlisted.created_by.email)
    with translation.override(language):
        note = gettext("The proposal is on the waiting list: it takes a slot that frees up.")
        status = str(ProposalStatus("waitlisted").label)
    assert note in mail.body and mail.subject.startswith(status)
    waitlisted.refresh_from_db()
    assert waitlisted.decision_note.startswith("The proposal is on the waiting list")
    for line in lines:
        mail = OutboxMail.objects.get(to=line.proposal.created_by.email)
        with translation.override(line.proposal.created_by.preferred_language):
            assert mail.subject.startswith(str(ProposalStatus(line.status).label))


def test_targets_not_met_are_said_in_plain_words(world):
    round_ = world["round"]
    for p in world["proposals"]:
        Assignment.objects.create(round=round_, proposal=p, reviewer=world["mag"][0])
        Review.objects.create(round=round_, proposal=p, reviewer=world["mag"][0], score=4)
    run = domain.selection_run(round_=round_, slots=2, developing_share=0.5,
                               first_time_share=0, every_region=True, every_group=False)
    assert "at least one proposal with people from Asia-Pacific Group: 1 missing" in run.broken

    assert domain._bound_words(Bound("developing", True, minimum=1)) == \
        "at least 1 proposal with organisers from developing countries"
    assert not [b for b in run.broken if "=" in b or "short" in b]
