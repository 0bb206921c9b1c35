"""Browser journey of the programme: a participant filters the demo agenda, opens a session,
adds it to their schedule and finds it there; the pages pass the accessibility check."""

import pytest

from openigf.core.demo import DEMO_PASSWORD
from tests.community.test_browser import sign_in
from tests.core.test_browser import demo, serious_violations  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.django_db(transaction=True)
def test_participant_filters_the_agenda_and_builds_a_schedule(demo, page):  # noqa: F811
    sign_in(page, "participant@demo.openigf.org", DEMO_PASSWORD)
    page.goto("/igf/2019/agenda/")
    assert serious_violations(page) == []
    total = page.get_by_role("status").inner_text()
    page.get_by_label("Session type").select_option(label="Main session")
    page.get_by_role("button", name="Filter").click()
    assert page.get_by_role("status").inner_text() != total
    first = page.locator(".agenda-item h3 a").first
    title = first.inner_text()
    first.click()
    assert page.locator("h1").inner_text() == title
    assert serious_violations(page) == []
    page.get_by_role("button", name="Add to my schedule").click()
    page.goto("/igf/2019/agenda/mine/")
    assert title in page.locator("main").inner_text()
    assert ".ics" in page.locator("main code").inner_text()


@pytest.mark.django_db(transaction=True)
def test_secretariat_programme_page_is_accessible(demo, page):  # noqa: F811
    sign_in(page, "secretariat@demo.openigf.org", DEMO_PASSWORD)
    page.goto("/igf/2019/programme/manage/")
    assert page.locator("h1").inner_text() == "Programme and schedule"
    assert serious_violations(page) == []
