"""Export and erasure reach every copy of a person's data (people.domain with each app's
handler registered in core.privacy)."""

import datetime
import json

import pytest
from django.utils import timezone

from openigf.core.models import AuditEntry
from openigf.outbox.domain import mail_enqueue
from openigf.outbox.models import OutboxMail
from openigf.outcomes import domain as outcomes
from openigf.outcomes.models import MessageComment
from openigf.people import domain
from openigf.people.models import Person
from openigf.proposals import domain as proposals
from openigf.proposals.models import Proposal, ProposalPerson
from openigf.review import domain as review
from openigf.review.models import Review
from tests.factories import (
    EditionFactory,
    ForumFactory,
    PersonFactory,
    ThemeFactory,
    mag_member_of,
    secretariat_of,
)
from tests.proposals.factories import ProposalFactory

NAME, BIO, NEEDS = "Zora Quintessa", "Plays the theremin in Lagos.", "Sign language, please."
ORG, COMMENT, REVIEW = "Quintessa Labs", "Community networks need spectrum.", "Thin plan."


@pytest.fixture
def traces(db):
    """One person with something of theirs in every part of the platform."""
    edition = EditionFactory(forum=ForumFactory(slug="igf"), year=2019)
    theme = ThemeFactory(edition=edition)
    person = mag_member_of(edition, name="Z. Q.", email="zora@example.org", organisation=ORG)
    domain.person_update_profile(person=person, name=NAME, biography=BIO,
                                 accessibility_needs=NEEDS)
    ProposalFactory(call__edition=edition, created_by=person, organisation=ORG,
                    status="screened_in")
    other = ProposalFactory(call__edition=edition, status="draft")
    proposals.proposal_person_save(proposal=other, name=NAME, email="zora@example.org",
                                   role="speaker", organisation=ORG)
    mail_enqueue(to="zora@example.org", subject="Your openigf password",
                 body="Open [link made at delivery: people.password_reset]")
    mail_enqueue(to="organiser@example.org", subject=f"{NAME} declined",
                 body=f"{NAME} (zora@example.org) declined to speak.")
    message = outcomes.message_save(edition=edition, theme=theme, text="Fund networks.")
    outcomes.message_move(message=message, status="comment")
    outcomes.comment_add(message=message, person=person, text=COMMENT)
    now = timezone.now()
    round_ = review.round_save(edition=edition, opens_at=now - datetime.timedelta(days=1),
                               closes_at=now + datetime.timedelta(days=9),
                               reviews_per_proposal=1, by_theme=False)
    review.assignment_set(round_=round_, proposal=other, reviewer=person, assigned=True)
    review.review_save(round_=round_, proposal=other, reviewer=person, score=4, comment=REVIEW)
    return person


def test_export_holds_comments_audit_entries_and_mails(traces):
    data = json.loads(json.dumps(domain.person_export(person=traces), default=str))

    assert data["person"]["biography"] == BIO
    assert [c["text"] for c in data["message_comments"]] == [COMMENT]
    assert [r["comment"] for r in data["reviews"]["reviews"]] == [REVIEW]
    assert [m["subject"] for m in data["mail"]] == ["Your openigf password"]
    about = data["audit_log"]["about_you"]
    assert about[0]["action"] == "person.update"
    assert about[0]["changes"]["biography"] == ["", BIO]
    assert [p["organisation"] for p in data["proposals"]["proposed"]] == [ORG]


def test_erasure_reaches_the_audit_log_the_outbox_proposals_and_comments(traces):
    domain.person_erase(person=traces)

    audit = json.dumps(list(AuditEntry.objects.values_list("changes", "object_repr")),
                       ensure_ascii=False)
    for text in (NAME, BIO, NEEDS, "zora@example.org"):
        assert text not in audit
    mail = json.dumps(list(OutboxMail.objects.values_list("to", "subject", "body")))
    assert "zora@example.org" not in mail and NAME not in mail
    assert list(OutboxMail.objects.values_list("subject", flat=True)) == ["— declined"]
    assert list(traces.__class__.objects.filter(pk=traces.pk).values_list(
        "organisation", "biography", "accessibility_needs")) == [("", "", "")]

    assert ORG not in json.dumps(list(Proposal.objects.values_list("organisation", flat=True)))
    assert ORG not in json.dumps(list(ProposalPerson.objects.values_list("organisation",
                                                                          flat=True)))
    assert not MessageComment.objects.exists()
    assert list(Review.objects.values_list("comment", flat=True)) == [""]


def test_erasure_keeps_other_peoples_entries(traces):
    staff = secretariat_of(traces.memberships.first().forum, name="Kofi Mensah")
    domain.person_update_profile(person=staff, biography="Kofi's own words.")

    domain.person_erase(person=traces)

    kept = AuditEntry.objects.get(action="person.update", object_id=str(staff.pk))
    assert kept.changes == {"biography": ["", "Kofi's own words."]}
    assert Person.objects.get(pk=staff.pk).name == "Kofi Mensah"


def test_erasing_a_person_with_an_accented_name_scrubs_it_wherever_it_was_copied(db):
    person = PersonFactory(name="José Ñúñez")
    domain.person_update_profile(person=person, biography="Été à Genève.")
    mail_enqueue(to="other@example.org", subject="x", body="José Ñúñez wrote.")

    domain.person_erase(person=person)

    audit = json.dumps(list(AuditEntry.objects.values_list("changes", "object_repr")),
                       ensure_ascii=False)
    assert "José" not in audit and "Genève" not in audit
    assert OutboxMail.objects.get().body == "— wrote."


def test_person_export_is_not_given_to_someone_else_by_an_unconfirmed_address(db):
    """An account whose address is not confirmed does not export rows named by e-mail."""
    proposal = ProposalFactory()
    proposals.proposal_person_save(proposal=proposal, name="Named", email="n@example.org",
                                   role="speaker")
    squatter = PersonFactory(email="n@example.org", email_verified=None)
    assert domain.person_export(person=squatter)["proposals"]["proposals"] == []
