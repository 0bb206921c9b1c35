"""System checks of the deployment (``openigf check --deploy``)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0", ""}


@register(Tags.security, deploy=True)
def site_url_check(app_configs=None, **kwargs):
    """Every link in a mail is built from ``SITE_URL``: in production it must be the
    public address of the site."""
    parts = urlsplit(getattr(settings, "SITE_URL", "") or "")
    if parts.hostname in LOCAL_HOSTS or parts.hostname is None:
        return [Warning(
            f"SITE_URL is unset or local ({settings.SITE_URL!r}): the links in every mail "
            "(password reset, invitations, decisions) would point there.",
            hint="Set the environment variable SITE_URL to the public address of the site, "
                 "e.g. https://forum.example.org.", id="openigf.W001")]
    if parts.scheme != "https":
        return [Warning(
            f"SITE_URL does not use https ({settings.SITE_URL!r}): links in mails would "
            "send people to an unencrypted address.",
            hint="Use https:// in SITE_URL.", id="openigf.W002")]
    return []
