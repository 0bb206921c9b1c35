"""The audit log: every domain function that changes something calls :func:`audit_log`."""

import contextvars
import datetime
import decimal
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db import models

_actor = contextvars.ContextVar("openigf_actor", default=None)


@contextmanager
def acting_as(person):
    """Attribute the audit entries written inside the block to ``person`` (tasks, commands)."""
    token = _actor.set(person)
    try:
        yield
    finally:
        _actor.reset(token)


def actor_set(person) -> None:
    """Make ``person`` the actor for the rest of the request (an API call acting through a
    token); ``ActorMiddleware`` restores the previous actor when the request ends."""
    _actor.set(person)


def current_actor():
    actor = _actor.get()
    if actor is not None and not getattr(actor, "is_authenticated", False):
        return None
    return actor


def _plain(value):
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _tenancy_of(obj):
    from openigf.forums.models import Edition, Forum

    if isinstance(obj, Forum):
        return obj, None
    if isinstance(obj, Edition):
        return obj.forum_id and obj.forum, obj
    edition = getattr(obj, "edition", None) if obj is not None else None
    if edition is not None:
        return edition.forum, edition
    return getattr(obj, "forum", None), None


def audit_log(*, action: str, obj=None, actor=None, changes: dict | None = None,
              forum=None, edition=None):
    """Record that ``actor`` (default: whoever is acting now) did ``action`` to ``obj``.

    ``action`` reads ``<entity>.<verb>`` (``proposal.submit``). ``changes`` maps a field to
    ``[old, new]`` or holds any detail worth keeping. Forum and edition default to the
    object's own.
    """
    from openigf.core.models import AuditEntry

    if forum is None and edition is None:
        forum, edition = _tenancy_of(obj)
    elif edition is not None and forum is None:
        forum = edition.forum
    return AuditEntry.objects.create(
        actor=actor if actor is not None else current_actor(),
        forum=forum,
        edition=edition,
        action=action,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:300] if obj is not None else "",
        changes=_plain(changes or {}),
    )


def diff(instance, **new_values) -> dict:
    """Apply ``new_values`` to ``instance`` and return ``{field: [old, new]}`` for what changed."""
    changed = {}
    for field, value in new_values.items():
        old = getattr(instance, field)
        if old != value:
            changed[field] = [old, value]
            setattr(instance, field, value)
    return changed
