"""The Content-Security-Policy: scripts and style sheets only from this site's files, and no
template carries an inline script or event handler."""

import re
from pathlib import Path

import pytest

import openigf
from tests.community.test_browser import sign_in
from tests.factories import EditionFactory, ForumFactory, secretariat_of
from tests.proposals.factories import ProposalFactory

TEMPLATES = Path(openigf.__file__).parent
PRINT_ONLY = {"registration/badges.html", "community/mag/certificate.html",
              "outcomes/summary_print.html"}  # rendered to PDF by WeasyPrint, never served


@pytest.mark.django_db
def test_every_page_sends_a_policy_without_inline_script(client):
    policy = client.get("/accounts/login/")["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert (directives["object-src"], directives["frame-ancestors"]) == ("'none'", "'none'")
    assert "unsafe-inline" not in directives["script-src"] + directives["style-src"]
    assert "unsafe-eval" not in policy


def test_no_template_has_an_inline_script_or_event_handler():
    offenders = []
    for path in TEMPLATES.glob("*/templates/**/*.html"):
        name = str(path).split("/templates/", 1)[1]
        text = path.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text):
            offenders.append(f"{name}: inline <script>")
        if re.search(r"\son[a-z]+\s*=", text):
            offenders.append(f"{name}: on… handler")
        if name not in PRINT_ONLY and "<style" in text:
            offenders.append(f"{name}: <style>")
    assert offenders == []


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_pages_work_under_the_policy_without_a_violation(page):
    """Check-in (its script is a file now), the language switcher, a proposal's live
    screening (htmx) and sign-in, with the browser reporting no refused script or style."""
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy"
            in m.text or "Refused to" in m.text else None)
    page.on("pageerror", lambda e: refused.append(str(e)))
    edition = EditionFactory(forum=ForumFactory(slug="igf", name="IGF"), year=2019)
    staff = secretariat_of(edition.forum, email="staff@example.org")
    proposal = ProposalFactory(call__edition=edition, created_by=staff, status="draft")

    sign_in(page, "staff@example.org")
    page.goto("/igf/2019/checkin/")
    page.get_by_label("Badge code").fill("forged")
    page.get_by_role("button", name="Check in").click()
    assert page.locator("[aria-invalid=true]").count() == 1
    page.goto(f"/igf/2019/proposals/{proposal.pk}/edit/")
    with page.expect_response(lambda r: "/rules/" in r.url):
        box = page.locator("#proposal-form #id_organisation")
        box.fill("A new organisation")
        box.dispatch_event("change")
    page.get_by_label("Language").select_option("fr")
    page.get_by_role("button", name="Change").click()
    page.wait_for_load_state()

    assert page.locator("html").get_attribute("lang") == "fr"
    assert refused == []
