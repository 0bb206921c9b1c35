"""An edition with its call for issues open, and inputs to it."""

import datetime

from django.utils import timezone

from openigf.consultation import domain
from openigf.consultation.models import Input, InputStatus
from tests.factories import EditionFactory, country


def open_edition(**kwargs):
    now = timezone.now()
    return EditionFactory(call_for_issues_opens=now - datetime.timedelta(days=1),
                          call_for_issues_closes=now + datetime.timedelta(days=30), **kwargs)


def add_input(edition, text, *, group="civil_society", iso2="KE", language="en",
              name="Amina Diallo", email="amina@example.org", organisation="Net Rights",
              status=InputStatus.PUBLISHED, category=None) -> Input:
    """An input as the form would leave it once confirmed (no mail, no throttle)."""
    place = country(iso2)
    return Input.objects.create(
        edition=edition, text=text, stakeholder_group=group, country=place,
        regional_group=place.regional_group, language=language, name=name, email=email,
        organisation=organisation, status=status, category=category,
        fingerprint=domain.fingerprint(text),
        confirmed_at=timezone.now() if status == InputStatus.PUBLISHED else None)
