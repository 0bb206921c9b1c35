"""Dynamic Coalitions: formed by a statement, kept listed by a yearly activity report."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from openigf.community.enums import CoalitionStatus
from openigf.core import textlimits
from openigf.core.models import TimeStampedModel
from openigf.people.enums import StakeholderGroup

MIN_MEMBER_GROUPS = 3


class Coalition(TimeStampedModel):
    """A Dynamic Coalition, with its founding statement (need, action plan, mailing list,
    contacts)."""

    forum = models.ForeignKey("forums.Forum", on_delete=models.CASCADE,
                              related_name="coalitions", verbose_name=_("forum"))
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=80)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    need = models.TextField(_("why the coalition is needed"), max_length=textlimits.LONG)
    action_plan = models.TextField(_("action plan"), max_length=textlimits.LONG)
    mailing_list = models.CharField(_("mailing list"), max_length=200,
                                    help_text=_("Address or sign-up page of the open list."))
    website = models.URLField(_("website"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=CoalitionStatus.choices,
                              default=CoalitionStatus.PROPOSED, db_index=True)
    founded = models.PositiveSmallIntegerField(_("year founded"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("Dynamic Coalition")
        verbose_name_plural = _("Dynamic Coalitions")
        constraints = [
            models.UniqueConstraint(fields=["forum", "slug"], name="coalition_slug_unique"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("community:coalition", kwargs={"forum": self.forum.slug,
                                                      "coalition": self.slug})


class CoalitionMember(models.Model):
    """A member of a coalition; coordinators are its contacts and keep its record."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="coalition_memberships")
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    stakeholder_group = models.CharField(_("stakeholder group"), max_length=20,
                                         choices=StakeholderGroup.choices)
    email = models.EmailField(_("e-mail"), blank=True)
    coordinator = models.BooleanField(_("coordinator (contact)"), default=False)

    class Meta:
        ordering = ["-coordinator", "name"]
        verbose_name = _("coalition member")
        verbose_name_plural = _("coalition members")

    def __str__(self):
        return self.name


class CoalitionReport(TimeStampedModel):
    """The yearly activity report that keeps a coalition listed and eligible for a session."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="reports")
    year = models.PositiveSmallIntegerField(_("year"))
    activities = models.TextField(_("activities of the year"), max_length=textlimits.LONG)
    outputs = models.TextField(_("outputs"), blank=True, max_length=textlimits.LONG)
    output_url = models.URLField(_("link to the outputs"), blank=True)
    meetings = models.PositiveSmallIntegerField(_("meetings held"), default=0)
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-year"]
        verbose_name = _("activity report")
        verbose_name_plural = _("activity reports")
        constraints = [
            models.UniqueConstraint(fields=["coalition", "year"],
                                    name="coalition_report_unique"),
        ]

    def __str__(self):
        return f"{self.coalition} {self.year}"

    @property
    def forum_id(self):
        return self.coalition.forum_id
