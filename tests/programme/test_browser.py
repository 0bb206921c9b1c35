"""Browser journey of the programme: a participant filters the demo agenda, opens a session,
adds it to their schedule and finds it there; the pages pass the accessibility check."""

import pytest

from openigf.core.demo import DEMO_PASSWORD
from tests.community.test_browser import sign_in
from tests.core.test_browser import demo, serious_violations  # noqa: F401 (fixture)
from tests.factories import EditionFactory, ForumFactory
from tests.programme.test_views import programme

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.django_db(transaction=True)
def test_participant_filters_the_agenda_and_builds_a_schedule(demo, page):  # noqa: F811
    sign_in(page, "participant@demo.openigf.org", DEMO_PASSWORD)
    page.goto("/igf/2019/agenda/")
    assert serious_violations(page) == []
    total = page.get_by_role("status").inner_text()
    page.locator("summary", has_text="Filter the agenda").click()  # folded on every screen
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


@pytest.fixture
def small_programme(transactional_db):
    edition = EditionFactory(forum=ForumFactory(slug="igf"), year=2019)
    programme(edition, n=8)
    return edition


@pytest.mark.django_db(transaction=True)
def test_phone_participant_uses_the_grid_by_keyboard_and_stars_without_an_account(
        small_programme, browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB",
                                  base_url=live_server.url, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        page.goto("/igf/2019/agenda/")
        assert page.locator("ol.agenda").count() >= 1  # the list by default
        assert page.locator("table.grid").count() == 0
        page.get_by_role("link", name="Rooms by time").click()
        assert page.locator("table.grid th[scope=col]").first.inner_text() == "Time"
        assert serious_violations(page) == []
        tabs = page.locator(".day-tabs a")
        tabs.nth(tabs.count() - 1).click()
        assert tabs.nth(tabs.count() - 1).get_attribute("aria-current") == "page"
        # keyboard: the grid's region takes focus, the next Tab lands on a session
        page.locator(".grid-wrap").focus()
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.closest('td.slot') !== null")
        assert focused
        title = page.evaluate("document.activeElement.textContent")
        page.keyboard.press("Enter")
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == title
        page.goto("/igf/2019/now/")
        assert page.locator("h1").inner_text() == "Now and next"
        # two stars, kept in this browser
        page.goto("/igf/2019/agenda/")
        stars = page.locator("ol.agenda button.star")
        assert page.locator("[data-star-hint]").is_visible()
        stars.nth(0).click()
        stars.nth(2).click()
        assert stars.nth(0).get_attribute("aria-pressed") == "true"
        page.goto("/igf/2019/agenda/mine/")
        assert page.get_by_role("status").inner_text() == "2 sessions in your schedule."
        assert page.locator("[data-browser-list] li.agenda-item:visible").count() == 2
        href = page.get_by_role("link", name="iCalendar").get_attribute("href")
        ics = page.request.get(href).body()
        assert ics.count(b"BEGIN:VEVENT") == 2
    finally:
        context.close()
