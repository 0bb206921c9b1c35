"""The audit log: every domain function that changes something calls :func:`audit_log`."""

import contextvars
import datetime
import decimal
import json
import re
from contextlib import contextmanager

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Cast

from openigf.core.models import AuditEntry

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
    Forum = apps.get_model("forums", "Forum")  # core imports no domain app
    Edition = apps.get_model("forums", "Edition")

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


# --- Personal data (registered with core.privacy in CoreConfig.ready) ----------------------

ERASED = "—"


def identifying_texts(person) -> list[str]:
    """What identifies a person wherever it was copied: name, address, and the free texts of
    their profile (biography, accessibility needs). Short or common values (an organisation,
    a job title) are left out: they would match other people's words."""
    values = (person.name, person.email, person.biography, person.accessibility_needs)
    return [v for v in dict.fromkeys(v.strip() for v in values if v) if len(v) >= 3]


def scrub(value, texts):
    """``value`` (any JSON) with every occurrence of ``texts`` replaced, keys included."""
    if isinstance(value, dict):
        return {scrub(k, texts): scrub(v, texts) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub(v, texts) for v in value]
    if isinstance(value, str):
        for text in texts:
            value = re.sub(re.escape(text), ERASED, value, flags=re.IGNORECASE)
        return value
    return value


def mentioning(queryset, texts, *fields):
    """Rows of ``queryset`` where one of ``fields`` (text or JSON) contains one of ``texts``
    (JSON is searched as stored: with and without escaped non-ASCII characters)."""
    annotations = {f"_{f}_text": Cast(f, output_field=models.TextField()) for f in fields}
    match = models.Q()
    for text in texts:
        for needle in {text, json.dumps(text)[1:-1]}:
            for name in annotations:
                match |= models.Q(**{f"{name}__icontains": needle})
    return queryset.annotate(**annotations).filter(match) if texts else queryset.none()


def _blank(value):
    """Keep the shape of a change (which fields changed), drop what they held."""
    if isinstance(value, dict):
        return {k: _blank(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_blank(v) for v in value]
    return ERASED if isinstance(value, str) and value else value


def _about(person):
    return AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(person),
                                     object_id=str(person.pk))


def audit_export(person) -> dict:
    """Entries about the person and entries of what they did."""
    def rows(entries):
        return [{"when": e.created.isoformat(), "action": e.action, "object": e.object_repr,
                 "changes": e.changes} for e in entries.order_by("created", "id")]

    return {"about_you": rows(_about(person)),
            "by_you": rows(AuditEntry.objects.filter(actor=person).exclude(
                pk__in=_about(person).values("pk")))}


def audit_erase(person) -> None:
    """Entries about the person keep which fields changed, not their values; in every other
    entry the person's name, address and profile texts are replaced."""
    for entry in _about(person):
        entry.changes, entry.object_repr = _blank(entry.changes), f"#{person.pk}"
        entry.save(update_fields=["changes", "object_repr"])
    texts = identifying_texts(person)
    for entry in mentioning(AuditEntry.objects.all(), texts, "changes", "object_repr"):
        entry.changes = scrub(entry.changes, texts)
        entry.object_repr = scrub(entry.object_repr, texts)
        entry.save(update_fields=["changes", "object_repr"])
