"""Counting attempts in the cache (Redis in production, memory otherwise) to slow down
guessing and flooding: sign-in, password reset, sign-up.

A limit allows ``count`` hits per ``seconds``; the window starts at the first hit and is not
moved by later ones, so a lock-out ends ``seconds`` after the first counted attempt. When
the cache is unreachable nothing is counted (the pages keep working).
"""

import hashlib
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limit:
    scope: str
    count: int
    seconds: int

    @property
    def minutes(self) -> int:
        return max(1, round(self.seconds / 60))


def _key(limit: Limit, who: str) -> str:
    digest = hashlib.sha256(who.strip().lower().encode()).hexdigest()[:32]
    return f"throttle:{limit.scope}:{digest}"


def hit(limit: Limit, who: str) -> int:
    """Count one attempt; returns how many were counted in the window (0 if unknown)."""
    key = _key(limit, who)
    try:
        cache.add(key, 0, timeout=limit.seconds)
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=limit.seconds)
        return 1
    except Exception:
        log.warning("throttle: the cache is unreachable; %s not counted", limit.scope,
                    exc_info=True)
        return 0


def exceeded(limit: Limit, who: str) -> bool:
    try:
        return (cache.get(_key(limit, who)) or 0) >= limit.count
    except Exception:
        log.warning("throttle: the cache is unreachable; %s not checked", limit.scope,
                    exc_info=True)
        return False


def reset(limit: Limit, who: str) -> None:
    try:
        cache.delete(_key(limit, who))
    except Exception:
        log.warning("throttle: the cache is unreachable", exc_info=True)


def client_address(request: HttpRequest | None) -> str:
    """The visitor's IP address: behind the proxy (``BEHIND_PROXY``), the last address the
    proxy added to ``X-Forwarded-For``; otherwise the connection's."""
    if request is None:
        return ""
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
