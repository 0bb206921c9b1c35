"""Browser journey of the evaluation: a MAG member scores three proposals with the keyboard
flow and declares a conflict; the Secretariat runs the selection and sends the decisions."""

import datetime

import pytest
from django.utils import timezone

from openigf.outbox.models import OutboxMail
from openigf.review import domain
from tests.community.test_browser import sign_in
from tests.core.test_browser import serious_violations
from tests.factories import (
    EditionFactory,
    ForumFactory,
    ThemeFactory,
    mag_member_of,
    secretariat_of,
)
from tests.proposals.factories import CallFactory, ProposalFactory

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.django_db(transaction=True)
def test_member_scores_declares_a_conflict_and_secretariat_decides(page):
    edition = EditionFactory(forum=ForumFactory(slug="igf", name="IGF"), year=2019)
    theme = ThemeFactory(edition=edition, name="Data")
    call = CallFactory(edition=edition)
    for i in range(4):
        ProposalFactory(call=call, theme=theme, status="screened_in", title=f"Workshop {i}")
    member = mag_member_of(edition, email="member@example.org", name="Mira Member")
    member.set_password("pw-member-1")
    member.save()
    boss = secretariat_of(edition.forum, email="sec@example.org")
    boss.set_password("pw-sec-1")
    boss.save()
    now = timezone.now()
    round_ = domain.round_save(edition=edition, opens_at=now - datetime.timedelta(days=1),
                               closes_at=now + datetime.timedelta(days=1),
                               reviews_per_proposal=1, by_theme=False)
    domain.assign_reviewers(round_=round_)

    sign_in(page, "member@example.org", "pw-member-1")
    page.goto("/igf/2019/review/")
    assert serious_violations(page) == []
    page.get_by_role("link", name="Score the next proposal").click()
    assert serious_violations(page) == []
    for score in ("5 – Must be accepted", "4 – Could be accepted", "4 – Could be accepted"):
        page.get_by_label(score).check()
        page.get_by_role("button", name="Save and go to the next").click()
        page.wait_for_load_state()
    page.get_by_label("Your conflict of interest").fill("My employer organises it.")
    page.get_by_role("button", name="Declare the conflict").click()
    assert "3 of 3 scored" in page.locator("main").inner_text()

    page.context.clear_cookies()
    sign_in(page, "sec@example.org", "pw-sec-1")
    page.goto("/igf/2019/review/results/")
    page.get_by_label("Workshop slots").fill("2")
    page.get_by_label("At least this share (%) with organisers from developing countries").fill(
        "0")
    page.get_by_label("At least this share (%) of first-time proposers").fill("0")
    page.get_by_label("Every regional group represented").uncheck()
    page.get_by_label("Every stakeholder group represented").uncheck()
    page.get_by_role("button", name="Run the selection").click()
    assert "2 proposals selected" in page.locator("main").inner_text()
    assert serious_violations(page) == []
    page.get_by_role("button", name="Send the decisions to the proposers").click()
    assert "Decisions sent" in page.locator("main").inner_text()
    assert OutboxMail.objects.filter(subject__isnull=False).count() >= 3
