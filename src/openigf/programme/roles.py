"""Roles people hold in a session, as predicates (used by reporting and transcripts too)."""

import rules
from django.db.models import Q

from openigf.programme.enums import SessionRole


def _roles(person, session) -> set:
    if session is None or not getattr(person, "is_authenticated", False):
        return set()
    cache = getattr(session, "_roles_cache", None)
    if cache is None:
        cache = session._roles_cache = {}
    if person.pk not in cache:
        match = Q(person=person)
        if person.verified_email:
            match |= Q(person__isnull=True, email__iexact=person.verified_email)
        cache[person.pk] = set(session.people.filter(match).values_list("role", flat=True))
    return cache[person.pk]


@rules.predicate
def is_session_organiser(person, session=None):
    return SessionRole.ORGANISER in _roles(person, session)


@rules.predicate
def is_session_rapporteur(person, session=None):
    return SessionRole.RAPPORTEUR in _roles(person, session)
