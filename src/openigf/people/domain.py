"""Writes and reads about people: sign-up, profile, export and erasure."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openigf.core import privacy
from openigf.core.audit import audit_log, diff
from openigf.core.errors import ApplicationError
from openigf.people.models import Person
from openigf.people.signals import address_claimed, mail_requested

PROFILE_FIELDS = [
    "name", "stakeholder_group", "regional_group", "country", "gender", "gender_description",
    "organisation", "job_title", "biography", "first_time", "parliamentarian", "youth",
    "accessibility_needs", "preferred_language",
]


def _mail_address_link(*, person: Person, template: str, kind: str, next_url: str = ""):
    """Mail the link that proves the address (made when the mail is delivered, never
    stored), in the person's language."""
    mail_requested.send(sender=Person, to=person.email, template=template,
                        language=person.preferred_language, kind=kind,
                        context={"person": person, "next": next_url},
                        link="people.confirm_address")


def person_signup(*, email: str, password: str, name: str, next_url: str = "",
                  **profile) -> Person:
    """Create an account for an address the platform does not know yet. It can be used at
    once, but its address is unconfirmed: nothing others gave to that address (roles,
    proposals, sessions) is the account's until its holder follows the mailed link.

    Side effects: save; audit log ``person.signup``; mail ``person.confirm_address``.
    Refused when a person with this address exists (``person_claim_request`` mails them)."""
    if Person.objects.filter(email__iexact=email).exists():
        raise ApplicationError(_("A person with this e-mail address exists already."),
                               fields={"email": _("This address is taken.")})
    person = Person(email=email, name=name)
    for field, value in profile.items():
        setattr(person, field, value)
    person.set_password(password)
    person.full_clean(exclude=["password"])
    person.save()
    audit_log(action="person.signup", obj=person, actor=person)
    _mail_address_link(person=person, template="people/mail/confirm_address",
                       kind="person.confirm_address", next_url=next_url)
    return person


def person_claim_request(*, person: Person, next_url: str = "") -> None:
    """Someone signed up with the address of a record the platform knows already (a speaker,
    a MAG member named by the Secretariat...). Nothing of the record is given to them: a link
    goes to the address, and whoever follows it may take the record.

    Side effects: audit log ``person.claim_request``; mail ``person.claim``."""
    audit_log(action="person.claim_request", obj=person, actor=None)
    _mail_address_link(person=person, template="people/mail/claim", kind="person.claim",
                       next_url=next_url)


def person_confirm_resend(*, person: Person, next_url: str = "") -> None:
    """Send the link to confirm the address again. Side effects: mail."""
    _mail_address_link(person=person, template="people/mail/confirm_address",
                       kind="person.confirm_address", next_url=next_url)


def person_verify(*, person: Person) -> Person:
    """The account's holder, signed in, followed the mailed link: the address is theirs, and
    so is what others gave to it.

    Side effects: ``email_verified``; audit log ``person.verify``."""
    if person.email_verified is None:
        person.email_verified = timezone.now()
        person.save(update_fields=["email_verified"])
        audit_log(action="person.verify", obj=person, actor=person)
    return person


@transaction.atomic
def person_claim(*, person: Person, password: str, action: str = "person.claim") -> Person:
    """Whoever followed a link mailed to the address (to take a known record, to confirm the
    address, or to reset the password) takes the record or account: they choose its
    password, and the address counts as confirmed. Every earlier session of the person ends
    (the password changed); when the address was unconfirmed until now, its API tokens are
    revoked too (signal ``address_claimed``), since someone else may have made them.

    Side effects: ``password``, ``email_verified``; audit log ``action``; signal."""
    was_unconfirmed = person.email_verified is None
    person.set_password(password)
    person.email_verified = person.email_verified or timezone.now()
    person.save(update_fields=["password", "email_verified"])
    audit_log(action=action, obj=person, actor=person)
    if was_unconfirmed:
        address_claimed.send(sender=Person, person=person)
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
                email_confirmed=person.email_verified.isoformat() if person.email_verified
                else None,
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
