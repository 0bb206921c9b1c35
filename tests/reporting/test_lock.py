"""The Secretariat locks a report from its page (and unlocks it); its writers then see it
locked and cannot change it."""

import pytest
from django.urls import reverse

from openigf.reporting import domain
from openigf.reporting.models import Report
from tests.factories import secretariat_of
from tests.reporting.test_reporting import session, url  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def lock_url(session):  # noqa: F811
    return reverse("reporting:report_lock", kwargs={**session.edition.url_kwargs,
                                                    "session_id": session.pk, "kind": "short"})


def test_the_secretariat_locks_and_unlocks_a_report_from_its_page(client, session):  # noqa: F811
    domain.report_save(session=session, kind="short", takeaways=["One"], submit=True)
    client.force_login(secretariat_of(session.edition.forum))
    page = client.get(url(session)).content.decode()
    assert lock_url(session) in page and "Lock the report" in page

    response = client.post(lock_url(session), {"locked": "1"})
    assert response.status_code == 302 and response["Location"] == url(session)
    assert Report.objects.get(session=session, kind="short").locked
    page = client.get(url(session)).content.decode()
    assert "The Secretariat has locked this report." in page and "Unlock the report" in page

    client.force_login(session.rapporteur)
    refused = client.post(url(session), {"takeaway_1": "Changed", "submit": ""})
    assert "locked" in refused.content.decode()
    assert Report.objects.get(session=session, kind="short").takeaways == ["One"]

    client.force_login(secretariat_of(session.edition.forum))
    client.post(lock_url(session), {"locked": "0"})
    assert not Report.objects.get(session=session, kind="short").locked


def test_writers_cannot_lock_their_report(client, session):  # noqa: F811
    domain.report_save(session=session, kind="short", takeaways=["One"], submit=True)
    client.force_login(session.rapporteur)
    assert "Lock the report" not in client.get(url(session)).content.decode()
    assert client.post(lock_url(session), {"locked": "1"}).status_code == 403
    assert not Report.objects.get(session=session, kind="short").locked
