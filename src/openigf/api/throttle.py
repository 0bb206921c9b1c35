"""Rate limits of the API: requests per minute per address (before any token is looked at, so
that guessing tokens is slow too) and per token. Counters live in the cache (Redis in
production), one fixed window a minute; when the cache is down the API is not limited rather
than unavailable."""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from ninja.errors import Throttled

logger = logging.getLogger("openigf.api")
WINDOW = 60  # seconds


def _count(key: str, now: float) -> tuple[int, int]:
    """Requests counted in the current window for ``key`` (this one included) and the
    seconds left in the window."""
    window = int(now // WINDOW)
    name = f"api-rate:{key}:{window}"
    try:
        if cache.add(name, 1, WINDOW + 1):
            count = 1
        else:
            count = cache.incr(name)
    except ValueError:  # the counter expired between add and incr
        cache.set(name, 1, WINDOW + 1)
        count = 1
    except Exception as exc:  # a cache outage must not take the API down
        logger.warning("API rate limit not applied (cache unavailable): %s", exc)
        return 0, 0
    return count, max(1, int((window + 1) * WINDOW - now + 0.999))


def check(kind: str, ident: str) -> None:
    """Raise ``Throttled`` (429 with Retry-After) when ``ident`` went over the limit of
    ``kind`` (``address`` or ``token``) in this minute."""
    limit = settings.API_RATE_LIMITS[kind]
    count, left = _count(f"{kind}:{ident}", time.time())
    if count > limit:
        raise Throttled(wait=left)


def address_of(request) -> str:
    return request.META.get("REMOTE_ADDR") or "unknown"
