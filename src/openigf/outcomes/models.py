"""IGF Messages (per theme, with their sessions and public comments) and the Chair's Summary
with its versions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from openigf.core import textlimits
from openigf.core.models import TimeStampedModel


class MessageStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    COMMENT = "comment", _("Open for public comment")
    FINAL = "final", _("Final")


class IgfMessage(TimeStampedModel):
    edition = models.ForeignKey("forums.Edition", on_delete=models.CASCADE,
                                related_name="igf_messages")
    theme = models.ForeignKey("forums.Theme", on_delete=models.CASCADE,
                              related_name="igf_messages", verbose_name=_("theme"))
    subheading = models.CharField(_("sub-heading"), max_length=200, blank=True)
    text = models.TextField(_("message"), max_length=textlimits.LONG)
    sessions = models.ManyToManyField("programme.Session", blank=True, related_name="+",
                                      verbose_name=_("sessions it comes from"))
    status = models.CharField(max_length=10, choices=MessageStatus.choices,
                              default=MessageStatus.DRAFT)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["edition", "theme__order", "subheading", "order", "pk"]
        verbose_name = _("message")

    def __str__(self):
        return self.text[:60]


class MessageComment(TimeStampedModel):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Published")
        REJECTED = "rejected", _("Not published")

    message = models.ForeignKey(IgfMessage, on_delete=models.CASCADE, related_name="comments")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="message_comments")
    text = models.TextField(_("comment"), max_length=3000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)

    class Meta:
        ordering = ["created"]

    def __str__(self):
        return self.text[:40]


class ChairsSummary(TimeStampedModel):
    edition = models.OneToOneField("forums.Edition", on_delete=models.CASCADE,
                                   related_name="chairs_summary")
    introduction = models.TextField(_("introduction"), blank=True, max_length=textlimits.DOCUMENT)
    published = models.BooleanField(default=False)

    def __str__(self):
        return f"Chair's Summary {self.edition}"


class ChairsSummaryVersion(models.Model):
    summary = models.ForeignKey(ChairsSummary, on_delete=models.CASCADE,
                                related_name="versions")
    number = models.PositiveIntegerField()
    introduction = models.TextField(max_length=textlimits.DOCUMENT)
    facts = models.JSONField(default=dict)
    created = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                           related_name="+")

    class Meta:
        ordering = ["-number"]

    def __str__(self):
        return f"v{self.number}"
