"""Who is calling and what they may do, checked before the body is read.

Every operation carries an ``Access``: it applies the address rate limit, then acts as the
person of an ``Authorization: Bearer`` token (no CSRF: no cookie is involved; the token's rate
limit and scopes apply) or of the session (Django's CSRF check for writes, as on the pages),
then checks the operation's permission, the same django-rules permission as the page, against
the object the path names. A refusal is 401 for nobody, 403 for a role that does not allow it,
404 where even saying that the object exists would tell too much.
"""

from collections.abc import Callable

from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext as _
from ninja.security.http import HttpAuthBase

from openigf.api import throttle
from openigf.api.models import ApiToken
from openigf.core.audit import actor_set
from openigf.core.errors import ApplicationError, NotAllowed

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class Unauthenticated(ApplicationError):
    status = 401
    code = "unauthenticated"


class NotFound(ApplicationError):
    status = 404
    code = "not_found"


def _csrf_failure(request) -> bool:
    return CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {}) is not None


def authenticate(request) -> None:
    """Settle ``request.user`` and ``request.api_token`` once per request."""
    if hasattr(request, "api_token"):
        return
    throttle.check("address", throttle.address_of(request))
    request.api_token = None
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _sep, raw = header.partition(" ")
        token = ApiToken.resolve(raw.strip()) if scheme.lower() == "bearer" else None
        if token is None:
            raise Unauthenticated(_("The token is unknown, expired or revoked."))
        throttle.check("token", str(token.pk))
        request.user, request.api_token = token.person, token
        actor_set(token.person)
    elif request.method not in SAFE_METHODS and request.user.is_authenticated \
            and _csrf_failure(request):
        raise NotAllowed(_("Send the CSRF token with a signed-in session, or use an API "
                           "token."), code="csrf")


def require(request, permission: str, obj=None, *, scope: str | None = None) -> None:
    """Refuse unless the caller may ``permission`` on ``obj`` and, with a token, holds
    ``scope``."""
    user = request.user
    if not user.has_perm(permission, obj):
        if not user.is_authenticated:
            raise Unauthenticated(_("Sign in or send a token."))
        raise NotAllowed(_("Your role does not allow this."))
    token = getattr(request, "api_token", None)
    if scope and token is not None and scope not in token.scopes:
        raise NotAllowed(_("This token may not do this: it lacks the scope %(scope)s.") % {
            "scope": scope}, code="scope")


def edition_or_forum(request):
    return request.edition or request.forum


class BearerToken(HttpAuthBase):
    """The API's one security scheme (``Authorization: Bearer oigf_…``; a signed-in session
    works too). ``permission`` is checked against ``target(request)`` (default: the edition,
    else the forum of the path; a target raises ``NotFound`` for an object the caller may not
    even see); ``scope`` is what a token needs for this operation."""

    openapi_scheme = "bearer"
    openapi_description = ("A personal token from /me/tokens/ (oigf_…). Without one, a call "
                           "reads what anybody may read; a signed-in browser session also "
                           "works, with Django's CSRF token for writes.")

    def __init__(self, permission: str | None = None, *,
                 target: Callable = edition_or_forum, scope: str | None = None):
        super().__init__()
        self.permission, self.target, self.scope = permission, target, scope

    def __call__(self, request):
        authenticate(request)
        if self.permission:
            require(request, self.permission, self.target(request), scope=self.scope)
        return True
