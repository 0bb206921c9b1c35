"""Rate limits: per address before any token is read, per token, 429 with Retry-After."""

import pytest
from django.core.cache import cache

from openigf.api.models import ApiToken
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


def test_an_address_over_its_limit_waits(client, settings):
    settings.API_RATE_LIMITS = {"address": 3, "token": 100}
    statuses = [client.get("/api/v1/forums/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get("/api/v1/forums/")
    assert refused.json()["error"]["code"] == "throttled"
    assert 1 <= int(refused["Retry-After"]) <= 60
    other = client.get("/api/v1/forums/", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


def test_guessing_tokens_is_limited_by_address(client, settings):
    settings.API_RATE_LIMITS = {"address": 2, "token": 100}
    statuses = [client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer oigf_{i:012x}_x")
                .status_code for i in range(3)]
    assert statuses == [401, 401, 429]


def test_a_token_over_its_limit_waits_from_any_address(client, settings):
    settings.API_RATE_LIMITS = {"address": 100, "token": 2}
    _token, secret = ApiToken.issue(person=PersonFactory(), name="feed")
    statuses = [client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {secret}",
                           REMOTE_ADDR=f"192.0.2.{i}").status_code for i in range(3)]
    assert statuses == [200, 200, 429]
