"""Under ``/api/`` every error is JSON: Django's own answers (its 404 for an unknown address or
edition, a 500 page, a CSRF refusal, a 405, the bad-input 400) are turned into the API's error
body with the same status and headers (``Allow``, ``Retry-After``)."""

from django.utils.translation import gettext as _

from openigf.api.errors import error_response

PREFIX = "/api/"
CODES = {400: "malformed", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
         405: "method_not_allowed", 409: "conflict", 413: "too_large", 429: "throttled"}
KEPT_HEADERS = ("Allow", "Retry-After", "Vary")


def _message(status: int, response) -> str:
    messages = {
        400: _("The request is malformed."),
        403: _("Your role does not allow this."),
        404: _("There is nothing at this address."),
        405: _("This method is not allowed here."),
        413: _("The request is too large."),
    }
    if status == 400 and response.get("Content-Type", "").startswith("text/plain"):
        text = response.content.decode("utf-8", "replace").strip()
        if text:
            return text
    return messages.get(status, _("Something went wrong on our side; it has been logged.")
                        if status >= 500 else _("The request was refused."))


class JsonErrorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(PREFIX) or response.status_code < 400:
            return response
        if response.get("Content-Type", "").startswith("application/json"):
            return response
        status = response.status_code
        code = CODES.get(status, "server_error" if status >= 500 else "error")
        message = _message(status, response)
        if status == 403 and b"CSRF" in (getattr(response, "content", b"") or b""):
            code, message = "csrf", _("The CSRF check failed: send the CSRF token with a "
                                      "signed-in session, or use an API token.")
        headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
        return error_response(status, code, message, headers=headers)
