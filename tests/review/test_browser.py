"""Browser journeys of the evaluation: the Secretariat assigns reviewers twice and finds 5 per
proposal; a MAG member scores with the keyboard flow and declares a conflict; the Secretariat
runs the selection as a job and sends the decisions after seeing who receives what; once
scoring closes the member reads the results, where the conflicted proposal is absent."""

import datetime
import re
from collections import Counter

import pytest
from django.utils import timezone

from openigf.outbox.models import OutboxMail
from openigf.review import domain
from openigf.review.models import Assignment, Round
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


def _people(edition, members: int):
    mag = []
    for i in range(members):
        member = mag_member_of(edition, email=f"member{i}@example.org", name=f"Member {i:02d}",
                               organisation=f"Org {i}")
        member.set_password("pw-member-1")
        member.save()
        mag.append(member)
    boss = secretariat_of(edition.forum, email="sec@example.org")
    boss.set_password("pw-sec-1")
    boss.save()
    return mag, boss


@pytest.mark.django_db(transaction=True)
def test_secretariat_assigns_twice_and_every_proposal_keeps_five_reviewers(page):
    edition = EditionFactory(forum=ForumFactory(slug="igf", name="IGF"), year=2019)
    themes = [ThemeFactory(edition=edition, name=n) for n in ("Data", "Inclusion")]
    call = CallFactory(edition=edition)
    for i in range(12):
        ProposalFactory(call=call, theme=themes[i % 2], status="screened_in",
                        title=f"Workshop {i}")
    mag, _boss = _people(edition, 12)
    now = timezone.now()
    domain.round_save(edition=edition, opens_at=now - datetime.timedelta(days=1),
                      closes_at=now + datetime.timedelta(days=1), reviews_per_proposal=5)

    sign_in(page, "sec@example.org", "pw-sec-1")
    page.goto("/igf/2019/review/manage/")
    page.get_by_role("link", name="Assign reviewers automatically…").click()
    main = page.locator("main")
    assert "60 reviews to add" in main.inner_text()  # a preview: nothing done yet
    assert not Assignment.objects.exists() and serious_violations(page) == []
    page.get_by_role("button", name="Confirm the assignment").click()
    assert "60 reviews added, 0 removed, 0 kept. Every proposal has 5 to 5 reviewers; each " \
        "reviewer has 5 to 5 proposals." in main.inner_text()

    # A member declares a conflict, then the Secretariat runs the assignment a second time.
    page.context.clear_cookies()
    sign_in(page, "member0@example.org", "pw-member-1")
    page.goto("/igf/2019/review/")
    page.get_by_role("link", name="Score the next proposal").click()
    title = page.locator("h1").inner_text()
    page.get_by_label("Your conflict of interest").fill("My employer organises it.")
    page.get_by_role("button", name="Declare the conflict").click()
    assert "Conflict recorded" in page.locator("main").inner_text()

    page.context.clear_cookies()
    sign_in(page, "sec@example.org", "pw-sec-1")
    page.goto("/igf/2019/review/manage/assign/")
    text = page.locator("main").inner_text()
    assert "1 review to add" in text and "59 reviews kept" in text
    page.get_by_role("button", name="Confirm the assignment").click()
    assert "1 review added, 0 removed, 59 kept. Every proposal has 5 to 5 reviewers" in \
        page.locator("main").inner_text()
    # The page a Secretariat looks at next: the progress table sums to 60, no more.
    cells = page.locator("main table tbody tr td:nth-child(2)").all_inner_texts()
    assert sum(int(c) for c in cells) == 60 and len(cells) == 12
    per_proposal = Counter(Assignment.objects.values_list("proposal__title", flat=True))
    assert set(per_proposal.values()) == {5} and len(per_proposal) == 12
    assert not Assignment.objects.filter(reviewer=mag[0], proposal__title=title).exists()
    page.goto("/igf/2019/review/manage/assign/")
    assert "nothing to change" in page.locator("main").inner_text()
    assert page.get_by_role("button", name="Confirm the assignment").count() == 0


@pytest.mark.django_db(transaction=True)
def test_member_scores_declares_a_conflict_and_secretariat_decides(page):
    edition = EditionFactory(forum=ForumFactory(slug="igf", name="IGF"), year=2019)
    theme = ThemeFactory(edition=edition, name="Data")
    call = CallFactory(edition=edition)
    for i in range(4):
        ProposalFactory(call=call, theme=theme, status="screened_in", title=f"Workshop {i}")
    _mag, _boss = _people(edition, 1)
    now = timezone.now()
    round_ = domain.round_save(edition=edition, opens_at=now - datetime.timedelta(days=1),
                               closes_at=now + datetime.timedelta(days=1),
                               reviews_per_proposal=1, by_theme=False)
    domain.assign_reviewers(round_=round_)

    sign_in(page, "member0@example.org", "pw-member-1")
    page.goto("/igf/2019/review/")
    assert "The results are shown here once scoring closes." in page.locator("main").inner_text()
    assert serious_violations(page) == []
    page.get_by_role("link", name="Score the next proposal").click()
    assert serious_violations(page) == []
    for score in ("5 – Must be accepted", "4 – Could be accepted", "4 – Could be accepted"):
        page.get_by_label(score).check()
        page.get_by_role("button", name="Save and go to the next").click()
        page.wait_for_load_state()
    conflicted = page.locator("h1").inner_text()
    page.get_by_label("Your conflict of interest").fill("My employer organises it.")
    page.get_by_role("button", name="Declare the conflict").click()
    assert "3 of 3 scored" in page.locator("main").inner_text()
    page.goto("/igf/2019/review/results/")
    assert "Scoring is open until" in page.locator("main").inner_text()

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
    assert "2 proposals selected." in page.locator("main").inner_text()  # the job's page
    assert serious_violations(page) == []
    page.get_by_role("link", name="See the result").click()
    assert page.get_by_label("Workshop slots").input_value() == "2"  # kept after the run
    assert page.get_by_label(
        "At least this share (%) of first-time proposers").input_value() == "0"
    page.get_by_role("link", name="Send the decisions to the proposers…").click()
    text = page.locator("main").inner_text()
    assert "3 proposals will be decided and 3 organisers told by mail" in text
    assert len(re.findall(r"@example", text)) == 3  # each proposer's address, shown first
    before = OutboxMail.objects.count()
    page.get_by_role("button", name="Send 3 decisions").click()
    assert "Decisions sent for 3 proposals" in page.locator("main").inner_text()
    assert OutboxMail.objects.count() - before == 3

    Round.objects.filter(pk=round_.pk).update(closes_at=now - datetime.timedelta(minutes=1))
    page.context.clear_cookies()
    sign_in(page, "member0@example.org", "pw-member-1")
    page.goto("/igf/2019/review/")
    page.get_by_role("link", name="See the results of the evaluation").click()
    table = page.locator("main table").inner_text()
    assert conflicted not in table and table.count("Workshop") == 3
