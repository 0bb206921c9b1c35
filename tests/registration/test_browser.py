"""Browser journeys: a participant registers, sees the QR and the mail is queued; venue staff
check them in by typing the badge code; a participant cancels (asked first) and registers
again, landing on the waiting list with their position."""

import pytest

from openigf.outbox.models import OutboxMail
from openigf.people.models import Country
from openigf.registration import domain
from openigf.registration.models import Registration
from tests.community.test_browser import sign_in
from tests.core.test_browser import serious_violations
from tests.factories import EditionFactory, ForumFactory, PersonFactory, secretariat_of

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.django_db(transaction=True)
def test_participant_registers_and_is_checked_in(page):
    edition = EditionFactory(forum=ForumFactory(slug="igf", name="IGF"), year=2019)
    person = PersonFactory(email="ana@example.org", name="Ana Participant",
                           country=Country.objects.get(iso2="KE"))
    person.set_password("pw-ana-1")
    person.save()
    staff = secretariat_of(edition.forum, email="staff@example.org")
    staff.set_password("pw-staff-1")
    staff.save()
    sign_in(page, "ana@example.org", "pw-ana-1")
    page.goto("/igf/2019/register/")
    assert serious_violations(page) == []
    page.get_by_label("Stakeholder group").select_option(label="Civil society")
    page.get_by_role("button", name="Register").click()
    assert "Confirmed" in page.get_by_role("status").first.inner_text()
    assert page.locator("figure.qr svg").count() == 1
    assert serious_violations(page) == []
    assert OutboxMail.objects.filter(to="ana@example.org").count() == 1
    page.get_by_text("Badge code as text").click()
    code = page.locator("code.wrap").inner_text()

    page.context.clear_cookies()
    sign_in(page, "staff@example.org", "pw-staff-1")
    page.goto("/igf/2019/checkin/")
    page.get_by_label("Badge code").fill(code)
    page.get_by_role("button", name="Check in").click()
    assert "Ana Participant" in page.get_by_role("status").first.inner_text()
    assert Registration.objects.get().checked_in_at is not None


@pytest.mark.django_db(transaction=True)
def test_participant_cancels_after_confirming_and_registers_again(page):
    edition = EditionFactory(forum=ForumFactory(slug="igf", name="IGF"), year=2019)
    settings = domain.settings_of(edition)
    settings.onsite_capacity = 1
    settings.save()
    domain.register(edition=edition, person=PersonFactory())  # the one onsite place
    person = PersonFactory(email="ben@example.org", name="Ben Participant",
                           stakeholder_group="academia",
                           country=Country.objects.get(iso2="KE"))
    person.set_password("pw-ben-1")
    person.save()
    domain.register(edition=edition, person=person, attendance="online")

    sign_in(page, "ben@example.org", "pw-ben-1")
    page.goto("/igf/2019/register/")
    assert "Confirmed" in page.get_by_role("status").first.inner_text()
    page.get_by_role("link", name="Cancel my registration").click()
    assert "Cancel your registration" in page.locator("h1").inner_text()
    assert serious_violations(page) == []
    page.get_by_role("link", name="Keep my registration").click()  # changed nothing
    assert Registration.objects.get(person=person).status == "confirmed"
    page.get_by_role("link", name="Cancel my registration").click()
    page.get_by_role("button", name="Cancel my registration").click()
    assert "Your registration is cancelled" in page.get_by_role("status").first.inner_text()
    assert Registration.objects.get(person=person).status == "cancelled"

    page.get_by_label("Onsite").check()
    page.get_by_role("button", name="Register").click()
    status = page.get_by_role("status").filter(has_text="Your registration").inner_text()
    assert status == ("Your registration (Onsite): On the waiting list. "
                      "You are number 1 on the waiting list.")
    assert serious_violations(page) == []
    assert Registration.objects.get(person=person).status == "waitlisted"
