"""Browser journey: the Secretariat selects travel support, sees who will receive what,
confirms, follows the job to its result; the applicant then reads the decision."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from openigf.funding import domain
from openigf.funding.models import TravelCall
from openigf.outbox.models import OutboxMail
from openigf.people.models import Country
from tests.community.test_browser import sign_in
from tests.core.test_browser import serious_violations
from tests.factories import EditionFactory, ForumFactory, PersonFactory, secretariat_of
from tests.programme.factories import SessionFactory, SessionPersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.django_db(transaction=True)
def test_secretariat_selects_travel_support_after_confirming(page):
    edition = EditionFactory(forum=ForumFactory(slug="igf", name="IGF"), year=2019)
    now = timezone.now()
    call = TravelCall.objects.create(
        edition=edition, name="Travel 2019", budget=Decimal("3000"),
        opens_at=now - datetime.timedelta(days=1), closes_at=now + datetime.timedelta(days=9))
    people = []
    for i, score in enumerate((9, 8, 4)):
        person = PersonFactory(email=f"speaker{i}@example.org", name=f"Speaker {i}",
                               country=Country.objects.get(iso2="KE"))
        person.set_password("pw-speaker")
        person.save()
        SessionPersonFactory(session=SessionFactory(edition=edition), person=person,
                             name=person.name)
        application = domain.travel_apply(call=call, person=person, cost_estimate=1500,
                                          contribution="Speaker")
        domain.score_set(application=application, score=score)
        people.append(person)
    staff = secretariat_of(edition.forum, email="staff@example.org")
    staff.set_password("pw-staff-1")
    staff.save()

    sign_in(page, "staff@example.org", "pw-staff-1")
    page.goto("/igf/2019/travel/manage/")
    page.get_by_role("link", name="Select and send the decisions…").click()
    assert "2 selected and 1 not selected" in page.get_by_role("status").inner_text()
    table = page.get_by_role("table", name="Who will receive what")
    assert table.get_by_role("row").count() == 4
    assert "will be mailed" in table.get_by_role("row", name="Speaker 2").inner_text()
    assert serious_violations(page) == []
    assert not OutboxMail.objects.filter(kind="travel.decision").exists()  # nothing sent yet

    page.get_by_role("button", name="Confirm and send 3 mails").click()
    page.get_by_text("Decisions sent for Travel 2019").wait_for()
    assert ("2 selected, 1 not selected; 3 mails queued."
            in page.locator("main").inner_text())
    assert OutboxMail.objects.filter(kind="travel.decision").count() == 3

    page.goto("/igf/2019/travel/manage/")
    row = page.get_by_role("row", name="Speaker 0")
    assert "Selected: the application scored 9 of 10" in row.inner_text()

    page.context.clear_cookies()
    sign_in(page, "speaker2@example.org", "pw-speaker")
    page.goto("/igf/2019/travel/")
    status = page.get_by_role("status").filter(has_text="Your application").inner_text()
    assert status.startswith("Your application: Not selected. Not selected: the application "
                             "scored 4 of 10")
