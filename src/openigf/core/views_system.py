"""Error pages, the health check and the site icon."""

import sys
from functools import cache
from pathlib import Path

from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _

from openigf.core.errors import ApplicationError
from openigf.core.middleware import DATABASE_ERRORS, database_unavailable


def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@cache
def _favicon() -> bytes:
    return (Path(__file__).resolve().parent.parent / "static/openigf/favicon.ico").read_bytes()


def favicon(request):
    """``/favicon.ico``, which browsers ask for whatever the page links."""
    response = HttpResponse(_favicon(), content_type="image/vnd.microsoft.icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def permission_denied(request, exception=None):
    return render(request, "403.html", {"reason": str(exception or "")}, status=403)


def page_not_found(request, exception=None):
    message = ""
    if exception is not None and exception.args and isinstance(exception.args[0], str):
        message = exception.args[0]
    if request.path.startswith("/api/"):  # the API answers in JSON, never a page
        return JsonResponse(ApplicationError(message or _("There is nothing at this address."),
                                             code="not_found").as_dict(), status=404)
    return render(request, "404.html", {"message": message}, status=404)


def server_error(request):
    """500, unless the error is the database being unavailable (raised by a middleware,
    before any view): then 503 with ``Retry-After``. Django calls this while handling the
    exception, so ``sys.exc_info()`` holds it."""
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return database_unavailable()
    return HttpResponseServerError(loader.get_template("500.html").render())
