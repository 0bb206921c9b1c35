"""Everything under ``/api/`` (included first by the root URLs, so no page pattern ever answers
there): the API's operations, and a JSON 404 for any other address.

Each operation's view is wrapped so that it keeps the ``forum`` and ``edition`` path values
the tenancy middleware resolved (and removed), sees its path values as
``request.api_kwargs``, and answers a GET with an ``ETag`` (``304`` to a matching
``If-None-Match``)."""

import functools

from django.shortcuts import redirect
from django.urls import path, re_path
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from openigf.api.api import api
from openigf.api.errors import error_response

TENANCY = ("forum", "edition")


def _operation(view, names: set):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if "edition" in names and request.edition is not None:
            kwargs["edition"] = request.edition.slug
        if "forum" in names and request.forum is not None:
            kwargs["forum"] = request.forum.slug
        request.api_kwargs = kwargs
        response = view(request, *args, **kwargs)
        if request.method in ("GET", "HEAD"):
            patch_vary_headers(response, ("Authorization", "Cookie"))
            if response.status_code == 200 and not response.streaming:
                set_response_etag(response)
                response = get_conditional_response(request, etag=response["ETag"],
                                                    response=response)
        return response

    return wrapped


def _docs_home(request, *args, **kwargs):
    return redirect(f"{api.urls_namespace}:openapi-view")


def _api_urls():
    """The API's URL patterns, one per path (ninja makes one per operation, all alike: the
    first one's name, its GET's, names the path)."""
    patterns, app_name, namespace = api.urls
    seen = set()
    patterns = [p for p in patterns if not (str(p.pattern) in seen or seen.add(str(p.pattern)))]
    for pattern in patterns:
        if pattern.name == "api-root":
            pattern.callback = _docs_home
        elif pattern.name not in ("openapi-json", "openapi-view"):
            pattern.callback = _operation(pattern.callback, set(pattern.pattern.converters))
    return patterns, app_name, namespace


@csrf_exempt  # a write to an unknown address is a 404, whoever sends it
def not_found(request, *args, **kwargs):
    return error_response(404, "not_found", _("There is nothing at this address; the API is "
                                              "at /api/v1/."))


urlpatterns = [
    path("v1/", _api_urls()),
    re_path(r"", not_found),
]
