"""Figures analytics gives other pages: the Chair's Summary and the edition's home."""

import datetime

import pytest
from django.urls import reverse

from openigf.outcomes.domain import facts, summary_context, summary_publish
from tests.analytics.fixture import small_world

pytestmark = pytest.mark.django_db


def test_chairs_summary_counts_participants_from_registrations_and_checkins():
    edition = small_world()
    f = facts(edition)
    assert (f["registered"], f["participants_onsite"], f["participants_online"],
            f["checked_in"]) == (3, 2, 1, 2)
    summary_publish(edition=edition, introduction="Thanks to all.")
    assert summary_context(edition)["figures"].startswith(
        "3 participants registered, 2 onsite and 1 online; 2 checked in at the venue.")


def test_chairs_summary_without_registrations_keeps_the_reported_figures():
    edition = small_world()
    edition.registrations.all().delete()
    f = facts(edition)
    assert (f["registered"], f["participants_onsite"]) == (None, 0)


def test_edition_home_shows_headline_figures_after_the_meeting(client):
    edition = small_world()
    home = reverse("forums:edition", kwargs=edition.url_kwargs)
    page = client.get(home).content.decode()
    assert "The meeting in figures" in page and "Checked in at the venue" in page
    edition.end_date = datetime.date.today() + datetime.timedelta(days=30)
    edition.save()
    assert "The meeting in figures" not in client.get(home).content.decode()
