"""Every write on API tokens: issue (within the person's scopes, at most a year) and revoke."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from openigf.api.models import ApiToken
from openigf.api.scopes import scopes_allowed
from openigf.core.audit import audit_log
from openigf.core.errors import ApplicationError

DEFAULT_DAYS = 90
MAX_DAYS = 365


def token_issue(*, person, name: str, scopes=(), days: int = DEFAULT_DAYS) -> tuple:
    """Give ``person`` a token that reads what they may read and changes only what ``scopes``
    name (each among those their roles allow), for ``days`` (1 to 365). Returns ``(token,
    secret)``: the secret is shown once and never stored.

    Side effects: the token; audit log ``api_token.issue``."""
    errors = {}
    if not 1 <= days <= MAX_DAYS:
        errors["days"] = _("Between 1 and %(max)d days.") % {"max": MAX_DAYS}
    refused = sorted(set(scopes) - set(scopes_allowed(person)))
    if refused:
        errors["scopes"] = _("Your roles do not allow: %(scopes)s.") % {
            "scopes": ", ".join(refused)}
    if not name.strip():
        errors["name"] = _("Say what the token is for.")
    if errors:
        raise ApplicationError(_("The token cannot be made: fix what is marked."),
                               fields=errors)
    token, secret = ApiToken.issue(person=person, name=name.strip()[:100], scopes=scopes,
                                   expires=timezone.now() + datetime.timedelta(days=days))
    audit_log(action="api_token.issue", obj=token, actor=person,
              changes={"scopes": token.scopes, "expires": token.expires})
    return token, secret


def token_revoke(*, token: ApiToken) -> ApiToken:
    """Stop a token at once (revoking twice changes nothing). Side effects: ``revoked``;
    audit log ``api_token.revoke``."""
    if token.revoked is None:
        token.revoked = timezone.now()
        token.save(update_fields=["revoked"])
        audit_log(action="api_token.revoke", obj=token)
    return token
