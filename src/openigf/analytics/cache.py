"""The figures pages compute, kept in the cache under the version of the registrations they
count (``queries.version``) and for five minutes at most, so that a page read again costs a
query, not the whole computation again."""

import hashlib

from django.core.cache import cache
from django.utils.translation import get_language

SECONDS = 300


def cached(name: str, key: tuple, compute):
    """``compute()``, or what it gave for the same ``name``, ``key`` and language."""
    digest = hashlib.sha256(repr((name, get_language(), key)).encode()).hexdigest()[:32]
    full = f"analytics:{name}:{digest}"
    value = cache.get(full)
    if value is None:
        value = compute()
        cache.set(full, value, SECONDS)
    return value
