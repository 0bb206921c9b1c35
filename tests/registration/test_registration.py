"""Registration: idempotent, capacity and waiting list (also under real concurrency on
PostgreSQL), approval, signed badge codes, check-in, pages and figures."""

import json
import re
import subprocess
import threading

import pytest
from django.db import connection
from django.urls import reverse

from openigf.api.models import ApiToken
from openigf.core.errors import ApplicationError
from openigf.outbox.models import OutboxMail
from openigf.people.models import Country
from openigf.registration import domain
from openigf.registration.models import Registration
from tests.factories import EditionFactory, ForumFactory, PersonFactory, secretariat_of


@pytest.fixture
def edition(db):
    return EditionFactory(forum=ForumFactory(slug="igf"), year=2019)


def url(name, edition):
    return reverse(f"registration:{name}", kwargs=edition.url_kwargs)


def test_registering_twice_returns_the_same_registration(edition):
    person = PersonFactory()
    first, created = domain.register(edition=edition, person=person)
    again, created_again = domain.register(edition=edition, person=person)
    assert created and not created_again and first.pk == again.pk
    assert OutboxMail.objects.filter(kind="registration.status").count() == 1


def test_capacity_waiting_list_and_moving_up(edition):
    settings = domain.settings_of(edition)
    settings.onsite_capacity = 2
    settings.save()
    regs = [domain.register(edition=edition, person=PersonFactory())[0] for _ in range(3)]
    online, _ = domain.register(edition=edition, person=PersonFactory(), attendance="online")
    assert [r.status for r in regs] == ["confirmed", "confirmed", "waitlisted"]
    assert online.status == "confirmed"
    moved = domain.registration_cancel(registration=regs[0])
    assert moved.pk == regs[2].pk and moved.status == "confirmed"


def test_approval(edition):
    settings = domain.settings_of(edition)
    settings.approval_required = True
    settings.save()
    reg, _ = domain.register(edition=edition, person=PersonFactory())
    assert reg.status == "pending"
    assert domain.registration_decide(registration=reg, approve=True).status == "confirmed"


def test_badge_codes_are_signed_and_check_in_once(edition):
    reg, _ = domain.register(edition=edition, person=PersonFactory(name="Ana Check"))
    code = domain.badge_code(reg)
    with pytest.raises(ApplicationError, match="not a badge"):
        domain.check_in(edition=edition, code=code[:-2] + "xx")
    other = EditionFactory(forum=edition.forum, year=2020)
    with pytest.raises(ApplicationError, match="another edition"):
        domain.check_in(edition=other, code=code)
    reg, first = domain.check_in(edition=edition, code=code)
    assert first and reg.checked_in_at
    assert domain.check_in(edition=edition, code=code)[1] is False


@pytest.mark.poppler
def test_badges_pdf_is_tagged_for_screen_readers(edition, tmp_path):
    reg, _ = domain.register(edition=edition, person=PersonFactory(name="Ana Pérez"))
    path = tmp_path / "badges.pdf"
    path.write_bytes(domain.badges_pdf([reg]))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Ana Pérez" in text


def test_register_page_keeps_the_profile_and_shows_the_qr(client, edition):
    person = PersonFactory()
    client.force_login(person)
    response = client.post(url("register", edition), {"attendance": "onsite"})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    country = Country.objects.get(iso2="KE")
    response = client.post(url("register", edition), {
        "attendance": "onsite", "stakeholder_group": "academia", "country": country.pk,
        "organisation": "University of Nairobi", "gender": "female"}, follow=True)
    html = response.content.decode()
    assert "<svg" in html and "Your badge (PDF)" in html
    person.refresh_from_db()
    assert person.organisation == "University of Nairobi"
    assert client.get(url("badge", edition)).content.startswith(b"%PDF")


def test_check_in_page_for_staff_only(client, edition):
    reg, _ = domain.register(edition=edition, person=PersonFactory(name="Ana Check"))
    client.force_login(reg.person)
    assert client.get(url("checkin", edition)).status_code == 403
    client.force_login(secretariat_of(edition.forum))
    html = client.post(url("checkin", edition), {"code": domain.badge_code(reg)}).content
    assert b"Ana Check" in html and b"checked in." in html
    assert reg.person.email.encode() not in html


def test_figures_and_csv(client, edition, django_assert_max_num_queries):
    for group in ("academia", "government", "academia"):
        domain.register(edition=edition, person=PersonFactory(stakeholder_group=group))
    client.force_login(secretariat_of(edition.forum))
    with django_assert_max_num_queries(20):
        html = client.get(url("manage", edition)).content.decode()
    assert "3 registrations" in html
    csv_text = client.get(url("csv", edition)).content.decode()
    assert csv_text.count("\n") == 4


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_exceed_capacity_nor_duplicate():
    edition = EditionFactory(forum=ForumFactory(slug="igf"), year=2019)
    settings = domain.settings_of(edition)
    settings.onsite_capacity = 10
    settings.save()
    people = [PersonFactory() for _ in range(20)]
    errors = []

    def worker(person):
        try:
            for _ in range(2):  # each person also retries: no duplicate
                domain.register(edition=edition, person=person)
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(p,)) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    regs = Registration.objects.filter(edition=edition)
    assert regs.count() == 20
    assert regs.filter(status="confirmed").count() == 10
    assert regs.filter(status="waitlisted").count() == 10


def test_registration_api_is_idempotent(client, edition):
    person = PersonFactory()
    _token, raw = ApiToken.issue(person=person, name="app")
    endpoint = reverse("api_v1:registration_mine", kwargs=edition.url_kwargs)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    first = client.post(endpoint, json.dumps({"attendance": "online"}),
                        content_type="application/json", **headers)
    again = client.post(endpoint, json.dumps({"attendance": "online"}),
                        content_type="application/json", **headers)
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["id"] == again.json()["id"]
    bad = client.post(endpoint, json.dumps({"attendance": "moon"}),
                      content_type="application/json", **headers)
    assert bad.status_code == 400 and "attendance" in bad.json()["error"]["fields"]
