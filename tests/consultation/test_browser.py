"""Browser journey of the call for issues: an anonymous participant sends an input in French
and confirms it from the mail; the Secretariat hides spam, reads the suggested number of
themes with its reason, groups the demo's 320 inputs and the French one into three themes,
renames one, moves two inputs and adopts them; the proposal form then offers them."""

import random
import re

import pytest
from django.conf import settings

from openigf.consultation.demo_texts import compose
from openigf.consultation.links import confirm_input_link
from openigf.consultation.models import Input
from openigf.forums.models import Theme
from openigf.outbox.models import OutboxMail
from tests.community.test_browser import sign_in
from tests.consultation.factories import add_input, open_edition
from tests.core.test_browser import serious_violations
from tests.factories import ForumFactory, country, secretariat_of
from tests.proposals.factories import CallFactory

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.django_db(transaction=True)
def test_from_an_input_in_french_to_the_editions_themes(page):
    edition = open_edition(forum=ForumFactory(slug="igf", name="IGF"))
    for n, row in enumerate(compose(random.Random("2019:consultation.inputs"))):
        add_input(edition, row["text"], language=row["language"], email=f"d{n}@example.org")
    CallFactory(edition=edition, kind="workshop")
    spam = add_input(edition, "Cheap watches at watches.example", email="spam@example.org")
    secretariat_of(edition.forum, email="sec@example.org")

    page.goto("/igf/2019/call-for-issues/")
    assert serious_violations(page) == []
    page.locator("#id_email").fill("aicha@example.org")
    page.locator("#id_stakeholder_group").select_option("civil_society")
    page.locator("#id_country").select_option(country("SN").pk)
    page.locator("#id_language").select_option("fr")
    page.locator("#id_text").fill("Un accès abordable au haut débit pour les zones "
                                        "rurales du Sénégal.")
    page.get_by_role("button", name="Send the issue").click()
    assert "We have mailed you a link" in page.locator("main").inner_text()
    link = confirm_input_link(OutboxMail.objects.get(to="aicha@example.org"))
    page.goto(link.removeprefix(settings.SITE_URL))
    page.get_by_role("button", name="Confirm and publish").click()
    page.locator("main").get_by_text("confirmed and published").wait_for()
    assert Input.objects.get(email="aicha@example.org").status == "published"

    sign_in(page, "sec@example.org", "correct-horse-battery-staple")
    page.goto("/igf/2019/call-for-issues/manage/inputs/")
    page.locator(f"#reason-{spam.pk}").fill("Spam")
    page.locator(f"#i{spam.pk}").get_by_role("button", name="Hide").click()
    page.goto("/igf/2019/call-for-issues/themes/")
    page.get_by_role("button", name="Suggest a number of themes").click()
    assert "Suggested:" in page.locator("main").inner_text()  # the job's result
    page.goto("/igf/2019/call-for-issues/themes/")
    main = page.locator("main").inner_text()
    assert "Suggested:" in main and "raises the stability the most" in main
    page.locator("#id_k").fill("3")
    page.get_by_role("button", name="Group the inputs").click()
    done = page.locator("main").inner_text()  # 321 inputs: grouped, or apart as fitting none
    assert re.search(r"(\d+) inputs grouped into 3 themes; (\d+) fit no theme", done)
    assert sum(map(int, re.search(r"(\d+) inputs grouped into 3 themes; (\d+) fit no", done)
                   .groups())) == 321
    page.goto("/igf/2019/call-for-issues/themes/")
    assert serious_violations(page) == []
    first = page.locator("article.theme-card").first
    first.get_by_label("Name").fill("Digital Inclusion")
    first.get_by_role("button", name="Rename").click()
    assert "Saved as version 2" in page.locator("main").inner_text()
    card = page.locator("article.theme-card").nth(1)
    card.locator("summary").click()
    boxes = card.locator("input[name=inputs]")
    boxes.nth(0).check()
    boxes.nth(1).check()
    card.get_by_role("button", name="Move").click()
    assert "Saved as version 3: Moved 2 inputs" in page.locator("main").inner_text()
    page.get_by_role("link", name="Adopt these themes as the edition's themes…").click()
    page.get_by_role("button", name="Adopt these themes").click()
    assert "The call for proposals offers them." in page.locator("main").inner_text()
    assert "Digital Inclusion" in [t.name for t in Theme.objects.filter(edition=edition)]
    page.goto("/igf/2019/proposals/new/workshop/")
    offered = page.locator("#id_theme option").all_inner_texts()
    assert "Digital Inclusion" in offered
    assert len([o for o in offered if o.strip("- ")]) == 3
