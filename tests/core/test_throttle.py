"""Counting attempts in the cache: memory (the default) and Redis behave the same."""

import pytest
from django.core.cache import caches
from django.test import RequestFactory, override_settings

from conftest import TEST_REDIS_URL
from openigf.core import throttle
from openigf.core.throttle import Limit, client_address

LIMIT = Limit("test.scope", count=3, seconds=60)


def _counts(limit=LIMIT, who="Ada@Example.org"):
    counted = [throttle.hit(limit, who) for _ in range(5)]
    return counted, throttle.exceeded(limit, who.lower()), throttle.exceeded(limit, "other")


def test_throttle_counts_per_key_in_memory():
    assert _counts() == ([1, 2, 3, 4, 5], True, False)
    throttle.reset(LIMIT, "ada@example.org")
    assert not throttle.exceeded(LIMIT, "ada@example.org")


@pytest.mark.redis
def test_throttle_counts_per_key_in_redis():
    redis = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                         "LOCATION": TEST_REDIS_URL, "KEY_PREFIX": "openigf-test-throttle"}}
    with override_settings(CACHES=redis):
        cache = caches["default"]
        key = throttle._key(LIMIT, "ada@example.org")
        cache.delete(key)
        try:
            assert _counts() == ([1, 2, 3, 4, 5], True, False)
            assert 0 < cache._cache.get_client(key).ttl(cache.make_key(key)) <= 60
        finally:
            cache.delete(key)


def test_throttle_lets_everything_through_when_the_cache_is_down():
    down = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                        "LOCATION": "redis://127.0.0.1:1/0"}}
    with override_settings(CACHES=down):
        assert (throttle.hit(LIMIT, "a"), throttle.exceeded(LIMIT, "a")) == (0, False)


def test_client_address_behind_the_proxy_is_the_last_forwarded(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1",
                                   HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    assert client_address(request) == "10.0.0.1"
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client_address(request) == "203.0.113.7"
