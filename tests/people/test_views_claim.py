"""Sign-up with an address the platform knows gives nothing until the owner of the address
follows the mailed link (people.views.SignupView, ConfirmAddressView): the six roles that
used to be taken over by signing up with their address."""

import re

import pytest
from django.urls import reverse

from openigf.api.models import ApiToken
from openigf.forums.enums import Role
from openigf.forums.models import Membership
from openigf.people.models import Person
from openigf.people.tokens import uid_of
from openigf.programme.models import SessionPerson
from openigf.proposals.enums import PersonRole
from openigf.registration.models import Registration
from tests.community.factories import InitiativeFactory
from tests.factories import PASSWORD, EditionFactory, ForumFactory, PersonFactory
from tests.programme.factories import SessionFactory
from tests.proposals.factories import ProposalFactory, person_row

SIGNUP = {"password": "a-long-unusual-passphrase", "name": "Mallory Intruder",
          "organisation": "Nowhere", "preferred_language": "en"}
NEW_PASSWORD = "another-long-passphrase-42"


@pytest.fixture
def edition(db):
    return EditionFactory(forum=ForumFactory(slug="igf"), year=2019)


def record(email, **values) -> Person:
    """A person the platform knows without an account (named by someone else)."""
    person = Person.objects.create(email=email, name="Known Person", **values)
    person.set_unusable_password()
    person.save()
    return person


def sign_up(client, email, capture):
    with capture(execute=True):
        return client.post("/accounts/signup/", {**SIGNUP, "email": email})


def mailed_link(mailoutbox, email) -> str:
    """The path of the last link mailed to ``email`` (as delivered, not as stored)."""
    body = [m for m in mailoutbox if m.to == [email]][-1].body
    return re.search(r"https?://[^/\s]+(/accounts/confirm/\S+)", body).group(1)


def claim(client, link):
    """Follow the mailed link without being signed in as the record: choose a password."""
    page = client.get(link)
    assert page.status_code == 200 and b"Choose your password" in page.content
    return client.post(link, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})


def confirm(client, link):
    """Follow the mailed link signed in as the account: one button."""
    page = client.get(link)
    assert page.status_code == 200 and b"Confirm the address" in page.content
    return client.post(link)


def status(client, url) -> int:
    return client.get(url).status_code


@pytest.mark.django_db
def test_signup_as_a_mag_member_grants_nothing_until_the_mailed_link(
        client, edition, mailoutbox, django_capture_on_commit_callbacks):
    member = record("mag.member@example.org")
    Membership.objects.create(forum=edition.forum, edition=edition, person=member, role=Role.MAG)
    url = reverse("review:workspace", kwargs=edition.url_kwargs)

    response = sign_up(client, "mag.member@example.org", django_capture_on_commit_callbacks)

    assert response.status_code == 302 and response["Location"] == "/accounts/signup/sent/"
    member.refresh_from_db()
    assert (member.has_usable_password(), member.name, member.email_verified) == \
        (False, "Known Person", None)
    assert status(client, url) == 302  # not signed in: sent to sign in
    assert status(client, "/me/export/") == 302

    claimed = claim(client, mailed_link(mailoutbox, "mag.member@example.org"))

    assert claimed.status_code == 302
    assert status(client, url) == 200
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD) and member.email_verified is not None


@pytest.mark.django_db
def test_signup_as_the_secretariat_grants_nothing_until_the_mailed_link(
        client, edition, mailoutbox, django_capture_on_commit_callbacks):
    staff = record("secretariat@example.org")
    Membership.objects.create(forum=edition.forum, person=staff, role=Role.SECRETARIAT)
    roles = reverse("forums:manage_roles", kwargs=edition.url_kwargs)
    registrations = reverse("registration:csv", kwargs=edition.url_kwargs)

    sign_up(client, "secretariat@example.org", django_capture_on_commit_callbacks)
    assert (status(client, roles), status(client, registrations)) == (302, 302)

    claim(client, mailed_link(mailoutbox, "secretariat@example.org"))
    assert (status(client, roles), status(client, registrations)) == (200, 200)


@pytest.mark.django_db
def test_signup_as_an_nri_focal_point_grants_nothing_until_the_mailed_link(
        client, edition, mailoutbox, django_capture_on_commit_callbacks):
    focal = record("focal@example.org")
    initiative = InitiativeFactory(forum=edition.forum)
    initiative.focal_points.add(focal)
    edit = reverse("community:nri_edit", kwargs={"forum": "igf", "nri": initiative.slug})

    sign_up(client, "focal@example.org", django_capture_on_commit_callbacks)
    assert status(client, edit) == 302

    claim(client, mailed_link(mailoutbox, "focal@example.org"))
    assert status(client, edit) == 200


@pytest.mark.django_db
def test_signup_as_a_registered_participant_grants_nothing_until_the_mailed_link(
        client, edition, mailoutbox, django_capture_on_commit_callbacks):
    participant = record("registered@example.org")
    Registration.objects.create(edition=edition, person=participant, attendance="onsite",
                                status="confirmed")
    badge = reverse("registration:badge", kwargs=edition.url_kwargs)

    sign_up(client, "registered@example.org", django_capture_on_commit_callbacks)
    assert status(client, badge) == 302

    claim(client, mailed_link(mailoutbox, "registered@example.org"))
    assert status(client, badge) == 200


