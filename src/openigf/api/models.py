"""Personal API tokens: how programs (a captioner's feed, a script) act as a person."""

import hashlib
import hmac
import re
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openigf.api.scopes import scopes_allowed

PREFIX = "oigf"
KEY_ID = re.compile(r"[0-9a-f]{12}")


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def usable(self):
        now = timezone.now()
        return self.filter(revoked__isnull=True).filter(
            models.Q(expires__isnull=True) | models.Q(expires__gt=now))


class ApiToken(models.Model):
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100,
                            help_text=_("What the token is for, e.g. “captions room 3”."))
    key_id = models.CharField(max_length=12, unique=True)
    key_hash = models.CharField(max_length=64)
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField(_("expires"), null=True, blank=True)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked = models.DateTimeField(_("revoked"), null=True, blank=True)
    scopes = models.JSONField(_("scopes"), default=list, blank=True,
                              help_text=_("What the token may change besides reading "
                                          "(see api.scopes)."))

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("API token")

    def __str__(self):
        return f"{self.name} ({PREFIX}_{self.key_id}_…)"

    @classmethod
    def issue(cls, *, person, name: str, expires=None, scopes=None) -> tuple["ApiToken", str]:
        """Create a token (``scopes`` default: every scope the person's roles allow); the full
        secret is returned once and never stored. Checks nothing: ``api.domain.token_issue``
        is the way a person gets one."""
        if scopes is None:
            scopes = scopes_allowed(person)
        key_id, secret = secrets.token_hex(6), secrets.token_urlsafe(32)
        token = cls.objects.create(person=person, name=name, key_id=key_id,
                                   key_hash=_digest(secret), expires=expires,
                                   scopes=sorted(set(scopes)))
        return token, f"{PREFIX}_{key_id}_{secret}"

    @classmethod
    def resolve(cls, raw: str) -> "ApiToken | None":
        """The usable token a presented secret stands for (its person loaded), or None."""
        try:
            prefix, key_id, secret = raw.split("_", 2)
        except ValueError:
            return None
        if prefix != PREFIX or not KEY_ID.fullmatch(key_id):
            return None
        token = cls.objects.usable().select_related("person").filter(key_id=key_id).first()
        if token is None or not hmac.compare_digest(token.key_hash, _digest(secret)):
            return None
        if not token.person.is_active:
            return None
        cls.objects.filter(pk=token.pk).update(last_used=timezone.now())
        return token
