"""Browser journey of the archive: a visitor searches a phrase from the header of any page,
narrows to a forum, opens the hit and lands on the turn, highlighted; the pages pass the
accessibility check."""

import pytest

from tests.core.test_browser import demo, serious_violations  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.django_db(transaction=True)
def test_visitor_searches_a_phrase_and_lands_on_the_turn(demo, page):  # noqa: F811
    page.goto("/igf/2019/")
    header = page.get_by_role("search", name="Transcripts archive")
    header.get_by_role("searchbox").fill('"digital cooperation"')
    header.get_by_role("button", name="Search").click()
    page.wait_for_load_state()
    assert "found" in page.get_by_role("status").inner_text()
    main = page.locator("#main")
    main.get_by_label("Forum").select_option(label="Internet Governance Forum")
    main.get_by_role("button", name="Search").click()
    page.wait_for_load_state()
    assert "found" in page.get_by_role("status").inner_text()
    assert serious_violations(page) == []
    hit = page.locator(".results h2 a").first
    anchor = hit.get_attribute("href").split("#")[1]
    hit.click()
    page.wait_for_load_state()
    assert page.url.endswith("#" + anchor)
    turn = page.locator(f"#{anchor}")
    assert "digital cooperation" in turn.inner_text().lower()
    assert turn.is_visible() and "landed" in turn.get_attribute("class")
    assert turn.locator("mark").first.inner_text().lower() == "digital"
    assert serious_violations(page) == []
