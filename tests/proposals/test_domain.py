"""The writes on proposals: drafts, submission and its refusals, people and invitations,
withdrawal, screening and decisions."""

import datetime

import pytest
from django.utils import timezone, translation

from openigf.core.audit import acting_as
from openigf.core.errors import ApplicationError, Conflict, NotAllowed
from openigf.core.models import AuditEntry
from openigf.forums.models import Tag
from openigf.outbox.models import OutboxMail
from openigf.proposals import domain, privacy
from openigf.proposals.enums import ProposalStatus
from openigf.proposals.models import ProposalPerson
from tests.factories import EditionFactory, PersonFactory, ThemeFactory
from tests.proposals.factories import CallFactory, ProposalFactory, complete, person_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def call():
    return CallFactory()


def test_proposal_create_starts_a_draft_with_the_proposer_as_organiser(call):
    person = PersonFactory(organisation="Women@Web")
    proposal = domain.proposal_create(call=call, person=person, title="Data and gender")
    assert (proposal.status, proposal.kind, proposal.organisation) == (
        "draft", "workshop", "Women@Web")
    [row] = proposal.people.all()
    assert (row.person, row.role, row.confirmed) == (person, "organiser", True)
    assert AuditEntry.objects.filter(action="proposal.create").count() == 1


def test_proposal_update_adds_write_in_tags_once(call):
    Tag.objects.create(edition=call.edition, name="Privacy")
    proposal = ProposalFactory(call=call, status="draft")
    domain.proposal_update(proposal=proposal, tags=[], write_in_tags=[" privacy", "Quantum  "])
    domain.proposal_update(proposal=proposal, write_in_tags=["quantum"])
    assert sorted(proposal.tags.values_list("name", "suggested")) == [
        ("Privacy", True), ("Quantum", False)]


def test_proposal_submit_names_each_missing_field(call):
    proposal = ProposalFactory(call=call, status="draft", description="", format="",
                               duration=None)
    with pytest.raises(ApplicationError) as error:
        domain.proposal_submit(proposal=proposal)
    assert set(error.value.fields) >= {"description", "format", "duration", "theme", "people"}
    proposal.refresh_from_db()
    assert proposal.status == "draft"


def test_proposal_submit_refused_over_the_word_limit(call):
    proposal = complete(ProposalFactory(call=CallFactory(edition=call.edition, kind="town_hall",
                                                         word_limit=5),
                                        status="draft", description="one two three four five six",
                                        theme=ThemeFactory(edition=call.edition)))
    with pytest.raises(ApplicationError) as error:
        domain.proposal_submit(proposal=proposal)
    assert error.value.fields == {"description": "The description has 6 words; the limit is 5."}


def test_proposal_submit_refused_after_the_deadline_shows_it(call):
    call.closes_at = datetime.datetime(2019, 4, 12, 21, 59, tzinfo=datetime.UTC)
    call.opens_at = call.closes_at - datetime.timedelta(days=30)
    call.save()
    proposal = ProposalFactory(call=call, status="draft")
    with pytest.raises(Conflict) as error:
        domain.proposal_submit(proposal=proposal)
    assert "Fri 12 Apr 2019, 23:59 CEST" in error.value.message
    with translation.override("zh-hans"), pytest.raises(Conflict) as error:
        domain.proposal_submit(proposal=proposal)
    assert "2019年4月12日 星期五 23:59 CEST" in error.value.message


def test_proposal_submit_sends_mail_and_invites_speakers(call):
    theme = ThemeFactory(edition=call.edition)
    proposal = complete(ProposalFactory(call=call, status="draft", theme=theme),
                        confirmed=False)
    domain.proposal_submit(proposal=proposal, person=proposal.created_by)
    proposal.refresh_from_db()
    assert proposal.status == "submitted" and proposal.submitted_at and proposal.first_time
    subjects = sorted(OutboxMail.objects.values_list("subject", flat=True))
    assert subjects.count(f"Please confirm: {proposal.title}") == 3
    assert f"Proposal submitted: {proposal.title}" in subjects
    assert not proposal.people.filter(role="speaker", invited_at__isnull=True).exists()


def test_proposal_submit_blocked_by_a_rule_names_it_at_people(call):
    proposal = complete(ProposalFactory(call=call, status="draft",
                                        theme=ThemeFactory(edition=call.edition)),
                        genders=("male", "male", "male"))
    with pytest.raises(ApplicationError) as error:
        domain.proposal_submit(proposal=proposal)
    assert error.value.fields == {"people": "All the speakers whose gender is given have the "
                                            "same gender; add or change a speaker so that at "
                                            "least one differs."}


