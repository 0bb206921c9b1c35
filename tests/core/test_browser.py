"""Browser checks of the layout: accessibility (axe-core) and keyboard use."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from openigf.core.demo import DEMO_PASSWORD

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe.min.js"
pytestmark = [pytest.mark.browser, pytest.mark.slow]


def serious_violations(page) -> list:
    """axe-core's serious and critical WCAG 2.1 A/AA violations of the page."""
    # Evaluated through the DevTools protocol: the page's Content-Security-Policy forbids
    # inline scripts, so axe cannot be added as a <script> element.
    page.evaluate(AXE.read_text() + "\n;true")
    violations = page.evaluate(
        "async () => (await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})).violations")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations
            if v["impact"] in ("serious", "critical")]


def signed_in_phone(browser, live_server, email: str, path: str, size: tuple[int, int]):
    """A new browser context of the given phone size, signed in as ``email`` on ``path``."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]},
                                  base_url=live_server.url)
    phone = context.new_page()
    phone.goto(f"/accounts/login/?next={path}")
    phone.get_by_label("E-mail address").fill(email)
    phone.get_by_label("Password").fill(DEMO_PASSWORD)
    phone.get_by_role("button", name="Sign in").click()
    phone.wait_for_url(f"**{path}")
    return context, phone


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", stdout=io.StringIO())


@pytest.mark.django_db(transaction=True)
def test_demo_edition_home_has_no_serious_accessibility_violation(demo, page):
    page.goto("/igf/2019/")
    assert page.locator("h1").inner_text() == "IGF 2019 Berlin"
    assert serious_violations(page) == []


@pytest.mark.django_db(transaction=True)
def test_arabic_layout_is_right_to_left_and_accessible(demo, page, live_server):
    page.context.add_cookies([{"name": "django_language", "value": "ar",
                               "url": live_server.url}])
    page.goto("/igf/2019/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert serious_violations(page) == []


@pytest.mark.django_db(transaction=True)
def test_skip_link_is_first_and_moves_focus_to_main(demo, page):
    page.goto("/igf/2019/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.django_db(transaction=True)
def test_sign_in_and_reach_the_secretariat_dashboard_on_a_phone(demo, browser, live_server):
    context, phone = signed_in_phone(browser, live_server, "secretariat@demo.openigf.org",
                                     "/igf/2019/manage/", (375, 740))
    assert "Manage IGF 2019 Berlin" in phone.locator("h1").inner_text()
    scroll_width = phone.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 375, "the page scrolls sideways on a phone"
    assert serious_violations(phone) == []
    context.close()


@pytest.mark.django_db(transaction=True)
def test_header_folds_behind_a_menu_button_on_a_phone(demo, browser, live_server):
    context, phone = signed_in_phone(browser, live_server, "participant@demo.openigf.org",
                                     "/igf/2019/", (390, 844))
    header = phone.locator(".site-header")
    menu = phone.get_by_role("button", name="Menu")
    sign_out = phone.get_by_role("button", name="Sign out")
    assert menu.get_attribute("aria-expanded") == "false"
    assert header.bounding_box()["height"] < 120
    assert not sign_out.is_visible()
    for _press in range(6):
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.classList.contains('menu-toggle')"):
            break
    phone.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    assert sign_out.is_visible()
    sections = phone.locator("#site-sections a")
    assert sections.count() > 1 and sections.first.is_visible()
    assert serious_violations(phone) == []
    phone.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false" and not sign_out.is_visible()
    assert phone.evaluate("document.activeElement.classList.contains('menu-toggle')")
    assert serious_violations(phone) == []
    phone.set_viewport_size({"width": 1280, "height": 800})
    assert not menu.is_visible() and sign_out.is_visible() and sections.first.is_visible()
    context.close()
