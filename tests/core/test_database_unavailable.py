"""While the database is restarting a page answers 503 with Retry-After, not 500: whether
the error comes from the view or from a middleware before it."""

import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client

from openigf.registration.views.pages import RegisterView
from tests.factories import EditionFactory, ForumFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(forum=ForumFactory(slug="igf"), year=2019)


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_view_losing_the_database_answers_503_with_retry_after(monkeypatch, edition, error):
    client = Client(raise_request_exception=False)
    client.force_login(PersonFactory())

    def restarting(*args, **kwargs):
        raise error("server closed the connection unexpectedly")

    monkeypatch.setattr(RegisterView, "get_context_data", restarting)
    response = client.get("/igf/2019/register/")
    assert (response.status_code, response["Retry-After"]) == (503, "5")
    assert "Try again in a moment" in response.content.decode()


def test_a_middleware_losing_the_database_answers_503_too(monkeypatch, edition):
    client = Client(raise_request_exception=False)

    def restarting(self, sql, params=None):
        raise OperationalError("the database system is shutting down")

    with monkeypatch.context() as patch:
        patch.setattr(CursorWrapper, "execute", restarting)
        response = client.get("/igf/2019/")  # the tenancy middleware's query fails first
    assert (response.status_code, response["Retry-After"]) == (503, "5")


def test_other_errors_stay_500(monkeypatch, edition):
    client = Client(raise_request_exception=False)
    client.force_login(PersonFactory())

    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(RegisterView, "get_context_data", broken)
    response = client.get("/igf/2019/register/")
    assert response.status_code == 500 and not response.has_header("Retry-After")
