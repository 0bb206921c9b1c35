import hashlib
import json

import pytest

from openigf.api.models import ApiToken
from tests.factories import EditionFactory, PersonFactory


@pytest.mark.django_db
def test_a_token_acts_as_its_person(client):
    person = PersonFactory(name="Caption Feed")
    _, secret = ApiToken.issue(person=person, name="captions")
    response = client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200
    assert response.json()["name"] == "Caption Feed"
    assert ApiToken.objects.get().last_used is not None


@pytest.mark.django_db
@pytest.mark.parametrize("mangle", [lambda s: s + "x", lambda s: "nope", lambda s: s[:-3]])
def test_a_wrong_token_is_refused_with_one_error_body(client, mangle):
    _, secret = ApiToken.issue(person=PersonFactory(), name="x")
    response = client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {mangle(secret)}")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


@pytest.mark.django_db
def test_a_revoked_token_is_refused(client):
    token, secret = ApiToken.issue(person=PersonFactory(), name="x")
    client.force_login(token.person)
    client.post("/me/tokens/", {"revoke": token.pk})
    client.logout()
    assert client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401


@pytest.mark.django_db
def test_the_secret_is_shown_once_and_only_its_digest_is_stored(client):
    client.force_login(PersonFactory())
    response = client.post("/me/tokens/", {"name": "captions room 3", "days": 30})
    secret = response.context["secret"]
    assert secret.startswith("oigf_")
    prefix, key_id, key = secret.split("_", 2)
    token = ApiToken.objects.get()
    assert (prefix, token.key_id, token.key_hash) == (
        "oigf", key_id, hashlib.sha256(key.encode()).hexdigest())
    assert key not in repr(list(ApiToken.objects.values_list()))  # no column holds the secret
    assert key not in client.get("/me/tokens/").content.decode()  # shown once, never again


@pytest.mark.django_db
def test_anonymous_api_call_gets_401_json(client):
    response = client.get("/api/v1/me/")
    assert response.status_code == 401
    assert json.loads(response.content)["error"]["code"] == "unauthenticated"


@pytest.mark.django_db
def test_edition_api_hides_an_unpublished_edition(client):
    edition = EditionFactory(published=False)
    response = client.get(f"/api/v1/{edition.forum.slug}/{edition.slug}/")
    assert response.status_code == 401
    other = EditionFactory(forum=edition.forum, year=2020, slug="2020")
    assert client.get(f"/api/v1/{other.forum.slug}/2020/").json()["year"] == 2020
