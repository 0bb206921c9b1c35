"""The cache: Redis when configured, and a Redis outage is a cache miss, never an error.

Everything the project caches (schedule exports, agenda pages) can be computed again, so when
Redis does not answer, :class:`ResilientRedisCache` logs one warning, answers as an empty cache
would, and does not try Redis again for ``RETRY_AFTER`` seconds (a dead server then costs
nothing per request). :func:`cache_settings` builds ``CACHES`` from the environment.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

log = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
KEY_PREFIX = "openigf"


def cache_settings(*, redis_url: str, cache_url: str = "") -> dict:
    """``CACHES``: ``cache_url`` or else ``redis_url`` as given (its database number too);
    memory in the process when neither is set."""
    location = cache_url or redis_url
    if not location:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    return {"default": {
        "BACKEND": "openigf.core.cache.ResilientRedisCache",
        "LOCATION": location,
        "KEY_PREFIX": KEY_PREFIX,
        # A page waits at most this long for an unreachable Redis, once per RETRY_AFTER.
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
    }}


def _degrading(name: str, fallback):
    """Call RedisCache's ``name``; on an unreachable Redis return ``fallback(*args)``."""
    method = getattr(RedisCache, name)

    def call(self, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return fallback(*args, **kwargs)
        try:
            return method(self, *args, **kwargs)
        except UNREACHABLE as exc:
            self._down_until = time.monotonic() + self.RETRY_AFTER
            log.warning("cache: Redis does not answer (%s: %s); computing without the cache "
                        "for %s s", type(exc).__name__, exc, self.RETRY_AFTER)
            return fallback(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = method.__doc__
    return call


def _missing_key(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found")


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, degrading to "nothing cached" while Redis is unreachable.

    ``clear()`` deletes the project's keys only, so the cache may share a Redis database with
    the Celery broker (``REDIS_URL``) without emptying its queues.
    """

    RETRY_AFTER = 30.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0

    get = _degrading("get", lambda key, default=None, version=None: default)
    add = _degrading("add", lambda *args, **kwargs: False)
    set = _degrading("set", lambda *args, **kwargs: None)
    touch = _degrading("touch", lambda *args, **kwargs: False)
    delete = _degrading("delete", lambda *args, **kwargs: False)
    get_many = _degrading("get_many", lambda *args, **kwargs: {})
    has_key = _degrading("has_key", lambda *args, **kwargs: False)
    incr = _degrading("incr", _missing_key)
    set_many = _degrading("set_many", lambda data, *args, **kwargs: list(data))
    delete_many = _degrading("delete_many", lambda *args, **kwargs: None)

    def clear(self):
        """Delete the keys under this cache's prefix (not the whole Redis database)."""
        if time.monotonic() < self._down_until:
            return
        try:
            client = self._cache.get_client(write=True)
            keys = list(client.scan_iter(match=f"{self.key_prefix}:*", count=1000))
            for start in range(0, len(keys), 1000):
                client.delete(*keys[start:start + 1000])
        except UNREACHABLE as exc:
            self._down_until = time.monotonic() + self.RETRY_AFTER
            log.warning("cache: Redis does not answer (%s); nothing cleared", exc)
