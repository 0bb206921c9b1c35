"""The schedule exports kept as files per published version: answered early with one query,
validators and 304, a new file and a new ETag on each publication or edit that shows, nothing
of an unpublished edition, files rendered again when missing here.

The early answer sits in the WSGI application (``openigf.wsgi``), before Django's handler, so
these tests go through that callable: ``WsgiClient`` is the test client calling it."""

import gzip
import json
import os
import time
from wsgiref.util import setup_testing_defaults

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import OperationalError, close_old_connections, connection
from django.test import Client
from django.urls import resolve, reverse
from django.utils.datastructures import CaseInsensitiveMapping

from openigf.programme import domain, exportfiles, pagecache
from openigf.programme.models import Session
from openigf.wsgi import application
from tests.factories import PersonFactory, secretariat_of
from tests.programme import test_views
from tests.programme.test_views import programme, url

edition = pytest.fixture(name="edition")(test_views.edition.__wrapped__)

pytestmark = pytest.mark.django_db


class Answer:
    """What a WSGI server received: the status, the headers, the body, what sent it."""

    def __init__(self, status: str, headers: list, chunks):
        self.status_code = int(status.split()[0])
        self.headers = CaseInsensitiveMapping(dict(headers))
        self.iterable = chunks
        self.body = b"".join(chunks)
        if hasattr(chunks, "close"):
            chunks.close()

    def __getitem__(self, name):
        return self.headers[name]

    def __contains__(self, name):
        return name in self.headers

    def getvalue(self) -> bytes:
        return self.body


def call(environ, *, signals=True) -> Answer:
    """``openigf.wsgi.application`` called as a WSGI server calls it; with ``signals=False`` the
    test's connection is left open, as the test client leaves it (its transaction goes on)."""
    started = []
    if not signals:
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
    try:
        chunks = application(environ, lambda status, headers: started.append((status, headers)))
        return Answer(*started[0], chunks)
    finally:
        if not signals:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)


class WsgiClient(Client):
    """The test client (cookies, logins, headers), through the WSGI callable."""

    def request(self, **request):
        return call(self._base_environ(**request), signals=False)


@pytest.fixture
def client():
    return WsgiClient()


def files_of(edition):
    return sorted(p.name for p in exportfiles.folder(edition.pk).glob("schedule-*"))


@pytest.mark.parametrize("fmt", ["json", "xml", "ics", "csv"])
def test_a_kept_export_costs_one_query_and_answers_conditional_requests(
        client, edition, fmt, django_assert_num_queries):
    programme(edition, n=3)
    first = client.get(url("export", edition, fmt=fmt))
    body = first.getvalue()
    assert first.status_code == 200 and b"Session 0 on privacy" in body
    with django_assert_num_queries(1):
        again = client.get(url("export", edition, fmt=fmt))
    assert again.getvalue() == body and again["ETag"] == first["ETag"]
    assert first["ETag"].startswith('"') and not first["ETag"].startswith("W/")
    assert "Accept-Encoding" in first["Vary"] and first["Cache-Control"] == "public, no-cache"
    with django_assert_num_queries(1):
        assert client.get(url("export", edition, fmt=fmt),
                          HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url("export", edition, fmt=fmt),
                      HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert client.get(url("export", edition, fmt=fmt), HTTP_IF_NONE_MATCH=f'"x", {first["ETag"]}'
                      ).status_code == 304


def test_malformed_validators_are_ignored(client, edition):
    programme(edition, n=2)
    for header, bad in [("HTTP_IF_NONE_MATCH", 'W/"'), ("HTTP_IF_NONE_MATCH", "\x00garbage"),
                        ("HTTP_IF_NONE_MATCH", '"' * 300), ("HTTP_IF_NONE_MATCH", ""),
                        ("HTTP_IF_MODIFIED_SINCE", "yesterday-ish"),
                        ("HTTP_IF_MODIFIED_SINCE", "Mon, 99 Foo 2019 99:99:99 GMT")]:
        response = client.get(url("export", edition, fmt="json"), **{header: bad})
        assert response.status_code == 200 and json.loads(response.getvalue())


def test_gzip_is_the_same_file_compressed_with_its_own_validator(client, edition):
    programme(edition, n=3)
    plain = client.get(url("export", edition, fmt="xml"))
    zipped = client.get(url("export", edition, fmt="xml"), HTTP_ACCEPT_ENCODING="gzip, br")
    assert "Content-Encoding" not in plain and zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.getvalue()) == plain.getvalue()
    assert zipped["ETag"] != plain["ETag"]
    # a validator of the other encoding does not answer 304
    assert client.get(url("export", edition, fmt="xml"),
                      HTTP_IF_NONE_MATCH=zipped["ETag"]).status_code == 200


