"""Browser journey of the Secretariat's schedule: a session moved to a time typed in the
edition's zone is published, and the public agenda and the iCal show the typed time; a
publish with a clash names it and asks first."""

import datetime

import pytest

from openigf.programme import domain
from openigf.programme.models import Release
from tests.community.test_browser import sign_in
from tests.core.test_browser import serious_violations
from tests.factories import EditionFactory, ForumFactory, secretariat_of
from tests.programme.factories import RoomFactory, SessionFactory, windows

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.django_db(transaction=True)
def test_secretariat_moves_a_session_publishes_and_the_public_sees_the_typed_time(page):
    edition = EditionFactory(forum=ForumFactory(slug="igf", name="Internet Governance Forum"),
                             year=2019)  # Europe/Berlin: 10:00 is 09:00 UTC in November
    windows(edition, days=1, start="09:00", end="18:00")
    room = RoomFactory(edition=edition, name="Raum I")
    ten = datetime.datetime(2019, 11, 26, 9, 0, tzinfo=datetime.UTC)
    privacy = SessionFactory(edition=edition, title="Privacy by design", room=room,
                             starts_at=ten)
    access = SessionFactory(edition=edition, title="Access for all", room=room,
                            starts_at=ten + datetime.timedelta(hours=2))
    domain.release_publish(edition=edition)
    secretariat = secretariat_of(edition.forum, email="secretariat@journey.test")
    sign_in(page, secretariat.email)

    page.goto(f"/igf/2019/programme/manage/sessions/{privacy.pk}/")
    starts = page.get_by_label("Starts", exact=False)
    assert starts.input_value() == "2019-11-26T10:00"
    starts.fill("2019-11-26T14:30")
    page.get_by_role("button", name="Move").click()
    assert "Moved; no constraint is broken." in page.locator("main").inner_text()
    assert page.get_by_label("Starts", exact=False).input_value() == "2019-11-26T14:30"

    page.goto("/igf/2019/programme/manage/publish/")
    assert "Privacy by design" in page.locator("#changes ~ table, main").first.inner_text()
    assert serious_violations(page) == []
    page.get_by_role("button", name="Publish version 2").click()
    assert "Version 2 is published." in page.locator("main").inner_text()

    page.goto("/igf/2019/agenda/")
    item = page.locator(".agenda-item", has_text="Privacy by design")
    assert "14:30" in item.inner_text()
    ics = page.request.get("/igf/2019/schedule.ics").text()
    assert "DTSTART;TZID=Europe/Berlin:20191126T143000" in ics

    # A clash: the other session into the same room at the same time.
    page.goto(f"/igf/2019/programme/manage/sessions/{access.pk}/")
    page.get_by_label("Starts", exact=False).fill("2019-11-26T14:30")
    page.get_by_role("button", name="Move").click()
    page.goto("/igf/2019/programme/manage/publish/")
    alert = page.get_by_role("alert").first.inner_text()
    assert ("“Access for all” and “Privacy by design” overlap in Raum I on "
            "Tue 26 Nov 2019, 14:30 CET.") in alert
    page.get_by_role("button", name="Publish version 3").click()
    assert "Tick this to publish with the broken constraints" in page.locator(
        "main").inner_text()
    assert Release.objects.filter(edition=edition).count() == 2
    page.get_by_label("Publish although the constraint listed above is broken").check()
    page.get_by_role("button", name="Publish version 3").click()
    assert "Version 3 is published." in page.locator("main").inner_text()
    assert Release.objects.filter(edition=edition).count() == 3
