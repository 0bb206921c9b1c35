"""One error body for the whole API, ``{"error": {"code", "message", "fields"}}``, whatever
went wrong: a domain refusal, a malformed body, a missing permission, a rate limit, a bug.

The exception handlers below are installed on the API; ``api.middleware`` gives Django's own
answers under ``/api/`` (its 404s, 500s, CSRF failures) the same body."""

import json
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as SchemaError
from ninja.parser import Parser

from openigf.core.errors import ApplicationError

logger = logging.getLogger("openigf.api")

MAX_DEPTH = 32  # nesting of a JSON body; nothing the API accepts is deeper than 4


def error_response(status: int, code: str, message: str, fields=None, headers=None):
    body = ApplicationError(message, code=code, fields=fields).as_dict()
    response = JsonResponse(body, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _too_deep(raw: bytes) -> bool:
    """Whether brackets nest deeper than MAX_DEPTH outside strings (checked before parsing,
    so that a deep body costs one pass instead of a recursion error)."""
    depth, in_string, escaped = 0, False, False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return False


def _bad_text(value) -> str | None:
    """Why a parsed JSON value cannot be stored as text (a NUL character or a lone
    surrogate), else None."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            if "\x00" in item:
                return _("Text may not contain the NUL character (\\u0000).")
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return _("Text may not contain a lone surrogate (\\ud800 to \\udfff).")
    return None


class StrictJsonParser(Parser):
    """JSON bodies as UTF-8, at most MAX_DEPTH deep, with text PostgreSQL can store."""

    def parse_body(self, request):
        raw = request.body
        if _too_deep(raw):
            raise ApplicationError(_("The body nests deeper than %(n)d levels.") % {
                "n": MAX_DEPTH}, code="malformed")
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise ApplicationError(_("The body is not valid JSON in UTF-8: %(error)s") % {
                "error": exc}, code="malformed") from None
        problem = _bad_text(data)
        if problem:
            raise ApplicationError(problem, code="malformed")
        return data


def _field_of(loc) -> str:
    """``("body", "payload", "title")`` -> ``title``; ``("query", "page")`` -> ``page``."""
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "payload", "filters",
                                              "paging")]
    return ".".join(parts) or "__all__"


def _schema_error(request, exc: SchemaError):
    fields = {}
    for error in exc.errors:
        fields.setdefault(_field_of(error.get("loc", ())), []).append(str(error.get("msg", "")))
    return error_response(400, "invalid", _("Some values are missing or malformed."), fields)


def _application_error(request, exc: ApplicationError):
    return JsonResponse(exc.as_dict(), status=exc.status)


def _validation_error(request, exc: ValidationError):
    fields = exc.message_dict if hasattr(exc, "error_dict") else {}
    return error_response(400, "invalid", "; ".join(exc.messages), fields)


def _http_error(request, exc: HttpError):
    if isinstance(exc.__cause__, ApplicationError):  # the parser's refusal, wrapped by ninja
        return _application_error(request, exc.__cause__)
    if isinstance(exc, Throttled):
        return error_response(429, "throttled", _("Too many requests: wait %(n)d seconds.") % {
            "n": exc.wait or 1}, headers={"Retry-After": str(exc.wait or 1)})
    if isinstance(exc, AuthenticationError):
        return error_response(401, "unauthenticated", _("Sign in or send a token."))
    code = {400: "malformed", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
            405: "method_not_allowed", 409: "conflict"}.get(exc.status_code, "error")
    return error_response(exc.status_code, code, str(exc))


def _not_found(request, exc: Http404):
    message = exc.args[0] if exc.args and isinstance(exc.args[0], str) else _("Not found.")
    return error_response(404, "not_found", message)


def _forbidden(request, exc: PermissionDenied):
    return error_response(403, "forbidden", _("Your role does not allow this."))


def _database_unavailable(request, exc):
    logger.warning("API call refused while the database is unavailable: %s", exc)
    return error_response(503, "unavailable", _("The database is restarting; try again in a "
                                                "few seconds."), headers={"Retry-After": "5"})


def _unexpected(request, exc: Exception):
    logger.exception("API call failed: %s %s", request.method, request.path)
    return error_response(500, "server_error", _("Something went wrong on our side; it has "
                                                 "been logged."))


HANDLERS = [
    (Exception, _unexpected),
    (OperationalError, _database_unavailable),
    (InterfaceError, _database_unavailable),
    (ApplicationError, _application_error),
    (ValidationError, _validation_error),
    (PermissionDenied, _forbidden),
    (Http404, _not_found),
    (HttpError, _http_error),
    (SchemaError, _schema_error),
]
