import json
import re

import pytest
from django.test import Client

from openigf.core.models import AuditEntry
from openigf.outbox.models import OutboxMail
from openigf.people.models import Person
from tests.factories import PASSWORD, PersonFactory, country

SIGNUP = {"email": "Ada@Example.org", "password": "a-long-unusual-passphrase",
          "name": "Ada Mensah", "organisation": "Ghana IGF", "stakeholder_group": "technical",
          "gender": "female", "preferred_language": "fr"}


@pytest.mark.django_db
def test_signup_creates_an_account_with_profile_and_signs_in(client):
    SIGNUP_WITH_COUNTRY = {**SIGNUP, "country": country("GH").pk}
    response = client.post("/accounts/signup/", SIGNUP_WITH_COUNTRY)
    assert response.status_code == 302
    person = Person.objects.get(email="ada@example.org")
    assert (person.name, person.regional_group, person.preferred_language) == \
        ("Ada Mensah", "african", "fr")
    assert client.get("/me/").status_code == 200
    assert AuditEntry.objects.filter(action="person.signup", actor=person).exists()
    assert person.email_verified is None


@pytest.mark.django_db
def test_signup_with_a_taken_email_says_so_at_the_field_and_keeps_what_was_typed(client):
    PersonFactory(email="ada@example.org")
    response = client.post("/accounts/signup/", SIGNUP)
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert 'value="Ada Mensah"' in html and 'value="Ghana IGF"' in html
    assert 'aria-invalid="true"' in html


@pytest.mark.django_db
def test_invited_person_without_password_gets_a_link_instead_of_their_record(
        client, mailoutbox, django_capture_on_commit_callbacks):
    invited = Person.objects.create(email="ada@example.org", name="A. Mensah")
    invited.set_unusable_password()
    invited.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 302 and response["Location"] == "/accounts/signup/sent/"
    invited.refresh_from_db()
    assert (invited.has_usable_password(), invited.name) == (False, "A. Mensah")
    assert Person.objects.filter(email="ada@example.org").count() == 1
    assert [m.to for m in mailoutbox] == [["ada@example.org"]]
    assert "/accounts/confirm/" in mailoutbox[0].body


