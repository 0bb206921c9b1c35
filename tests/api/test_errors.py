"""Under /api/ every answer is JSON, whatever went wrong, and bad input is a 400 that says
why, never a 500."""

import json

import pytest
from django.db import OperationalError
from django.test import Client

from openigf.api import api as api_module
from openigf.api.errors import MAX_DEPTH
from tests.api import world as api_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return api_world.build()


def _error(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json"
    return response.json()["error"]


@pytest.mark.parametrize("path", ["/api/v1/igf/1999/sessions/", "/api/v2/", "/api/v1/nope/x/y/",
                                  "/api/v1/igf/2019/sessions/123456789/"])
def test_not_found_is_json(client, world, path):
    assert _error(client.get(path), 404)["code"] == "not_found"


def test_an_unknown_edition_names_it(client, world):
    error = _error(client.get("/api/v1/igf/1999/"), 404)
    assert "1999" in error["message"]


def test_a_method_not_allowed_is_json_with_allow(client, world):
    response = client.delete(world.base + "sessions/")
    assert _error(response, 405)["code"] == "method_not_allowed"
    assert response["Allow"] == "GET"


def test_a_missing_or_malformed_field_is_named(client, world):
    url = world.base + "registration/"
    headers = {"HTTP_AUTHORIZATION": f"Bearer {world.token('participant')}"}
    error = _error(client.post(url, json.dumps({"attendance": "moon"}),
                               content_type="application/json", **headers), 400)
    assert (error["code"], list(error["fields"])) == ("invalid", ["attendance"])
    error = _error(client.get(world.base + "sessions/?page=0"), 400)
    assert list(error["fields"]) == ["page"]


@pytest.mark.parametrize("body, says", [
    (b'{"key": "k", "text": "a\\u0000b"}', "NUL"),
    (b'{"key": "k", "text": "\\ud800"}', "surrogate"),
    (b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1), "deeper"),
    (b"[" * 100_000, "deeper"),
    (b'{"key": "k", "text": "\xff"}', "UTF-8"),
    (b"{not json", "JSON"),
])
def test_bad_json_is_refused_before_the_database(client, world, body, says):
    url = world.base + f"sessions/{world.session.pk}/transcript/"
    response = client.post(url, body, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {world.token('staff')}")
    error = _error(response, 400)
    assert (error["code"], says in error["message"]) == ("malformed", True)


def test_a_nul_byte_in_the_query_string_is_refused_in_json(client, world):
    error = _error(client.get(world.base + "sessions/?q=a%00b"), 400)
    assert "NUL" in error["message"]


def test_a_5000_digit_filter_is_refused(client, world):
    response = client.get(world.base + "sessions/?theme=" + "9" * 5000)
    assert _error(response, 400)["code"] == "malformed"
    assert client.get(world.base + "sessions/?theme=" + "9" * 30).status_code == 400


def test_an_unexpected_failure_is_a_json_500(world, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(api_module.forums.registration_queries, "figures", broken)
    client = Client(raise_request_exception=False)
    error = _error(client.get(world.base + "participation/"), 500)
    assert (error["code"], "boom" in error["message"]) == ("server_error", False)


def test_a_domain_conflict_is_409(client, world):
    world.proposal.call.closes_at = world.proposal.call.opens_at
    world.proposal.call.save(update_fields=["closes_at"])
    url = world.base + "proposals/"
    headers = {"HTTP_AUTHORIZATION": f"Bearer {world.token('participant')}"}
    error = _error(client.post(url, json.dumps({"call": "workshop", "title": "Late"}),
                               content_type="application/json", **headers), 409)
    assert error["code"] == "deadline"


def test_a_restarting_database_is_a_503_to_retry(world, monkeypatch):
    def restarting(*args, **kwargs):
        raise OperationalError("terminating connection due to administrator command")

    monkeypatch.setattr(api_module.forums.registration_queries, "figures", restarting)
    response = Client().get(world.base + "participation/")
    assert (_error(response, 503)["code"], response["Retry-After"]) == ("unavailable", "5")
