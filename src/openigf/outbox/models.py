"""The transactional outbox: a mail is a row written with the change that causes it."""

from email.utils import parseaddr

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed, will retry")
    GAVE_UP = "gave_up", _("Failed, needs attention")


class MessageQuerySet(models.QuerySet):
    def due(self, now=None):
        now = now or timezone.now()
        return self.filter(status__in=[Status.QUEUED, Status.FAILED], next_attempt_at__lte=now)


class OutboxMail(models.Model):
    forum = models.ForeignKey("forums.Forum", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    edition = models.ForeignKey("forums.Edition", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    to = models.EmailField(_("to"))
    reply_to = models.EmailField(_("reply to"), blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    html = models.TextField(_("HTML"), blank=True)
    kind = models.CharField(_("kind"), max_length=100, blank=True, db_index=True,
                            help_text=_("What caused it, e.g. proposal.submitted."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.QUEUED, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created = models.DateTimeField(_("queued at"), auto_now_add=True, db_index=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now,
                                           db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")

    def __str__(self):
        return f"{self.to}: {self.subject}"

    @property
    def message_id(self) -> str:
        """The ``Message-ID`` header, the same at every attempt, so that a copy sent again
        after a worker stopped mid-delivery is recognised as the same mail."""
        domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "openigf"
        return f"<outbox.{self.pk}.{self.created:%Y%m%d%H%M%S}@{domain}>"
