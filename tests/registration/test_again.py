"""Cancelling asks first; after cancelling one can register again (page and API); people on
the waiting list see their position; the page's two writes are one transaction; every
registration action admits only its roles (POST walk)."""


import pytest
from django.urls import reverse

from openigf.api.models import ApiToken
from openigf.core.errors import ApplicationError
from openigf.outbox.models import OutboxMail
from openigf.people.models import Country
from openigf.registration import domain
from openigf.registration.models import Registration
from tests import post_walk
from tests.factories import EditionFactory, ForumFactory, PersonFactory, secretariat_of
from tests.registration import walk as registration_walk

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(forum=ForumFactory(slug="igf"), year=2019)


def url(name, edition):
    return reverse(f"registration:{name}", kwargs=edition.url_kwargs)


def _capacity(edition, n):
    settings = domain.settings_of(edition)
    settings.onsite_capacity = n
    settings.save()


FORM = {"attendance": "onsite", "stakeholder_group": "academia", "country": "404"}


def test_registering_again_after_cancelling_makes_a_new_registration(edition):
    person = PersonFactory()
    first, _ = domain.register(edition=edition, person=person)
    domain.registration_cancel(registration=first)
    again, created = domain.register(edition=edition, person=person, attendance="online")
    assert created and again.pk == first.pk
    assert (again.status, again.attendance) == ("confirmed", "online")
    assert again.registered_at > first.registered_at
    statuses = list(OutboxMail.objects.filter(kind="registration.status", to=person.email)
                    .order_by("created").values_list("subject", flat=True))
    assert [s.split("(")[-1] for s in statuses] == ["Confirmed)", "Cancelled)", "Confirmed)"]


def test_registering_again_joins_the_end_of_the_waiting_list(edition):
    _capacity(edition, 1)
    ana, ben, eva = (PersonFactory() for _ in range(3))
    a, _ = domain.register(edition=edition, person=ana)
    b, _ = domain.register(edition=edition, person=ben)
    domain.registration_cancel(registration=b)  # ben leaves the list...
    e, _ = domain.register(edition=edition, person=eva)
    b, _ = domain.register(edition=edition, person=ben)  # ...and comes back after eva
    assert (domain.waitlist_position(e), domain.waitlist_position(b)) == (1, 2)
    moved = domain.registration_cancel(registration=a)
    assert moved.pk == e.pk
    b.refresh_from_db()
    assert domain.waitlist_position(b) == 1


def test_cancel_asks_first_then_the_page_offers_registering_again(client, edition):
    person = PersonFactory()
    client.force_login(person)
    client.post(url("register", edition), FORM)
    page = client.get(url("register", edition)).content.decode()
    assert url("cancel", edition) in page and "?do=" not in page
    confirm = client.get(url("cancel", edition)).content.decode()
    assert "Cancel your registration for" in confirm
    assert "Your badge and its code will no longer be accepted" in confirm
    assert Registration.objects.get().status == "confirmed"  # asking changed nothing
    page = client.post(url("cancel", edition), follow=True).content.decode()
    assert "Your registration is cancelled" in page and 'value="Register"' not in page
    assert "<form" in page and "Register</button>" in page
    page = client.post(url("register", edition), FORM, follow=True).content.decode()
    assert "You are registered: Confirmed." in page and "<svg" in page
    assert Registration.objects.get().status == "confirmed"


def test_cancel_without_a_registration_sends_back_to_the_form(client, edition):
    client.force_login(PersonFactory())
    response = client.post(url("cancel", edition), follow=True)
    assert response.redirect_chain[-1][0] == url("register", edition)
    assert not Registration.objects.exists()


def test_waitlisted_people_see_their_position(client, edition):
    _capacity(edition, 1)
    domain.register(edition=edition, person=PersonFactory())
    domain.register(edition=edition, person=PersonFactory())
    person = PersonFactory()
    client.force_login(person)
    page = client.post(url("register", edition), FORM, follow=True).content.decode()
    assert "On the waiting list" in page
    assert "You are number 2 on the waiting list." in page
    mail = OutboxMail.objects.filter(to=person.email).get()
    assert "You are number 2 on the waiting list." in mail.body


def test_the_api_registers_again_after_cancelling(client, edition):
    person = PersonFactory()
    _token, raw = ApiToken.issue(person=person, name="app")
    endpoint = reverse("api_v1:registration_mine", kwargs=edition.url_kwargs)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    first = client.post(endpoint, "{}", content_type="application/json", **headers)
    domain.registration_cancel(registration=Registration.objects.get())
    assert client.get(endpoint, **headers).json()["status"] == "cancelled"
    again = client.post(endpoint, "{}", content_type="application/json", **headers)
    assert again.status_code == 201
    assert again.json() == {**first.json(), "status": "confirmed"}
    assert client.get(endpoint, **headers).json()["status"] == "confirmed"


def test_profile_and_registration_are_saved_together_or_not_at_all(edition):
    settings = domain.settings_of(edition)
    settings.questions = [{"key": "diet", "label": "Diet", "required": True}]
    settings.save()
    person = PersonFactory(organisation="Before")
    with pytest.raises(ApplicationError):
        domain.registration_submit(edition=edition, person=person,
                                   profile={"organisation": "After"}, attendance="onsite",
                                   answers={})
    person.refresh_from_db()
    assert person.organisation == "Before" and not Registration.objects.exists()
    registration, created = domain.registration_submit(
        edition=edition, person=person, profile={"organisation": "After",
                                                 "country": Country.objects.get(iso2="KE")},
        attendance="onsite", answers={"diet": "none"})
    person.refresh_from_db()
    assert created and person.organisation == "After" and registration.country.iso2 == "KE"


def test_settings_are_saved_and_shown_again(client, edition):

    client.force_login(secretariat_of(edition.forum))
    page = client.post(url("manage", edition), {"onsite_capacity": "120",
                                                "approval_required": "on",
                                                "join_link": "https://meet.example.org/x"},
                       follow=True).content.decode()
    assert "Registration settings saved." in page
    assert 'value="120"' in page and "https://meet.example.org/x" in page
    assert 'name="approval_required" checked' in page or "checked" in page


def test_approve_and_decline_are_buttons_of_their_own(client, edition):

    settings = domain.settings_of(edition)
    settings.approval_required = True
    settings.save()
    ana, _ = domain.register(edition=edition, person=PersonFactory(name="Ana Pending"))
    ben, _ = domain.register(edition=edition, person=PersonFactory(name="Ben Pending"))
    client.force_login(secretariat_of(edition.forum))
    page = client.get(url("manage", edition)).content.decode()
    approve = reverse("registration:approve", kwargs={**edition.url_kwargs,
                                                      "registration_id": ana.pk})
    assert f'action="{approve}"' in page and "?do=" not in page
    page = client.post(approve, follow=True).content.decode()
    assert "Ana Pending: Confirmed." in page
    client.post(reverse("registration:decline", kwargs={**edition.url_kwargs,
                                                        "registration_id": ben.pk}))
    assert dict(Registration.objects.values_list("person__name", "status")) == {
        "Ana Pending": "confirmed", "Ben Pending": "cancelled"}


def test_registration_actions_admit_only_their_roles():
    assert post_walk.post_problems({
        "registration:cancel": "everyone signed in",
        "registration:approve": frozenset({"secretariat", "superuser"}),
        "registration:decline": frozenset({"secretariat", "superuser"}),
        "registration:manage": frozenset({"secretariat", "superuser"}),
        "registration:register": "everyone signed in",
        "registration:checkin": frozenset({"secretariat", "superuser"}),
    }, registration_walk.build) == []
