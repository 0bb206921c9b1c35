"""The Secretariat cancels a session from its manage page: it leaves the working schedule and
its page says it is cancelled; only the Secretariat may, and twice changes nothing."""

import pytest

from openigf.core.models import AuditEntry
from openigf.programme.models import Session, SessionStatus
from tests.factories import PersonFactory, secretariat_of
from tests.programme.test_views import edition, programme, url  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_the_secretariat_cancels_a_session_from_its_manage_page(client, edition):  # noqa: F811
    programme(edition, n=2)
    session = Session.objects.filter(edition=edition, starts_at__isnull=False).first()
    client.force_login(secretariat_of(edition.forum))
    manage = url("manage_session", edition, session_id=session.pk)
    cancel = url("manage_session_cancel", edition, session_id=session.pk)
    page = client.get(manage).content.decode()
    assert cancel in page and "Cancel this session" in page

    response = client.post(cancel)
    assert response.status_code == 302 and response["Location"] == manage
    session.refresh_from_db()
    assert session.status == SessionStatus.CANCELLED
    assert session.starts_at is None and session.room is None
    assert "This session is cancelled." in client.get(manage).content.decode()
    assert "This session is cancelled." in client.get(session.get_absolute_url()).content.decode()

    client.post(cancel)
    assert AuditEntry.objects.filter(action="session.cancel").count() == 1


def test_only_the_secretariat_cancels_a_session(client, edition):  # noqa: F811
    programme(edition, n=1)
    session = Session.objects.get(edition=edition)
    client.force_login(PersonFactory())
    cancel = url("manage_session_cancel", edition, session_id=session.pk)
    assert client.post(cancel).status_code == 403
    assert client.get(cancel).status_code == 403
    session.refresh_from_db()
    assert session.status != SessionStatus.CANCELLED