@pytest.mark.django_db
def test_login_is_by_email_in_any_case(client):
    PersonFactory(email="kofi@example.org")
    response = client.post("/accounts/login/", {"username": "KOFI@example.org",
                                                 "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.django_db
def test_profile_change_is_saved_and_logged(client):
    person = PersonFactory()
    client.force_login(person)
    form = client.get("/me/").context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(name="New Name", country=country("BR").pk, accessibility_needs="Captions")
    data["first_time"] = "on"
    response = client.post("/me/", data)
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.name, person.country.iso2, person.accessibility_needs) == \
        ("New Name", "BR", "Captions")
    assert AuditEntry.objects.get(action="person.update").changes["name"][1] == "New Name"


@pytest.mark.django_db
def test_export_gives_a_person_everything_about_them(client):
    person = PersonFactory(name="Ana Silva", organisation="NIC.br")
    client.force_login(person)
    response = client.get("/me/export/")
    data = json.loads(response.content)
    assert response["Content-Disposition"].startswith("attachment")
    assert data["person"]["name"] == "Ana Silva"
    assert data["person"]["organisation"] == "NIC.br"
    assert data["person"]["email"] == person.email


@pytest.mark.django_db
def test_erase_needs_the_password_and_then_removes_personal_data(client):
    person = PersonFactory(name="Ana Silva", organisation="NIC.br", stakeholder_group="technical")
    client.force_login(person)
    refused = client.post("/me/erase/", {"password": "wrong"})
    assert refused.status_code == 400
    response = client.post("/me/erase/", {"password": PASSWORD})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.email is None and "Ana" not in person.name and person.organisation == ""
    assert person.stakeholder_group == "technical"  # anonymous statistics keep their counts
    assert not person.is_active and not person.has_usable_password()
    assert client.get("/me/").status_code == 302  # signed out


@pytest.mark.django_db
def test_password_reset_mail_goes_through_the_outbox_without_the_link_in_clear(
        client, mailoutbox, settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://forum.example.org"
    PersonFactory(email="kofi@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password-reset/", {"email": "kofi@example.org"},
                    HTTP_HOST="evil.example:8443")
    message = OutboxMail.objects.get()
    assert (message.to, message.kind, message.status) == \
        ("kofi@example.org", "person.password_reset", "sent")
    assert "/accounts/reset/" not in message.body and "evil" not in message.body
    link = re.search(r"\S+/accounts/reset/\S+", mailoutbox[0].body).group(0)
    assert link.startswith("https://forum.example.org/accounts/reset/")


@pytest.mark.django_db
def test_password_reset_link_delivered_sets_the_new_password(
        client, mailoutbox, django_capture_on_commit_callbacks):
    person = PersonFactory(email="kofi@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password-reset/", {"email": "kofi@example.org"})
    path = re.search(r"https?://[^/\s]+(/accounts/reset/\S+)", mailoutbox[0].body).group(1)
    form_page = client.get(path, follow=True)
    response = client.post(form_page.redirect_chain[-1][0], {
        "new_password1": "a-fresh-long-passphrase", "new_password2": "a-fresh-long-passphrase"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password("a-fresh-long-passphrase")
    assert AuditEntry.objects.filter(action="person.password_reset", actor=person).exists()


@pytest.mark.django_db
def test_password_reset_mail_appears_on_the_platform_outbox_page(
        client, django_capture_on_commit_callbacks):
    PersonFactory(email="kofi@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password-reset/", {"email": "kofi@example.org"})
    client.force_login(PersonFactory(is_superuser=True, is_staff=True))
    page = client.get("/manage/outbox/").content.decode()
    assert "kofi@example.org" in page and "Your openigf password" in page


@pytest.mark.django_db
def test_language_switcher_is_in_the_header_and_remembered_for_the_person(client):
    person = PersonFactory(preferred_language="en")
    client.force_login(person)
    header = client.get("/").content.decode().split("</header>")[0]
    assert 'action="/accounts/language/"' in header and 'id="language-select"' in header

    response = client.post("/accounts/language/", {"language": "fr", "next": "/me/"})

    assert response.status_code == 302 and response["Location"] == "/me/"
    person.refresh_from_db()
    assert person.preferred_language == "fr"
    assert '<html lang="fr"' in client.get("/me/").content.decode()


@pytest.mark.django_db
def test_the_language_chosen_on_one_device_follows_the_person_to_another():
    PersonFactory(email="kofi@example.org", preferred_language="en")
    laptop, phone = Client(), Client()
    laptop.post("/accounts/login/", {"username": "kofi@example.org", "password": PASSWORD})
    laptop.post("/accounts/language/", {"language": "ar", "next": "/me/"})

    phone.post("/accounts/login/", {"username": "kofi@example.org", "password": PASSWORD},
               HTTP_ACCEPT_LANGUAGE="es")

    assert '<html lang="ar" dir="rtl"' in phone.get("/me/").content.decode()


@pytest.mark.django_db
def test_choosing_a_language_in_the_profile_switches_the_pages_too(client):
    person = PersonFactory(preferred_language="en")
    client.force_login(person)
    form = client.get("/me/").context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(preferred_language="zh-hans", country=person.country_id or "")
    response = client.post("/me/", data)
    assert response.status_code == 302 and response.cookies["django_language"].value == \
        "zh-hans"
    assert '<html lang="zh-hans"' in client.get("/me/").content.decode()


@pytest.mark.django_db
def test_signing_in_speaks_the_persons_language(client):
    PersonFactory(email="kofi@example.org", preferred_language="fr")
    response = client.post("/accounts/login/", {"username": "kofi@example.org",
                                                "password": PASSWORD})
    assert response.cookies["django_language"].value == "fr"
    assert '<html lang="fr"' in client.get("/me/").content.decode()


@pytest.mark.django_db
def test_mails_are_written_in_the_recipients_preferred_language(
        client, django_capture_on_commit_callbacks):
    PersonFactory(email="kofi@example.org", preferred_language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password-reset/", {"email": "kofi@example.org"},
                    HTTP_ACCEPT_LANGUAGE="en")
    assert OutboxMail.objects.get().subject == "Votre mot de passe openigf"


@pytest.mark.django_db
def test_language_of_an_anonymous_visitor_is_not_stored(client):
    response = client.post("/accounts/language/", {"language": "es", "next": "https://evil.example"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert response.cookies["django_language"].value == "es"
