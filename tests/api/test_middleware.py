"""Django's own error answers under /api/ become the API's JSON error body."""

import json

from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseServerError
from django.test import RequestFactory

from openigf.api.middleware import JsonErrorsMiddleware


def _through(path, response):
    return JsonErrorsMiddleware(lambda request: response)(RequestFactory().get(path))


def test_an_html_500_under_the_api_becomes_json():
    answer = _through("/api/v1/forums/", HttpResponseServerError("<h1>Server Error</h1>"))
    code = json.loads(answer.content)["error"]["code"]
    assert (answer.status_code, answer["Content-Type"], code) == (500, "application/json",
                                                                 "server_error")


def test_a_405_keeps_its_allow_header():
    answer = _through("/api/v1/forums/", HttpResponseNotAllowed(["GET"]))
    assert (answer.status_code, answer["Allow"], json.loads(answer.content)["error"]["code"]) == (
        405, "GET", "method_not_allowed")


def test_pages_keep_their_html():
    page = HttpResponseServerError("<h1>Server Error</h1>")
    assert _through("/igf/2019/", page) is page
    ok = HttpResponse("{}", content_type="application/json")
    assert _through("/api/v1/forums/", ok) is ok
