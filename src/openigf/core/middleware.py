import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest
from django.template import loader
from django.utils.translation import gettext as _

from openigf.core.audit import _actor

log = logging.getLogger(__name__)
DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 5


class ActorMiddleware:
    """Make the signed-in person the actor of every audit entry written by this request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _actor.set(getattr(request, "user", None))
        try:
            return self.get_response(request)
        finally:
            _actor.reset(token)


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
MAX_DIGITS = 4000  # Python refuses to read integers longer than 4,300 digits


class BadInputMiddleware:
    """Refuse with 400 and a message, before any query runs, what no page or API call can
    mean and PostgreSQL cannot store or compare: a NUL character in the address, the query
    string, a cookie or a form field, and numbers too long to read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = _bad_path_or_query(request) or _bad_values(request.COOKIES.values())
        if problem:
            return _refuse(problem)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Form bodies of the views CSRF protects (it reads them anyway), so that a view exempt
        # from it may still choose how its uploads are read.
        if request.method == "POST" and not getattr(view_func, "csrf_exempt", False) and \
                request.content_type in FORM_TYPES:
            problem = _bad_values(v for key in request.POST for v in
                                  [key, *request.POST.getlist(key)])
            if problem:
                return _refuse(problem)
        return None


def _bad_path_or_query(request) -> str:
    if "\x00" in request.path:
        return _("The address contains a NUL character.")
    return _bad_values(v for key in request.GET for v in [key, *request.GET.getlist(key)])


def _bad_values(values) -> str:
    for value in values:
        if "\x00" in value:
            return _("A value contains a NUL character (%00).")
        digits = value.strip().lstrip("+-")
        if len(digits) > MAX_DIGITS and digits.isdigit():
            return _("A number is longer than %(n)d digits.") % {"n": MAX_DIGITS}
    return ""


def _refuse(message: str):
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def database_unavailable() -> HttpResponse:
    """503 with ``Retry-After``: the database is restarting or unreachable for a moment.
    The page is standalone: rendering it queries nothing."""
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseUnavailableMiddleware:
    """A page whose database connection fails (a PostgreSQL restart, a failover) answers 503
    with ``Retry-After`` instead of 500, so browsers, proxies and clients try again. Errors
    raised before the view (in another middleware) reach ``views_system.server_error``,
    which answers the same; the API answers its own JSON 503 (``api.errors``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            log.warning("%s %s: database unavailable (%s), answered 503", request.method,
                        request.path, exception)
            return database_unavailable()
        return None
