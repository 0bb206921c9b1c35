"""Links that are credentials, made when the mail is delivered (see ``outbox.register_link``):
built from ``SITE_URL``, never from the request's host, and never stored."""

from django.conf import settings

from openigf.people.models import Person
from openigf.people.tokens import confirm_path, reset_path


def _person(message) -> Person | None:
    return Person.objects.filter(email__iexact=message.to, is_active=True).first()


def confirm_address_link(message) -> str | None:
    person = _person(message)
    return settings.SITE_URL + confirm_path(person) if person else None


def password_reset_link(message) -> str | None:
    person = _person(message)
    if person is None or not person.has_usable_password():
        return None
    return settings.SITE_URL + reset_path(person)
