"""The cache: a Redis outage is a cache miss (pages computed, never a 500), and the database
number of REDIS_URL is the one used."""

import logging
import socket

import pytest
import redis
from django.core.cache import caches
from django.urls import reverse

from conftest import TEST_REDIS_URL
from openigf.core.cache import ResilientRedisCache, cache_settings
from openigf.programme import domain as programme
from tests.factories import EditionFactory, ForumFactory
from tests.programme.factories import RoomFactory, SessionFactory, windows


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens once the probe is closed


def test_cache_settings_use_the_database_number_of_redis_url_or_cache_url():
    assert cache_settings(redis_url="redis://r:6379/5")["default"]["LOCATION"] == \
        "redis://r:6379/5"
    assert cache_settings(redis_url="redis://r:6379/5", cache_url="redis://c:6380/7")[
        "default"]["LOCATION"] == "redis://c:6380/7"
    assert cache_settings(redis_url="")["default"]["BACKEND"].endswith("LocMemCache")


@pytest.fixture
def published(db):
    edition = EditionFactory(forum=ForumFactory(slug="igf"), year=2019)
    windows(edition, days=1)
    session = SessionFactory(edition=edition, title="Data for all")
    programme.session_place(session=session, starts_at=edition.time_windows.first().starts_at,
                            room=RoomFactory(edition=edition))
    programme.release_publish(edition=edition)
    return edition


def test_exports_are_computed_when_redis_is_down(client, published, settings, caplog):
    settings.CACHES = cache_settings(redis_url=f"redis://127.0.0.1:{closed_port()}/3")
    caplog.set_level(logging.WARNING, logger="openigf.core.cache")
    for fmt in ("ics", "json", "csv", "xml"):
        response = client.get(reverse("programme:export",
                                      kwargs={**published.url_kwargs, "fmt": fmt}))
        assert (fmt, response.status_code, b"Data for all" in response.getvalue()) == \
            (fmt, 200, True)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and warnings[0].startswith("cache: Redis does not answer")


def test_a_cache_without_redis_answers_as_an_empty_cache(settings):
    settings.CACHES = cache_settings(redis_url=f"redis://127.0.0.1:{closed_port()}/3")
    down = caches["default"]
    assert isinstance(down, ResilientRedisCache)
    assert down.get("k", "default") == "default"
    assert down.get_or_set("k", 42) == 42
    assert (down.add("k", 1), down.set("k", 1), down.delete("k")) == (False, None, False)
    assert down.get_many(["a", "b"]) == {} and down.set_many({"a": 1}) == ["a"]
    with pytest.raises(ValueError):
        down.incr("counter")
    down.clear()


@pytest.mark.redis
def test_the_cache_writes_to_the_database_of_redis_url_and_clears_only_its_own_keys(
        settings):
    settings.CACHES = cache_settings(redis_url=TEST_REDIS_URL)
    raw = redis.Redis.from_url(TEST_REDIS_URL)
    raw.flushdb()
    raw.set("celery-queue-entry", "kept")
    caches["default"].set("agenda", "cached")
    assert [k.decode() for k in raw.keys("openigf:*")] == ["openigf:1:agenda"]
    caches["default"].clear()
    assert [k.decode() for k in raw.keys("*")] == ["celery-queue-entry"]
    raw.flushdb()