@pytest.mark.django_db
def test_signup_as_a_co_organiser_named_by_email_grants_nothing_until_confirmed(
        client, edition, mailoutbox, django_capture_on_commit_callbacks):
    proposal = ProposalFactory(call__edition=edition)
    person_row(proposal, role=PersonRole.ORGANISER, name="Co Organiser",
               email="co@example.org", confirmed=True)
    edit = reverse("proposals:edit", kwargs={**edition.url_kwargs, "proposal_id": proposal.pk})
    mine = reverse("proposals:mine", kwargs=edition.url_kwargs)

    response = sign_up(client, "co@example.org", django_capture_on_commit_callbacks)

    assert response.status_code == 302  # a new account, signed in, address unconfirmed
    assert status(client, edit) == 403
    assert proposal.title.encode() not in client.get(mine).content
    assert proposal.title not in client.get("/me/export/").content.decode()

    confirm(client, mailed_link(mailoutbox, "co@example.org"))
    assert status(client, edit) == 200
    assert proposal.title.encode() in client.get(mine).content


@pytest.mark.django_db
def test_signup_as_a_session_rapporteur_named_by_email_grants_nothing_until_confirmed(
        client, edition, mailoutbox, django_capture_on_commit_callbacks):
    session = SessionFactory(edition=edition)
    SessionPerson.objects.create(session=session, name="Rapporteur", email="rap@example.org",
                                 role="rapporteur")
    report = reverse("reporting:report", kwargs={**edition.url_kwargs,
                                                 "session_id": session.pk, "kind": "short"})

    sign_up(client, "rap@example.org", django_capture_on_commit_callbacks)
    assert status(client, report) == 403

    confirm(client, mailed_link(mailoutbox, "rap@example.org"))
    assert status(client, report) == 200


@pytest.mark.django_db
def test_a_role_given_to_an_unconfirmed_account_goes_to_whoever_proves_the_address(
        client, edition, mailoutbox, django_capture_on_commit_callbacks):
    """Someone signs up first with another person's address; the Secretariat then names that
    address as MAG member. The squatter gets nothing; the owner takes the account through
    the mailed link, which ends the squatter's session and revokes their API tokens."""
    sign_up(client, "owner@example.org", django_capture_on_commit_callbacks)
    squatter = Person.objects.get(email="owner@example.org")
    _token, _raw = ApiToken.issue(person=squatter, name="script")
    Membership.objects.create(forum=edition.forum, edition=edition, person=squatter,
                              role=Role.MAG)
    workspace = reverse("review:workspace", kwargs=edition.url_kwargs)
    assert status(client, workspace) == 403

    owner = client.__class__()
    claimed = claim(owner, mailed_link(mailoutbox, "owner@example.org"))

    assert claimed.status_code == 302
    assert status(owner, workspace) == 200
    assert status(client, workspace) == 302  # the squatter's session has ended
    assert list(ApiToken.objects.usable().filter(person=squatter)) == []


@pytest.mark.django_db
def test_the_mailed_link_works_once(client, edition, mailoutbox,
                                    django_capture_on_commit_callbacks):
    record("once@example.org")
    sign_up(client, "once@example.org", django_capture_on_commit_callbacks)
    link = mailed_link(mailoutbox, "once@example.org")
    claim(client, link)
    client.logout()

    again = client.get(link)

    assert again.status_code == 400 and b"This link does not work" in again.content


@pytest.mark.django_db
def test_an_altered_link_is_refused_without_error(client, edition):
    person = record("altered@example.org")

    for path in (f"/accounts/confirm/{uid_of(person)}/forged-token/",
                 "/accounts/confirm/%00%ff/x-y/", "/accounts/confirm/MTIzNDU2Nzg5/a-b/"):
        assert client.get(path).status_code == 400


@pytest.mark.django_db
def test_a_signup_with_a_known_address_does_not_change_the_record(
        client, edition, mailoutbox, django_capture_on_commit_callbacks):
    known = record("keep@example.org", organisation="Real Org")
    sign_up(client, "keep@example.org", django_capture_on_commit_callbacks)
    known.refresh_from_db()
    assert (known.name, known.organisation, known.has_usable_password()) == \
        ("Known Person", "Real Org", False)
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_demo_accounts_keep_their_roles(client):
    """Accounts made by the demo and by the factories are confirmed: they keep their roles."""
    person = PersonFactory()
    assert person.email_verified is not None and person.verified_email == person.email
    assert client.login(username=person.email, password=PASSWORD)


@pytest.mark.django_db(transaction=True)
def test_the_link_of_a_new_account_works_when_the_mail_leaves_before_the_sign_in(
        client, mailoutbox):
    """Outside a test transaction the mail is delivered at once, before signing in."""
    client.post("/accounts/signup/", {**SIGNUP, "email": "quick@example.org"})
    confirmed = confirm(client, mailed_link(mailoutbox, "quick@example.org"))
    assert confirmed.status_code == 302
    assert Person.objects.get(email="quick@example.org").email_verified is not None
