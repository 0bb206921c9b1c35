"""Browser journeys of the community registry, with axe-core checks of the main pages."""

import re

import pytest

from openigf.community.enums import NriStatus
from openigf.community.models import Initiative
from openigf.core.demo import DEMO_PASSWORD
from tests.core.test_browser import demo, serious_violations  # noqa: F401 (fixture)
from tests.factories import PASSWORD, ForumFactory, PersonFactory, secretariat_of

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def sign_in(page, email, password=PASSWORD):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


@pytest.mark.django_db(transaction=True)
def test_focal_point_requests_secretariat_approves_directory_counts_it(page):
    igf = ForumFactory(slug="igf", name="Internet Governance Forum")
    secretariat_of(igf, email="sec@example.org")
    PersonFactory(email="focal@example.org", name="Fatou Sow")

    sign_in(page, "focal@example.org")
    page.goto("/igf/community/nris/")
    assert page.locator("#nri-kind-title").inner_text() == "Initiatives by type"
    page.get_by_role("link", name="Request the recognition of an initiative").click()
    page.get_by_label(re.compile(r"^Name:?$")).fill("Senegal IGF")
    page.get_by_label(re.compile(r"^Type:?$")).select_option(label="National")
    page.get_by_label(re.compile(r"^Country:?$")).select_option(label="Senegal")
    for principle in ("Open", "Transparent", "Inclusive", "Bottom-up", "Multistakeholder",
                      "Non-commercial"):
        page.get_by_label(principle, exact=True).check()
    page.get_by_label("First meeting").fill("Dakar, 12 June 2019, 140 participants.")
    for i, (name, group) in enumerate([("Awa Diop", "Government"),
                                       ("Moussa Fall", "Civil society"),
                                       ("Khady Ndiaye", "Private sector")], start=1):
        page.get_by_label(f"Name {i}", exact=True).fill(name)
        page.get_by_label(f"Stakeholder group {i}").select_option(label=group)
    assert serious_violations(page) == []
    page.get_by_role("button", name="Send the request").click()
    page.wait_for_url("**/igf/community/nris/senegal-igf/")
    assert "Recognition requested" in page.locator("main").inner_text()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "sec@example.org")
    page.goto("/igf/community/manage/")
    page.get_by_role("link", name="Senegal IGF").click()
    assert serious_violations(page) == []
    assert page.locator("table").first.inner_text().count("yes") == 3
    page.get_by_label("Recognise the initiative").check()
    page.get_by_role("button", name="Record the decision").click()
    page.wait_for_url("**/igf/community/manage/nris/")

    page.goto("/igf/community/nris/")
    assert page.get_by_role("link", name="Senegal IGF").first.is_visible()
    counts = page.locator("figure.breakdown").first.locator("tbody tr")
    assert counts.nth(0).inner_text().split() == ["National", "1", "100.0%"]
    assert serious_violations(page) == []
    assert Initiative.objects.get(slug="senegal-igf").status == NriStatus.RECOGNISED


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("demo")
def test_community_pages_of_the_demo_have_no_serious_accessibility_violation(page):
    sign_in(page, "secretariat@demo.openigf.org", DEMO_PASSWORD)
    problems = {}
    for url in ["/igf/community/", "/igf/community/coalitions/",
                "/igf/community/coalitions/dc-gender/", "/igf/2019/community/coalitions/",
                "/igf/2019/community/bpfs/", "/igf/2019/community/bpfs/cybersecurity/",
                "/igf/2019/community/mag/", "/igf/2019/community/mag/working-groups/",
                "/igf/2019/community/manage/mag/", "/igf/2019/community/manage/mag/rotation/",
                "/igf/community/improvements/", "/igf/community/donors/",
                "/igf/community/manage/nris/"]:
        page.goto(url)
        found = serious_violations(page)
        if found:
            problems[url] = found
    assert problems == {}


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("demo")
def test_rotation_plan_is_checked_live_as_members_are_marked(page):
    sign_in(page, "secretariat@demo.openigf.org", DEMO_PASSWORD)
    page.goto("/igf/2019/community/manage/mag/rotation/")
    before = page.locator("#plan-check p").first.inner_text()
    page.locator("input[type=radio][value=leave]:not(:checked)").first.check()
    page.wait_for_function("t => document.querySelector('#plan-check p').innerText !== t",
                           arg=before)
    assert "19 members rotate out" in page.locator("#plan-check p").first.inner_text()
