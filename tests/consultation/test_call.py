"""The call for issues: sending (with and without an account), confirming, refusing bad
input, moderating, and the public pages that never show personal data."""

import datetime
import re

import pytest
from django.core import signing
from django.core.cache import cache
from django.utils import timezone

from openigf.consultation import domain
from openigf.consultation.links import CONFIRM_SALT, confirm_input_link
from openigf.consultation.models import Input, InputStatus
from openigf.core.models import AuditEntry
from openigf.outbox.models import OutboxMail
from tests.consultation.factories import add_input, open_edition
from tests.factories import PersonFactory, country, secretariat_of

pytestmark = pytest.mark.django_db

FRENCH = "L’accès abordable à Internet dans les zones rurales d’Afrique reste un défi majeur."


@pytest.fixture(autouse=True)
def _empty_throttle():
    cache.clear()
    yield
    cache.clear()


def _form(**extra):
    return {"name": "Aïcha Traoré", "email": "aicha@example.org", "organisation": "Réseau Sahel",
            "stakeholder_group": "civil_society", "country": country("SN").pk,
            "language": "fr", "text": FRENCH, **extra}


def _call_url(edition):
    return f"/{edition.forum.slug}/{edition.slug}/call-for-issues/"


def test_anonymous_input_waits_for_confirmation_then_is_published(client, settings):
    edition = open_edition()
    response = client.post(_call_url(edition), _form())
    assert response.status_code == 302
    item = Input.objects.get()
    assert (item.status, item.regional_group, item.language) == ("unconfirmed", "african", "fr")
    mail = OutboxMail.objects.get()
    assert mail.to == "aicha@example.org"
    assert "[link made at delivery: consultation.confirm_input]" in mail.body
    assert "/confirm/" not in mail.body  # the credential is never stored
    link = confirm_input_link(mail)
    assert link.startswith(settings.SITE_URL + _call_url(edition) + "confirm/")
    path = link.removeprefix(settings.SITE_URL)
    assert FRENCH not in client.get(_call_url(edition) + "inputs/").content.decode()
    assert client.get(path).status_code == 200  # a GET confirms nothing
    assert Input.objects.get().status == "unconfirmed"
    assert client.post(path).status_code == 302
    assert client.post(path).status_code == 302  # twice: nothing more happens
    item.refresh_from_db()
    assert item.status == "published"
    assert AuditEntry.objects.filter(action="issue_input.confirm").count() == 1
    assert FRENCH in client.get(_call_url(edition) + "inputs/").content.decode()
    assert confirm_input_link(mail) is None  # once confirmed, the link is not made again


def test_expired_confirmation_link_is_refused(client, monkeypatch):
    edition = open_edition()
    item = add_input(edition, FRENCH, status=InputStatus.UNCONFIRMED)
    token = signing.dumps(item.pk, salt=CONFIRM_SALT)
    later = timezone.now().timestamp() + 8 * 24 * 3600
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    response = client.post(f"{_call_url(edition)}confirm/{token}/")
    assert "expired" in response.content.decode()
    assert Input.objects.get().status == "unconfirmed"


def test_input_of_a_confirmed_account_is_published_at_once(client):
    edition = open_edition()
    person = PersonFactory(country=country("BR"), stakeholder_group="technical")
    client.force_login(person)
    form = client.get(_call_url(edition)).content.decode()
    assert 'name="email"' not in form
    client.post(_call_url(edition), {k: v for k, v in _form().items()
                                     if k not in ("name", "email")})
    item = Input.objects.get()
    assert (item.status, item.person, item.email) == ("published", person, person.email)
    assert OutboxMail.objects.count() == 0


@pytest.mark.parametrize(("text", "message"), [
    ("   ", "This field is required."),
    ("x" * 2001, "At most 2000 characters; this has 2001."),
])
def test_empty_or_too_long_input_is_refused_at_the_field(client, text, message):
    edition = open_edition()
    response = client.post(_call_url(edition), _form(text=text))
    assert response.status_code == 200
    assert re.search(r'aria-invalid="true"[^>]*id="id_text"|id="id_text"[^>]*aria-invalid',
                     response.content.decode())
    assert message in response.content.decode()
    assert Input.objects.count() == 0


