"""Best Practice Forums: yearly topics with facilitators, meetings and output documents."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from openigf.community.enums import FacilitatorRole, MeetingKind, OutputKind
from openigf.core import textlimits
from openigf.core.models import EditionOwnedModel, TimeStampedModel


class BestPracticeForum(EditionOwnedModel):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=80)
    topic = models.TextField(_("topic and scope"), max_length=textlimits.LONG)
    mailing_list = models.CharField(_("mailing list"), max_length=200, blank=True)
    facilitators = models.ManyToManyField(settings.AUTH_USER_MODEL, through="BpfFacilitator",
                                          related_name="bpfs_facilitated", blank=True)

    class Meta:
        ordering = ["edition", "name"]
        verbose_name = _("Best Practice Forum")
        verbose_name_plural = _("Best Practice Forums")
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="bpf_slug_unique"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("community:bpf", kwargs={**self.edition.url_kwargs, "bpf": self.slug})


class BpfFacilitator(models.Model):
    bpf = models.ForeignKey(BestPracticeForum, on_delete=models.CASCADE,
                            related_name="facilitator_roles")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="+")
    role = models.CharField(_("role"), max_length=20, choices=FacilitatorRole.choices,
                            default=FacilitatorRole.MAG)

    class Meta:
        ordering = ["role", "id"]
        constraints = [
            models.UniqueConstraint(fields=["bpf", "person"], name="bpf_facilitator_unique"),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


class BpfMeeting(TimeStampedModel):
    bpf = models.ForeignKey(BestPracticeForum, on_delete=models.CASCADE,
                            related_name="meetings")
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices,
                            default=MeetingKind.VIRTUAL)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True, max_length=textlimits.LONG)
    url = models.URLField(_("link to the recording or notes"), blank=True)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("meeting")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.title}"


class BpfOutput(TimeStampedModel):
    bpf = models.ForeignKey(BestPracticeForum, on_delete=models.CASCADE, related_name="outputs")
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=OutputKind.choices,
                            default=OutputKind.FINAL)
    published = models.DateField(_("published on"))
    summary = models.TextField(_("summary"), blank=True, max_length=textlimits.LONG)
    url = models.URLField(_("link"), blank=True)
    document = models.FileField(_("document"), upload_to="community/bpf/", blank=True)

    class Meta:
        ordering = ["published", "id"]
        verbose_name = _("output document")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not self.url and not self.document and not self.summary:
            raise ValidationError({"url": _("Give a link, a document or a summary.")})
