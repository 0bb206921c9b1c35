"""Browser journey of the archive: a visitor searches a phrase, opens the hit and lands on the
turn; the pages pass the accessibility check."""

import pytest

from tests.core.test_browser import demo, serious_violations  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.django_db(transaction=True)
def test_visitor_searches_a_phrase_and_lands_on_the_turn(demo, page):  # noqa: F811
    page.goto("/search/")
    page.get_by_label('Words or "a phrase"').fill('"digital cooperation"')
    page.get_by_role("button", name="Search").click()
    assert "found" in page.get_by_role("status").inner_text()
    assert serious_violations(page) == []
    hit = page.locator(".results h2 a").first
    href = hit.get_attribute("href")
    anchor = href.split("#")[1]
    hit.click()
    page.wait_for_load_state()
    assert page.url.endswith("#" + anchor)
    turn = page.locator(f"#{anchor}")
    assert "digital cooperation" in turn.inner_text().lower()
    assert turn.is_visible()
    assert serious_violations(page) == []