def test_first_time_false_when_proposed_in_an_earlier_edition(call):
    person = PersonFactory()
    old = CallFactory(edition=EditionFactory(forum=call.edition.forum, year=2018, slug="2018"))
    ProposalFactory(call=old, created_by=person)
    proposal = complete(ProposalFactory(call=call, created_by=person, status="draft",
                                        theme=ThemeFactory(edition=call.edition)))
    domain.proposal_submit(proposal=proposal)
    assert proposal.first_time is False


def test_person_save_changing_email_asks_again(call):
    proposal = ProposalFactory(call=call)
    row = person_row(proposal, name="Ana", email="ana@example.net", confirmed=True)
    domain.proposal_person_save(proposal=proposal, row=row, email="ana@other.example.net")
    row.refresh_from_db()
    assert (row.confirmed, row.invited_at is not None) == (False, True)
    assert OutboxMail.objects.filter(to="ana@other.example.net").count() == 1


def test_person_save_links_an_existing_account(call):
    colleague = PersonFactory(email="colleague@example.org")
    proposal = ProposalFactory(call=call, status="draft")
    row = domain.proposal_person_save(proposal=proposal, role="organiser", name="Col",
                                      email="Colleague@example.org")
    assert row.person == colleague


def test_proposer_cannot_be_removed(call):
    proposal = ProposalFactory(call=call)
    with pytest.raises(NotAllowed):
        domain.proposal_person_remove(row=proposal.people.get(role="organiser"))


def test_confirm_token_round_trip_and_tampering(call):
    row = person_row(ProposalFactory(call=call), name="Sam", email="sam@example.net")
    token = domain.confirm_token(row)
    assert domain.row_for_token(token) == row
    with pytest.raises(NotAllowed):
        domain.row_for_token(token[:-2] + "xx")
    row.email = "other@example.net"
    row.save()
    with pytest.raises(NotAllowed):
        domain.row_for_token(token)


def test_person_confirm_and_decline(call):
    row = person_row(ProposalFactory(call=call), name="Sam", email="sam@example.net")
    domain.person_confirm(row=row, accept=True)
    assert row.confirmed and row.confirmed_at
    domain.person_confirm(row=row, accept=False)
    assert not row.confirmed
    assert OutboxMail.objects.filter(subject__startswith="Someone declined").count() == 1


def test_withdraw_then_no_more_changes(call):
    proposal = ProposalFactory(call=call)
    domain.proposal_withdraw(proposal=proposal)
    assert proposal.status == "withdrawn"
    with pytest.raises(Conflict):
        domain.proposal_update(proposal=proposal, title="New")
    with pytest.raises(Conflict):
        domain.proposal_withdraw(proposal=proposal)


def test_screen_out_needs_a_reason_and_tells_the_organisers(call):
    proposal = ProposalFactory(call=call)
    with pytest.raises(ApplicationError) as error:
        domain.proposal_screen(proposal=proposal, screened_in=False, reason=" ")
    assert list(error.value.fields) == ["reason"]
    with acting_as(PersonFactory()):
        domain.proposal_screen(proposal=proposal, screened_in=False, reason="Too few speakers.")
    assert (proposal.status, proposal.screening_note) == ("screened_out", "Too few speakers.")
    assert OutboxMail.objects.filter(subject__startswith="Proposal screened out").count() == 1


def test_proposal_decide_sets_the_decision_and_mails(call):
    proposal = ProposalFactory(call=call, status=ProposalStatus.SCREENED_IN)
    domain.proposal_decide(proposal=proposal, status="conditional", note="Merge with #12.")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decision_note) == ("conditional", "Merge with #12.")
    assert proposal.decided_at <= timezone.now()
    assert OutboxMail.objects.filter(subject=f"Accepted if merged: {proposal.title}").exists()
    domain.proposal_decide(proposal=proposal, status="rejected", notify=False)
    assert OutboxMail.objects.count() == 1


def test_proposal_decide_refuses_unknown_status_and_unscreened(call):
    with pytest.raises(ApplicationError):
        domain.proposal_decide(proposal=ProposalFactory(call=call), status="draft")
    with pytest.raises(Conflict):
        domain.proposal_decide(proposal=ProposalFactory(call=call, status="screened_out"),
                               status="accepted")


def test_privacy_export_and_erase_keep_the_classifications(call):
    person = PersonFactory(email="me@example.org")
    proposal = ProposalFactory(call=call, created_by=person)
    person_row(ProposalFactory(call=call), name="Me", email="ME@example.org", gender="female")
    assert {r["role"] for r in privacy.export(person)["proposals"]} == {"organiser", "speaker"}
    privacy.erase(person)
    assert not ProposalPerson.objects.filter(email__iexact="me@example.org").exists()
    assert ProposalPerson.objects.filter(name="—", gender="female").count() == 2
    proposal.refresh_from_db()
    assert proposal.created_by is None
