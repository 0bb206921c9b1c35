"""Writes and reads about people: sign-up, profile, export and erasure."""

from django.db import transaction
from django.utils import timezone

from openigf.core import privacy
from openigf.core.audit import audit_log, diff
from openigf.people.models import Person

PROFILE_FIELDS = [
    "name", "stakeholder_group", "regional_group", "country", "gender", "gender_description",
    "organisation", "job_title", "biography", "first_time", "parliamentarian", "youth",
    "accessibility_needs", "preferred_language",
]


def person_signup(*, email: str, password: str, name: str, **profile) -> Person:
    """Create an account, or give an account to the person record invited under that e-mail."""
    existing = Person.objects.filter(email__iexact=email).first()
    if existing is not None and existing.has_usable_password():
        raise ValueError("An account with this e-mail address exists already.")
    person = existing or Person(email=email)
    person.name = name or person.name
    for field, value in profile.items():
        setattr(person, field, value)
    person.set_password(password)
    person.full_clean(exclude=["password"])
    person.save()
    audit_log(action="person.signup", obj=person, actor=person)
    return person


def person_update_profile(*, person: Person, actor=None, **values) -> dict:
    """Change profile fields; returns what changed (also written to the audit log)."""
    unknown = set(values) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"Not profile fields: {sorted(unknown)}")
    changed = diff(person, **values)
    if changed:
        person.full_clean(exclude=["password"])
        person.save()
        audit_log(action="person.update", obj=person, actor=actor or person, changes=changed)
    return changed


def _profile_export(person: Person) -> dict:
    data = {field: getattr(person, field) for field in PROFILE_FIELDS if field != "country"}
    data.update(email=person.email, country=person.country.name if person.country_id else None,
                joined=person.date_joined.isoformat(),
                last_login=person.last_login.isoformat() if person.last_login else None)
    data["roles"] = [str(m) for m in person.memberships.select_related("forum", "edition")]
    return data


def person_export(*, person: Person) -> dict:
    """Everything the platform holds about a person, section by section (one per app)."""
    return {"person": _profile_export(person),
            **{name: export(person) for name, export in privacy.exporters().items()}}


@transaction.atomic
def person_erase(*, person: Person, actor=None) -> None:
    """Erase a person: every app removes or anonymises what it holds, then the profile is
    emptied. Stakeholder group, regional group, country and gender stay, without any name,
    so that the published statistics of past editions keep their counts."""
    for erase in privacy.erasers().values():
        erase(person)
    person.memberships.all().delete()
    person.name = f"Erased person {person.pk}"
    person.email = None
    for field in ("gender_description", "organisation", "job_title", "biography",
                  "accessibility_needs"):
        setattr(person, field, "")
    person.set_unusable_password()
    person.is_active = person.is_staff = person.is_superuser = False
    person.erased = timezone.now()
    person.save()
    audit_log(action="person.erase", obj=person, actor=actor)
