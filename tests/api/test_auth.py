"""Who the API acts as and what it lets them do: tokens without CSRF, sessions with it, scopes,
the pages' permissions, nothing confidential to a proposer."""

import datetime
import json

import pytest
from django.test import Client
from django.utils import timezone

from openigf.api import scopes
from openigf.api.api import api
from openigf.api.models import ApiToken
from openigf.core.models import AuditEntry
from openigf.transcripts.models import Transcript
from tests.api import world as api_world

pytestmark = pytest.mark.django_db
EVERY_SCOPE = list(scopes.SCOPES)


@pytest.fixture
def world():
    return api_world.build()


def _bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_a_token_posts_without_csrf_where_the_browser_checks_it(world):
    """Captioners' tokens were refused with an HTML "CSRF cookie not set" 403."""
    client = Client(enforce_csrf_checks=True)
    url = world.base + f"sessions/{world.session.pk}/transcript/"
    body = json.dumps({"key": "chunk-1", "text": ">> ANA PEREZ: Next point."})
    response = client.post(url, body, content_type="application/json",
                           **_bearer(world.token("staff")))
    assert (response.status_code, response.json()["appended"]) == (201, True)
    assert "Next point." in Transcript.objects.get(session=world.session).raw


def test_a_session_write_without_the_csrf_token_is_refused_in_json(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.people["staff"])
    url = world.base + f"sessions/{world.session.pk}/transcript/"
    body = json.dumps({"key": "chunk-2", "text": ">> ANA PEREZ: Again."})
    refused = client.post(url, body, content_type="application/json")
    assert (refused.status_code, refused["Content-Type"], refused.json()["error"]["code"]) == (
        403, "application/json", "csrf")
    client.get("/me/tokens/")  # sets the CSRF cookie
    accepted = client.post(url, body, content_type="application/json",
                           HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
    assert accepted.status_code == 201


def test_a_proposers_token_reads_no_score_and_no_one_elses_draft(client, world):
    headers = _bearer(world.token("proposer"))
    assert client.get(world.base + f"proposals/{world.draft.pk}/", **headers).status_code == 404
    assert client.patch(world.base + f"proposals/{world.draft.pk}/", "{}",
                        content_type="application/json", **headers).status_code == 404
    mine = client.get(world.base + "proposals/mine/", **headers).json()
    assert [p["title"] for p in mine] == ["Cross-border data flows"]
    everything = "".join(client.get(url, **headers).content.decode()
                         for url in _readable_urls(world))
    assert "A secret draft" not in everything
    assert "Confidential" not in everything and '"score"' not in everything


def _readable_urls(world):
    values = {"forum": "igf", "edition": "2019", "session_id": world.session.pk,
              "proposal_id": world.proposal.pk}
    for template, operations in api.get_openapi_schema()["paths"].items():
        if "get" in operations:
            yield template.format(**values)


@pytest.mark.parametrize("write", ["transcript", "report", "proposal", "submit"])
def test_a_token_with_every_scope_does_no_more_than_its_person(client, world, write):
    headers = _bearer(world.token("participant", scopes=EVERY_SCOPE))
    session, proposal = world.base + f"sessions/{world.session.pk}/", \
        world.base + f"proposals/{world.proposal.pk}/"
    method, url, body = {
        "transcript": ("post", session + "transcript/", {"key": "k", "text": "hello"}),
        "report": ("put", session + "reports/full/", {}),
        "proposal": ("patch", proposal, {"title": "Taken over"}),
        "submit": ("post", proposal + "submit/", {}),
    }[write]
    response = getattr(client, method)(url, json.dumps(body), content_type="application/json",
                                       **headers)
    assert (response.status_code, response.json()["error"]["code"]) == (403, "forbidden")


def test_a_token_without_the_scope_cannot_write_what_its_person_could(client, world):
    url = world.base + f"sessions/{world.session.pk}/transcript/"
    reader = world.token("staff", scopes=[])
    refused = client.post(url, json.dumps({"key": "k", "text": "hi"}),
                          content_type="application/json", **_bearer(reader))
    assert (refused.status_code, refused.json()["error"]["code"]) == (403, "scope")
    assert client.get(url, **_bearer(reader)).status_code == 200


@pytest.mark.parametrize("state", ["expired", "revoked", "inactive"])
def test_an_expired_revoked_or_deactivated_token_is_refused(client, world, state):
    token, secret = ApiToken.issue(person=world.people["staff"], name="x")
    if state == "expired":
        token.expires = timezone.now() - datetime.timedelta(seconds=1)
        token.save()
    elif state == "revoked":
        token.revoked = timezone.now()
        token.save()
    else:
        world.people["staff"].is_active = False
        world.people["staff"].save()
    response = client.get("/api/v1/me/", **_bearer(secret))
    assert (response.status_code, response.json()["error"]["code"]) == (401, "unauthenticated")


def test_a_write_through_a_token_is_audited_as_its_person(client, world):
    url = world.base + f"sessions/{world.session.pk}/transcript/"
    client.post(url, json.dumps({"key": "k9", "text": ">> ANA PEREZ: audited"}),
                content_type="application/json", **_bearer(world.token("organiser")))
    entry = AuditEntry.objects.get(action="transcript.append")
    assert (entry.actor, entry.changes["key"]) == (world.people["organiser"], "k9")


def test_me_tells_the_tokens_scopes_and_expiry(client, world):
    secret = world.token("participant", scopes=[scopes.REGISTRATION],
                         expires=timezone.now() + datetime.timedelta(days=3))
    me = client.get("/api/v1/me/", **_bearer(secret)).json()
    assert (me["name"], me["token_scopes"]) == ("Pia Participant", ["registration:write"])
