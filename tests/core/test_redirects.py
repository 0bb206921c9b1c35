"""``next`` after a form goes only to a page of this site (core.redirects), wherever it is
used: sign-up, sign-in, the programme's star form."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from openigf.core.redirects import is_safe_next, safe_next
from tests.factories import PASSWORD, EditionFactory, ForumFactory, PersonFactory
from tests.programme.factories import SessionFactory

OUTSIDE = ["https://evil.example", "https://evil.example/igf/", "//evil.example",
           "///evil.example", "/\\evil.example", "\\\\evil.example", "https:evil.example",
           "http://testserver@evil.example/", " //evil.example", "/\t/evil.example",
           "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "igf/2019/"]


@pytest.mark.parametrize("url", OUTSIDE)
def test_safe_next_refuses_other_hosts_and_schemes(rf, url):
    request = rf.post("/accounts/signup/", {"next": url})
    assert (is_safe_next(url, request), safe_next(request, "/fallback/")) == \
        (False, "/fallback/")


@pytest.mark.parametrize("url", ["/", "/igf/2019/", "/igf/2019/agenda/?day=2#s3"])
def test_safe_next_keeps_pages_of_this_site(rf, url):
    assert safe_next(rf.get("/accounts/login/", {"next": url}), "/fallback/") == url


def test_safe_next_falls_back_to_the_same_site_referer_only(rf):
    came = RequestFactory(HTTP_REFERER="http://testserver/igf/2019/agenda/?day=2")
    assert safe_next(came.get("/accounts/login/"), "/", referer=True) == "/igf/2019/agenda/?day=2"
    other = RequestFactory(HTTP_REFERER="https://evil.example/igf/")
    assert safe_next(other.get("/accounts/login/"), "/", referer=True) == "/"
    account = RequestFactory(HTTP_REFERER="http://testserver/accounts/signup/")
    assert safe_next(account.get("/accounts/login/"), "/", referer=True,
                     avoid=("/accounts/",)) == "/"


SIGNUP = {"password": "a-long-unusual-passphrase", "name": "Ada Mensah",
          "preferred_language": "en"}


@pytest.mark.django_db
@pytest.mark.parametrize("url", OUTSIDE)
def test_signup_never_follows_next_to_another_site(client, url):
    response = client.post(f"/accounts/signup/?next={url}", {**SIGNUP, "email": "a@example.org"})
    assert (response.status_code, response["Location"]) == (302, "/")


@pytest.mark.django_db
@pytest.mark.parametrize("url", OUTSIDE)
def test_signin_never_follows_next_to_another_site(client, url):
    person = PersonFactory()
    response = client.post("/accounts/login/", {"username": person.email,
                                                "password": PASSWORD, "next": url})
    assert (response.status_code, response["Location"]) == (302, "/")


@pytest.mark.django_db
def test_signup_returns_to_the_page_one_came_from(client):
    page = client.get("/accounts/signup/", HTTP_REFERER="http://testserver/igf/2019/agenda/")
    assert 'action="/accounts/signup/?next=%2Figf%2F2019%2Fagenda%2F"' in page.content.decode()
    response = client.post("/accounts/signup/?next=%2Figf%2F2019%2Fagenda%2F",
                           {**SIGNUP, "email": "a@example.org"})
    assert response["Location"] == "/igf/2019/agenda/"


@pytest.mark.django_db
def test_signin_returns_to_the_page_one_came_from(client):
    person = PersonFactory()
    page = client.get("/accounts/login/", HTTP_REFERER="http://testserver/igf/2019/agenda/")
    assert 'action="/accounts/login/?next=%2Figf%2F2019%2Fagenda%2F"' in page.content.decode()
    response = client.post("/accounts/login/?next=%2Figf%2F2019%2Fagenda%2F",
                           {"username": person.email, "password": PASSWORD})
    assert response["Location"] == "/igf/2019/agenda/"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["//evil.example", "https://evil.example", "javascript:x",
                                 "/\\evil.example"])
def test_star_form_never_follows_next_to_another_site(client, url):
    edition = EditionFactory(forum=ForumFactory(slug="igf"))
    session = SessionFactory(edition=edition)
    client.force_login(PersonFactory())
    star = reverse("programme:star", kwargs={**edition.url_kwargs, "session_id": session.pk})
    response = client.post(star, {"next": url})
    assert (response.status_code, response["Location"]) == (302, session.get_absolute_url())
    kept = client.post(star, {"next": "/igf/2019/agenda/"})
    assert kept["Location"] == "/igf/2019/agenda/"
