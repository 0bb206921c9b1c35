"""The JSON API: the same permissions as the pages, one error body, token or session auth."""

import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from openigf.api.models import ApiToken
from openigf.core.errors import ApplicationError


def error_response(code: str, message: str, status: int, fields=None) -> JsonResponse:
    return JsonResponse(ApplicationError(message, code=code, fields=fields).as_dict(),
                        status=status)


@method_decorator(csrf_exempt, name="dispatch")
class ApiView(View):
    """Base of every API endpoint.

    A request with ``Authorization: Bearer <token>`` acts as the token's person (no CSRF: no
    cookie is involved); otherwise the session's person, with Django's CSRF check for writes.
    ``permission_required`` is checked against ``get_permission_object()`` (default: the
    request's edition or forum). Errors become ``{"error": {"code", "message", "fields"}}``.
    """

    permission_required: str | None = None

    def get_permission_object(self):
        return self.request.edition or self.request.forum

    def dispatch(self, request, *args, **kwargs):
        header = request.headers.get("Authorization", "")
        if header.startswith("Bearer "):
            person = ApiToken.resolve(header.removeprefix("Bearer ").strip())
            if person is None:
                return error_response("unauthenticated", "The token is unknown, expired or "
                                      "revoked.", 401)
            request.user = person
        elif request.method not in ("GET", "HEAD", "OPTIONS"):
            from django.middleware.csrf import CsrfViewMiddleware

            reason = CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {})
            if reason is not None:
                return error_response("csrf", "Send a token or a CSRF header.", 403)
        try:
            if self.permission_required and not request.user.has_perm(
                    self.permission_required, self.get_permission_object()):
                if not request.user.is_authenticated:
                    return error_response("unauthenticated", "Sign in or send a token.", 401)
                return error_response("forbidden", "Your role does not allow this.", 403)
            return super().dispatch(request, *args, **kwargs)
        except ApplicationError as exc:
            return JsonResponse(exc.as_dict(), status=exc.status)
        except ValidationError as exc:
            fields = exc.message_dict if hasattr(exc, "error_dict") else {}
            return error_response("invalid", "; ".join(exc.messages), 400, fields)
        except PermissionDenied:
            return error_response("forbidden", "Your role does not allow this.", 403)
        except Http404 as exc:
            return error_response("not_found", str(exc) or "Not found.", 404)

    def json_body(self) -> dict:
        try:
            data = json.loads(self.request.body or b"{}")
        except (ValueError, UnicodeDecodeError) as exc:
            raise ApplicationError(f"The body is not valid JSON: {exc}") from None
        if not isinstance(data, dict):
            raise ApplicationError("The body must be a JSON object.")
        return data

    def http_method_not_allowed(self, request, *args, **kwargs):
        return error_response("method_not_allowed", f"{request.method} is not allowed here.",
                              405)


class MeView(ApiView):
    permission_required = "people.view_own_data"

    def get_permission_object(self):
        return None

    def get(self, request):
        person = request.user
        return JsonResponse({"id": person.pk, "name": person.name, "email": person.email,
                             "stakeholder_group": person.stakeholder_group,
                             "regional_group": person.regional_group})


class EditionView(ApiView):
    permission_required = "forums.view_edition"

    def get(self, request):
        edition = request.edition
        return JsonResponse({
            "forum": edition.forum.slug, "edition": edition.slug, "title": edition.title,
            "year": edition.year, "start_date": edition.start_date.isoformat(),
            "end_date": edition.end_date.isoformat(), "timezone": edition.timezone,
            "themes": [{"name": t.name, "slug": t.slug} for t in edition.themes.all()],
            "phases": [{"phase": p["phase"], "opens": p["opens"].isoformat(),
                        "closes": p["closes"].isoformat(), "state": p["state"]}
                       for p in edition.phases()],
        })
