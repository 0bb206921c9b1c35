"""National, sub-regional, regional and youth IGF initiatives (NRIs)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from openigf.community.enums import NriKind, NriStatus, Principle, RequestStatus
from openigf.core import textlimits
from openigf.core.models import TimeStampedModel
from openigf.people.enums import RegionalGroup, StakeholderGroup

MIN_TEAM_GROUPS = 3


class InitiativeQuerySet(models.QuerySet):
    def listed(self):
        """Recognised initiatives that keep their listing (the public directory)."""
        return self.filter(status=NriStatus.RECOGNISED)


class Initiative(TimeStampedModel):
    """An NRI in the registry of a forum (the IGF recognises them). It may itself be a forum
    hosted on this installation (``hosted_forum``)."""

    forum = models.ForeignKey("forums.Forum", on_delete=models.CASCADE,
                              related_name="initiatives", verbose_name=_("registry"))
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=80)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=NriKind.choices)
    country = models.ForeignKey("people.Country", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="initiatives",
                                verbose_name=_("country"))
    regional_group = models.CharField(_("region"), max_length=20, blank=True,
                                      choices=RegionalGroup.choices)
    region_name = models.CharField(_("area covered"), max_length=120, blank=True,
                                   help_text=_("For a regional or sub-regional initiative, "
                                               "for example “West Africa”."))
    hosted_forum = models.OneToOneField("forums.Forum", null=True, blank=True,
                                        on_delete=models.SET_NULL, related_name="initiative",
                                        verbose_name=_("forum hosted here"))
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    mailing_list = models.CharField(_("mailing list"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=textlimits.LONG)
    status = models.CharField(_("status"), max_length=20, choices=NriStatus.choices,
                              default=NriStatus.REQUESTED, db_index=True)
    recognised_on = models.DateField(_("recognised on"), null=True, blank=True)
    lapsed_year = models.PositiveSmallIntegerField(
        _("lapsed for want of the report of"), null=True, blank=True)
    focal_points = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                          related_name="focal_point_of",
                                          verbose_name=_("focal points"))

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("national, regional or youth initiative")
        verbose_name_plural = _("national, regional and youth initiatives")
        constraints = [
            models.UniqueConstraint(fields=["forum", "slug"], name="initiative_slug_unique"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.country_id and not self.regional_group:
            self.regional_group = self.country.regional_group
        if self.kind == NriKind.NATIONAL and not self.country_id:
            raise ValidationError({"country": _("A national initiative has a country.")})
        if self.kind in (NriKind.REGIONAL, NriKind.SUBREGIONAL) and not (
                self.regional_group or self.region_name):
            raise ValidationError({"region_name": _("Say which area the initiative covers.")})
        if self.kind == NriKind.YOUTH and not (self.country_id or self.region_name):
            raise ValidationError({"country": _("Give the country, or the area covered.")})
        if self.hosted_forum_id and self.hosted_forum.kind not in NriKind.values:
            raise ValidationError({"hosted_forum": _("Only a national, regional or youth "
                                                     "forum can be an initiative.")})

    def get_absolute_url(self):
        return reverse("community:nri", kwargs={"forum": self.forum.slug, "nri": self.slug})

    @property
    def place(self) -> str:
        return str(self.country) if self.country_id else (
            self.region_name or self.get_regional_group_display())


class RecognitionRequest(TimeStampedModel):
    """A request to be recognised, with the criteria the Secretariat checks."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE,
                                   related_name="requests")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                     on_delete=models.SET_NULL, related_name="+",
                                     verbose_name=_("submitted by"))
    principles = models.JSONField(_("principles followed"), default=list, blank=True)
    first_meeting = models.TextField(
        _("first meeting"), help_text=_("When and where the initiative met, how many took "
                                        "part, and what was discussed."),
                                     max_length=textlimits.TEXT)
    evidence_url = models.URLField(_("report or web page of the meeting"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=RequestStatus.choices,
                              default=RequestStatus.PENDING, db_index=True)
    decision_note = models.TextField(_("message to the focal point"), blank=True,
                                     max_length=textlimits.TEXT)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("recognition request")
        verbose_name_plural = _("recognition requests")

    def __str__(self):
        return f"{self.initiative} ({self.created:%Y-%m-%d})" if self.created else str(
            self.initiative)

    @property
    def forum_id(self):
        return self.initiative.forum_id

    def missing_principles(self) -> list[str]:
        return [label for value, label in Principle.choices if value not in self.principles]

    def team_groups(self) -> list[str]:
        return sorted({m.stakeholder_group for m in self.team.all()})

    def criteria(self) -> dict:
        """The criteria of recognition and whether each is met."""
        groups = self.team_groups()
        labels = dict(StakeholderGroup.choices)
        return {
            "principles": not self.missing_principles(),
            "missing_principles": self.missing_principles(),
            "team": len(groups) >= MIN_TEAM_GROUPS,
            "team_groups": [labels.get(g, g) for g in groups],
            "focal_point": self.initiative.focal_points.exists(),
        }

    def criteria_met(self) -> bool:
        c = self.criteria()
        return c["principles"] and c["team"] and c["focal_point"]


class OrganisingTeamMember(models.Model):
    request = models.ForeignKey(RecognitionRequest, on_delete=models.CASCADE,
                                related_name="team")
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    stakeholder_group = models.CharField(_("stakeholder group"), max_length=20,
                                         choices=StakeholderGroup.choices)

    class Meta:
        ordering = ["id"]
        verbose_name = _("organising team member")

    def __str__(self):
        return self.name


class AnnualReport(TimeStampedModel):
    """What an initiative did in a year: filing it keeps the initiative listed."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE,
                                   related_name="reports")
    year = models.PositiveSmallIntegerField(_("year"))
    meeting_start = models.DateField(_("first day of the meeting"))
    meeting_end = models.DateField(_("last day of the meeting"))
    venue = models.CharField(_("venue"), max_length=200,
                             help_text=_("City and country, or “online”."))
    participants = models.PositiveIntegerField(_("participants onsite"), default=0)
    participants_online = models.PositiveIntegerField(_("participants online"), default=0)
    topics = models.TextField(_("topics discussed"), help_text=_("One per line."),
                              max_length=textlimits.LONG)
    outputs = models.TextField(_("outputs"), blank=True,
                               help_text=_("Messages, reports or recommendations produced."),
                               max_length=textlimits.LONG)
    output_url = models.URLField(_("link to the outputs"), blank=True)
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-year"]
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "year"], name="nri_report_unique"),
        ]

    def __str__(self):
        return f"{self.initiative} {self.year}"

    def clean(self):
        super().clean()
        if self.meeting_start and self.meeting_end and self.meeting_end < self.meeting_start:
            raise ValidationError({"meeting_end": _("The last day cannot be before the first "
                                                    "day.")})
        if self.meeting_start and self.year and self.meeting_start.year != self.year:
            raise ValidationError({"meeting_start": _("The meeting of the %(year)s report "
                                                      "took place in %(year)s.")
                                   % {"year": self.year}})

    @property
    def forum_id(self):
        return self.initiative.forum_id

    def topic_list(self) -> list[str]:
        return [t.strip() for t in self.topics.splitlines() if t.strip()]
