"""Predicates about forum and edition roles, shared by every app's ``rules.py``.

Each takes ``(person, obj)`` where ``obj`` is a forum, an edition, or anything that has an
``edition_id`` or ``forum_id`` attribute (a proposal, a session, a report...).
"""

import rules

from openigf.forums.models import Edition, Forum
from openigf.forums.roles import roles_of


def forum_id_of(obj):
    if obj is None:
        return None
    if isinstance(obj, Forum):
        return obj.pk
    return getattr(obj, "forum_id", None)


def edition_id_of(obj):
    if obj is None:
        return None
    if isinstance(obj, Edition):
        return obj.pk
    return getattr(obj, "edition_id", None)


@rules.predicate
def is_secretariat(person, obj=None):
    if getattr(person, "is_superuser", False):
        return True
    roles = roles_of(person)
    edition_id = edition_id_of(obj)
    if edition_id is not None:
        return edition_id in roles.secretariat_editions
    return forum_id_of(obj) in roles.secretariat_forums


@rules.predicate
def is_secretariat_anywhere(person):
    return getattr(person, "is_superuser", False) or bool(roles_of(person).secretariat_forums)


@rules.predicate
def is_mag_member(person, obj=None):
    return edition_id_of(obj) in roles_of(person).mag_editions


@rules.predicate
def is_published(person, obj=None):
    if isinstance(obj, Edition):
        return obj.published
    edition = getattr(obj, "edition", None)
    return True if edition is None else edition.published


is_signed_in = rules.is_authenticated
is_platform_admin = rules.is_superuser