def test_a_new_publication_and_an_edit_that_shows_give_a_new_file_and_etag(client, edition):
    programme(edition, n=3)
    first = client.get(url("export", edition, fmt="json"))
    session = Session.objects.get(title="Session 1 on access")
    domain.session_update(session=session, title="Session 1, renamed")
    edited = client.get(url("export", edition, fmt="json"))
    assert b"Session 1, renamed" in edited.getvalue() and edited["ETag"] != first["ETag"]
    assert client.get(url("export", edition, fmt="json"),
                      HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    domain.release_publish(edition=edition, accept_broken=True)
    republished = client.get(url("export", edition, fmt="json"))
    assert republished["ETag"] not in (first["ETag"], edited["ETag"])
    assert json.loads(republished.getvalue())["schedule"]["version"] == "v2"


def test_a_lost_generation_never_brings_back_an_older_file(client, edition):
    programme(edition, n=2)
    first = client.get(url("export", edition, fmt="json"))
    cache.clear()  # a restarted cache: the edits since the files were written are unknown
    assert client.get(url("export", edition, fmt="json"))["ETag"] != first["ETag"]


def test_an_unpublished_editions_exports_are_not_found_but_by_its_secretariat(edition):
    programme(edition, n=2)
    edition.published = False
    edition.save()
    anonymous, someone, secretariat = WsgiClient(), WsgiClient(), WsgiClient()
    someone.force_login(PersonFactory())
    secretariat.force_login(secretariat_of(edition.forum))
    for fmt in ("json", "xml", "ics", "csv"):
        for path in (url("export", edition, fmt=fmt), url("export_moved", edition, fmt=fmt)):
            assert anonymous.get(path).status_code == 404
            assert someone.get(path).status_code == 404
            response = secretariat.get(path)
            assert response.status_code == 200 and b"Session 0" in response.getvalue()
    edition.published = True
    edition.save()
    assert anonymous.get(url("export", edition, fmt="json")).status_code == 200


def test_unknown_editions_and_formats_are_not_found(client, edition):
    programme(edition, n=1)
    assert client.get("/igf/1999/schedule.json").status_code == 404
    assert client.get("/nope/2019/agenda/schedule.xml").status_code == 404
    assert client.get(url("export", edition, fmt="pdf")).status_code == 404
    assert client.get(url("export", edition, fmt="x" * 3000)).status_code == 404


def test_files_missing_on_this_host_are_rendered_again(client, edition):
    programme(edition, n=2)
    first = client.get(url("export", edition, fmt="ics"))
    body = first.getvalue()
    names = files_of(edition)
    assert len(names) == 2 and any(n.endswith(".ics.gz") for n in names)
    for name in names:
        (exportfiles.folder(edition.pk) / name).unlink()
    again = client.get(url("export", edition, fmt="ics"))
    assert again.getvalue() == body and again["ETag"] == first["ETag"]
    assert files_of(edition) == names
    assert not list(exportfiles.folder(edition.pk).glob(".*"))  # no temporary file left


def test_files_of_older_versions_are_removed_once_no_one_sends_them(client, edition):
    programme(edition, n=2)
    client.get(url("export", edition, fmt="json"))
    old = files_of(edition)
    domain.release_publish(edition=edition, accept_broken=True)
    client.get(url("export", edition, fmt="json"))
    assert set(old) < set(files_of(edition))  # another process may still be sending them
    past = time.time() - exportfiles.KEEP_OLD_SECONDS - 1
    for name in old:
        os.utime(exportfiles.folder(edition.pk) / name, (past, past))
    pagecache.bump(edition.pk)
    client.get(url("export", edition, fmt="json"))
    assert not set(old) & set(files_of(edition))


def test_the_early_answer_covers_exactly_the_export_addresses(edition):
    for name in ("export", "export_moved"):
        path = url(name, edition, fmt="json")
        assert exportfiles.ADDRESS.match(path) and resolve(path).url_name == name
    for path in (url("mine_export", edition, fmt="ics"), url("agenda", edition),
                 reverse("programme:session_ics", kwargs={**edition.url_kwargs,
                                                          "session_id": 1})):
        assert not exportfiles.ADDRESS.match(path)


def test_the_first_address_names_the_canonical_one(client, edition):
    programme(edition, n=1)
    response = client.get(url("export_moved", edition, fmt="ics"))
    assert response["Link"] == '<http://testserver/igf/2019/schedule.ics>; rel="canonical"'
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.getvalue() == client.get(url("export", edition, fmt="ics")).getvalue()


class FileWrapper:
    """A server's ``wsgi.file_wrapper`` (gunicorn's hands the file to ``sendfile``)."""

    def __init__(self, file, block_size=8192):
        self.file, self.block_size = file, block_size

    def __iter__(self):
        return iter(lambda: self.file.read(self.block_size), b"")

    def close(self):
        self.file.close()


def environ_for(path, method="GET", **headers):
    environ = {"PATH_INFO": path, "REQUEST_METHOD": method, "HTTP_HOST": "testserver",
               "wsgi.file_wrapper": FileWrapper, **headers}
    setup_testing_defaults(environ)
    return environ


def test_the_wsgi_callable_sends_a_published_export_as_a_file(edition):
    programme(edition, n=2)
    path = url("export", edition, fmt="xml")
    sent = call(environ_for(path), signals=False)
    assert sent.status_code == 200 and isinstance(sent.iterable, FileWrapper)
    assert sent.iterable.file.name.endswith(".xml") and b"Session 0" in sent.getvalue()
    assert sent["Content-Length"] == str(len(sent.getvalue()))
    # the headers the rest of the stack would have added to this answer
    assert sent["X-Content-Type-Options"] == "nosniff"
    assert sent["Referrer-Policy"] == "same-origin"
    assert "default-src 'self'" in sent["Content-Security-Policy"]
    assert "X-Frame-Options" not in sent  # answered before Django's middleware
    unchanged = call(environ_for(path, HTTP_IF_NONE_MATCH=sent["ETag"]), signals=False)
    assert unchanged.status_code == 304 and unchanged.getvalue() == b""
    assert unchanged["ETag"] == sent["ETag"]
    head = call(environ_for(path, "HEAD"), signals=False)
    assert head.status_code == 200 and head.getvalue() == b""
    assert head["Content-Length"] == sent["Content-Length"]


def test_the_language_is_the_one_django_would_choose(edition):
    programme(edition, n=1)
    path = url("export", edition, fmt="json")
    assert call(environ_for(path), signals=False)["Content-Language"] == "en"
    french = call(environ_for(path, HTTP_ACCEPT_LANGUAGE="fr-CH, fr;q=0.9"), signals=False)
    assert french["Content-Language"] == "fr" and "Accept-Language" in french["Vary"]
    chosen = call(environ_for(path, HTTP_ACCEPT_LANGUAGE="fr",
                              HTTP_COOKIE=f"{settings.LANGUAGE_COOKIE_NAME}=es"), signals=False)
    assert chosen["Content-Language"] == "es"


def test_the_wsgi_callable_leaves_the_rest_to_django(edition):
    programme(edition, n=1)
    edition.published = False
    edition.save()
    hidden = call(environ_for(url("export", edition, fmt="json")), signals=False)
    assert hidden.status_code == 404 and "X-Frame-Options" in hidden  # Django's answer
    seen = []
    wrapped = exportfiles.ExportFilesApplication(
        lambda environ, start_response: seen.append(environ["PATH_INFO"]) or [b"django"])
    for path in (url("agenda", edition), "/static/x.css", url("export", edition, fmt="pdf")):
        assert wrapped(environ_for(path), lambda *a: None) == [b"django"]
    assert wrapped(environ_for(url("export", edition, fmt="json"), "POST"),
                   lambda *a: None) == [b"django"]
    assert len(seen) == 4


def test_a_database_error_goes_on_to_django(edition, monkeypatch):
    programme(edition, n=1)

    def down(*args):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(exportfiles, "_published_row", down)
    answered = call(environ_for(url("export", edition, fmt="json")), signals=False)
    assert answered.status_code == 200 and "X-Frame-Options" in answered  # by the view


@pytest.mark.django_db(transaction=True)
def test_a_database_restart_does_not_break_later_requests(edition):
    if connection.vendor != "postgresql":
        pytest.skip("needs a database server")
    programme(edition, n=1)
    path = url("export", edition, fmt="ics")
    first = call(environ_for(path))
    assert first.status_code == 200
    # the server ends the connection the process keeps open between requests (a restart)
    try:
        with connection.connection.cursor() as raw:
            raw.execute("SELECT pg_terminate_backend(pg_backend_pid())")
    except Exception:  # noqa: BLE001 (the connection is gone, as intended)
        pass
    again = call(environ_for(path))
    assert again.status_code == 200 and again["ETag"] == first["ETag"]
    assert "X-Frame-Options" not in again  # still answered early
    assert call(environ_for(path, HTTP_IF_NONE_MATCH=first["ETag"])).status_code == 304