def test_duplicate_input_is_refused_at_the_field(client):
    edition = open_edition()
    add_input(edition, FRENCH)
    response = client.post(_call_url(edition), _form(text=FRENCH.upper() + " "))
    assert "already been sent to the call" in response.content.decode()
    assert Input.objects.count() == 1


def test_honeypot_keeps_nothing(client):
    edition = open_edition()
    response = client.post(_call_url(edition), _form(website="http://spam.example"))
    assert response.status_code == 302
    assert (Input.objects.count(), OutboxMail.objects.count()) == (0, 0)


def test_many_inputs_in_a_minute_are_slowed_and_the_secretariat_sees_it(client):
    edition = open_edition()
    answers = [client.post(_call_url(edition), _form(text=f"Issue number {i} on access."))
               for i in range(7)]
    assert [a.status_code for a in answers] == [302] * 5 + [200] * 2
    assert "Please wait a minute" in answers[-1].content.decode()
    assert Input.objects.count() == 5
    staff = secretariat_of(edition.forum)
    client.force_login(staff)
    page = client.get(_call_url(edition) + "manage/").content.decode()
    assert re.search(r"Sendings slowed down.*?<td class=\"num\">2</td>", page, re.S)


def test_closed_call_shows_results_without_form_and_refuses_inputs(client):
    edition = open_edition()
    edition.call_for_issues_closes = timezone.now() - datetime.timedelta(hours=1)
    edition.call_for_issues_opens = timezone.now() - datetime.timedelta(days=9)
    edition.save()
    page = client.get(_call_url(edition)).content.decode()
    assert 'name="text"' not in page and "Inputs by stakeholder group" in page
    client.post(_call_url(edition), _form())
    assert Input.objects.count() == 0


def test_secretariat_edits_categories_and_the_form_offers_them(client):
    edition = open_edition()
    client.force_login(secretariat_of(edition.forum))
    response = client.post(_call_url(edition) + "manage/", {
        "introduction": "Tell us.", "max_chars": 500,
        "categories": "Digital inclusion\nData governance\n\nDigital inclusion"})
    assert response.status_code == 302
    assert [c.name for c in edition.issue_categories.all()] == ["Digital inclusion",
                                                                "Data governance"]
    client.logout()
    page = client.get(_call_url(edition)).content.decode()
    assert "Data governance" in page and 'maxlength="500"' in page


def test_hidden_input_leaves_the_public_pages_and_the_secretariat_sees_why(client):
    edition = open_edition()
    item = add_input(edition, "Buy cheap watches now at spam.example")
    client.force_login(secretariat_of(edition.forum))
    client.post(f"{_call_url(edition)}manage/inputs/{item.pk}/hide/", {"reason": "Spam"})
    item.refresh_from_db()
    assert (item.status, item.hidden_reason) == ("hidden", "Spam")
    staff_page = client.get(_call_url(edition) + "manage/inputs/").content.decode()
    assert "Spam" in staff_page and "amina@example.org" in staff_page
    client.logout()
    assert "cheap watches" not in client.get(_call_url(edition) + "inputs/").content.decode()
    assert "cheap watches" not in client.get(_call_url(edition) + "results.csv").content.decode()


def test_hiding_needs_a_reason(client):
    edition = open_edition()
    item = add_input(edition, "A real issue about access.")
    with pytest.raises(domain.ApplicationError):
        domain.input_hide(item=item, reason=" ")


def test_public_pages_and_csv_hold_no_personal_data(client):
    edition = open_edition()
    add_input(edition, "Data protection across borders.", iso2="FR", group="government",
              name="Jean Dupont", email="jean@example.org", organisation="Ministère X")
    add_input(edition, "Community networks in Fiji.", iso2="FJ", group="technical",
              name="Mere Tuilagi", email="mere@example.org", organisation="Pacific Net")
    pages = [client.get(_call_url(edition) + p).content.decode()
             for p in ("", "inputs/", "results.csv")]
    for secret in ("Jean Dupont", "jean@example.org", "Ministère X", "Mere Tuilagi",
                   "mere@example.org", "Pacific Net"):
        assert all(secret not in page for page in pages), secret
    csv_text = pages[2]
    assert csv_text.splitlines()[0] == ("id,sent,language,stakeholder_group,regional_group,"
                                        "country,category,text")
    assert "Community networks in Fiji." in csv_text and "Fiji" in pages[1]
