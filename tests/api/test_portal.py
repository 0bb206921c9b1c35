"""The tokens page: scopes within the person's roles, a shorter expiry, revocation."""

import datetime

import pytest
from django.utils import timezone

from openigf.api import domain
from openigf.api.models import ApiToken
from openigf.core.errors import ApplicationError
from openigf.core.models import AuditEntry
from tests.factories import EditionFactory, PersonFactory, secretariat_of
from tests.programme.factories import SessionFactory, SessionPersonFactory

pytestmark = pytest.mark.django_db


def test_the_page_offers_only_the_scopes_the_roles_allow(client):
    person = PersonFactory()
    client.force_login(person)
    offered = client.get("/me/tokens/").context["form"].fields["scopes"].choices
    assert [value for value, _label in offered] == ["proposals:write", "registration:write"]
    refused = client.post("/me/tokens/", {"name": "feed", "days": 30,
                                          "scopes": ["transcripts:write"]})
    assert refused.status_code == 400 and "scopes" in refused.context["form"].errors
    assert not ApiToken.objects.exists()


def test_a_session_organiser_may_give_captions_and_reports_scopes():
    organiser = PersonFactory()
    session = SessionFactory(edition=EditionFactory())
    SessionPersonFactory(session=session, person=organiser, role="organiser")
    token, _secret = domain.token_issue(person=organiser, name="captions",
                                        scopes=["transcripts:write", "reports:write"])
    assert token.scopes == ["reports:write", "transcripts:write"]
    staff = secretariat_of(EditionFactory().forum)
    assert domain.token_issue(person=staff, name="x", scopes=["transcripts:write"])[0].scopes \
        == ["transcripts:write"]


def test_a_token_lives_90_days_unless_told_and_never_more_than_a_year(client):
    person = PersonFactory()
    client.force_login(person)
    assert client.get("/me/tokens/").context["form"]["days"].value() == 90
    client.post("/me/tokens/", {"name": "feed", "days": 90})
    token = ApiToken.objects.get()
    assert token.expires - timezone.now() > datetime.timedelta(days=89, hours=23)
    assert token.scopes == []
    too_long = client.post("/me/tokens/", {"name": "feed", "days": 366})
    assert too_long.status_code == 400 and ApiToken.objects.count() == 1
    with pytest.raises(ApplicationError) as refused:
        domain.token_issue(person=person, name="x", days=730)
    assert list(refused.value.fields) == ["days"]


def test_a_revoked_token_stops_at_once_and_the_revocation_is_audited(client):
    person = PersonFactory()
    token, secret = domain.token_issue(person=person, name="feed")
    client.force_login(person)
    client.post("/me/tokens/", {"revoke": token.pk})
    client.logout()
    response = client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 401
    assert list(AuditEntry.objects.filter(object_id=str(token.pk)).values_list(
        "action", flat=True).order_by("id")) == ["api_token.issue", "api_token.revoke"]


def test_another_persons_token_cannot_be_revoked(client):
    token, _secret = domain.token_issue(person=PersonFactory(), name="feed")
    client.force_login(PersonFactory())
    assert client.post("/me/tokens/", {"revoke": token.pk}).status_code == 404
    assert ApiToken.objects.usable().count() == 1


def test_the_profile_leads_to_the_tokens(client):
    client.force_login(PersonFactory())
    assert 'href="/me/tokens/"' in client.get("/me/").content.decode()
