"""How often sign-in, password reset and sign-up may be tried, per account (the e-mail
address typed) and per network address (see ``core.throttle``)."""

from django.utils.translation import gettext as _

from openigf.core.throttle import Limit

LOGIN_ACCOUNT = Limit("login.account", count=10, seconds=15 * 60)
LOGIN_NETWORK = Limit("login.network", count=50, seconds=15 * 60)
RESET_ACCOUNT = Limit("reset.account", count=3, seconds=60 * 60)
RESET_NETWORK = Limit("reset.network", count=20, seconds=60 * 60)
SIGNUP_ACCOUNT = Limit("signup.account", count=3, seconds=60 * 60)
SIGNUP_NETWORK = Limit("signup.network", count=10, seconds=60 * 60)

THROTTLED = "throttled"


def too_many(limit: Limit) -> str:
    return _("Too many attempts. For your safety, try again in %(minutes)d minutes.") % {
        "minutes": limit.minutes}
