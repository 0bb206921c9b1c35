"""Browser journey of the call: a proposer drafts, invites speakers, fails a rule, fixes it and
submits; a co-organiser edits; a speaker confirms through the link. Pages checked with axe."""

import re

import pytest

from openigf.core.demo import DEMO_PASSWORD
from openigf.outbox.models import OutboxMail
from openigf.proposals.models import Proposal, ProposalPerson
from tests.community.test_browser import sign_in
from tests.core.test_browser import demo, serious_violations  # noqa: F401 (fixture)
from tests.factories import EditionFactory, ForumFactory, PersonFactory, ThemeFactory
from tests.proposals.factories import CallFactory, ProposalFactory, complete, person_row

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def add_person(page, role, name, email, gender, group="Academia", onsite=True):
    form = page.locator("#people form").last
    form.get_by_label("Role").select_option(label=role)
    form.get_by_label("Name").fill(name)
    form.get_by_label("E-mail").fill(email)
    form.get_by_label("Stakeholder group").select_option(label=group)
    form.get_by_label("Gender").select_option(label=gender)
    if not onsite:
        form.get_by_label("Onsite").uncheck()
    count = page.locator("#people tbody tr").count()
    form.get_by_role("button", name="Add").click()
    page.wait_for_function(
        "n => document.querySelectorAll('#people tbody tr').length > n", arg=count)


@pytest.mark.django_db(transaction=True)
def test_proposer_drafts_fails_a_rule_fixes_it_submits_co_organiser_edits_speaker_confirms(
        page):
    edition = EditionFactory(forum=ForumFactory(slug="igf", name="IGF"), year=2019)
    ThemeFactory(edition=edition, name="Data Governance", slug="data")
    CallFactory(edition=edition, kind="workshop", fields=["tags"])
    PersonFactory(email="proposer@example.org", name="Nnenna Adeyemi")
    PersonFactory(email="co@example.org", name="Co Organiser", stakeholder_group="technical")

    sign_in(page, "proposer@example.org")
    page.goto("/igf/2019/proposals/new/workshop/")
    page.get_by_label("Title").fill("Community networks for the unconnected")
    page.get_by_label("Other tags").fill("Community networks")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r".*/proposals/\d+/edit/$"))
    assert serious_violations(page) == []

    add_person(page, "Speaker", "Kwame Mensah", "kwame@example.net", "Man")
    add_person(page, "Speaker", "Rahul Sharma", "rahul@example.net", "Man")
    add_person(page, "Speaker", "Jan Novak", "jan@example.net", "Man")
    add_person(page, "Onsite moderator", "Lea Weber", "lea@example.net", "Woman")
    add_person(page, "Organiser", "Co Organiser", "co@example.org", "Man",
               group="Technical community")
    rules = page.locator("#screening")
    rules.get_by_text("All the speakers whose gender is given").wait_for()

    page.get_by_label("Theme").select_option(label="Data Governance")
    page.get_by_label("Description").fill("How community networks connect rural areas.")
    page.get_by_label("Format").select_option(label="Round table")
    page.get_by_label("Duration").select_option(label="90 minutes")
    page.get_by_role("button", name="Submit").click()
    assert "same gender" in page.locator(".form-errors").inner_text()
    assert page.get_by_label("Description").input_value() == (
        "How community networks connect rural areas.")

    add_person(page, "Speaker", "Amina Diallo", "amina@example.net", "Woman")
    rules.get_by_text("All the speakers whose gender is given").wait_for(state="detached")
    page.get_by_role("button", name="Submit").click()
    page.wait_for_url(re.compile(r".*/proposals/\d+/$"))
    assert "Submitted" in page.locator("main").inner_text()
    proposal = Proposal.objects.get()
    assert proposal.status == "submitted"
    assert list(proposal.tags.values_list("name", flat=True)) == ["Community networks"]
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "co@example.org")
    page.goto(f"/igf/2019/proposals/{proposal.pk}/edit/")
    page.get_by_label("Title").fill("Community networks for the next billion")
    page.get_by_role("button", name="Save and submit again").click()
    page.wait_for_url(re.compile(r".*/proposals/\d+/$"))
    proposal.refresh_from_db()
    assert proposal.title == "Community networks for the next billion"
    page.get_by_role("button", name="Sign out").click()

    mail = OutboxMail.objects.get(to="amina@example.net")
    link = re.search(r"https?://\S+/confirm/\S+/", mail.body).group(0)
    page.goto(link[link.index("/igf/"):])
    assert serious_violations(page) == []
    page.get_by_role("button", name="I confirm I will take part").click()
    page.get_by_text("You have confirmed.").wait_for()
    assert ProposalPerson.objects.get(email="amina@example.net").confirmed


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("demo")
def test_proposals_pages_of_the_demo_have_no_serious_accessibility_violation(page):
    sign_in(page, "secretariat@demo.openigf.org", DEMO_PASSWORD)
    proposal = Proposal.objects.filter(status="screened_in").order_by("pk").first()
    problems = {}
    for url in ["/igf/2019/proposals/", f"/igf/2019/proposals/{proposal.pk}/",
                "/igf/2019/proposals/screening/", "/igf/2019/proposals/similar/",
                "/igf/2019/proposals/calls/", "/igf/2019/proposals/calls/workshop/",
                f"/igf/2019/proposals/{proposal.pk}/screen/"]:
        page.goto(url)
        found = serious_violations(page)
        if found:
            problems[url] = found
    assert problems == {}


@pytest.mark.django_db(transaction=True)
def test_proposer_at_1366_px_sees_every_action_is_refused_a_duplicate_and_removes_one(page):

    edition = EditionFactory(forum=ForumFactory(slug="igf", name="IGF"), year=2019)
    call = CallFactory(edition=edition, kind="workshop")
    proposer = PersonFactory(email="proposer@example.org", name="Nnenna Adeyemi")
    proposal = complete(ProposalFactory(call=call, created_by=proposer, status="screened_in"))
    person_row(proposal, name="A speaker with a very long name indeed",
               email="a.very.long.address.of.someone@an-organisation-with-a-long-name.example")
    twice = person_row(proposal, proposer, role="organiser")  # named twice before the rule
    page.set_viewport_size({"width": 1366, "height": 768})
    sign_in(page, "proposer@example.org")
    page.goto(f"/igf/2019/proposals/{proposal.pk}/")
    assert "You can change this proposal, screened in or not, until the call closes" in \
        page.locator("main").inner_text()
    page.get_by_role("link", name="Edit").click()
    people = page.locator(".people-list")
    assert people.evaluate("e => e.scrollWidth <= e.clientWidth")  # nothing clipped
    viewport = page.viewport_size["width"]
    for button in page.locator("#people td.actions button").all():
        box = button.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= viewport
    add_form = page.locator("#people form").last
    add_form.get_by_label("Role").select_option(label="Speaker")
    add_form.get_by_label("Name").fill("Speaker 0")
    add_form.get_by_label("E-mail").fill(f"speaker0.{proposal.pk}@example.net")
    add_form.get_by_role("button", name="Add").click()
    page.get_by_text("Already named as speaker.").wait_for()
    assert proposal.people.filter(name="Speaker 0").count() == 1
    rows = page.locator("#people tbody tr").count()
    page.get_by_role("button", name=f"Remove {twice.name}").nth(0).click()
    page.wait_for_function(
        "n => document.querySelectorAll('#people tbody tr').length < n", arg=rows)
    assert proposal.people.filter(person=proposer).count() == 1
