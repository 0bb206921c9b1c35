"""The improvements tracker: every recommendation made to improve the forum, and its status.

Its columns are those of the working group's sheet: recommendation, category, tags, source,
reference, responsible, cost, status, remark.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from openigf.community.enums import Cost, ImprovementCategory, ImprovementStatus
from openigf.core import textlimits
from openigf.core.models import TimeStampedModel


class ImprovementTag(models.Model):
    forum = models.ForeignKey("forums.Forum", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=60)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["forum", "name"], name="improvement_tag_unique"),
        ]

    def __str__(self):
        return self.name


class RecommendationQuerySet(models.QuerySet):
    def done(self):
        return self.filter(status__in=[ImprovementStatus.IMPLEMENTED, ImprovementStatus.ONGOING])


class Recommendation(TimeStampedModel):
    forum = models.ForeignKey("forums.Forum", on_delete=models.CASCADE,
                              related_name="recommendations")
    text = models.TextField(_("recommendation"), max_length=textlimits.TEXT)
    category = models.CharField(_("category"), max_length=20,
                                choices=ImprovementCategory.choices)
    tags = models.ManyToManyField(ImprovementTag, blank=True, related_name="recommendations",
                                  verbose_name=_("tags"))
    source = models.CharField(_("source"), max_length=120, db_index=True,
                              help_text=_("The report that made it, for example “CSTD WG "
                                          "on Improvements 2012”."))
    reference = models.CharField(_("reference"), max_length=60,
                                 help_text=_("Where in the source, for example “para. 21”; "
                                             "unique in the tracker."))
    responsible = models.CharField(_("responsible"), max_length=120, blank=True)
    cost = models.CharField(_("cost"), max_length=10, choices=Cost.choices,
                            default=Cost.UNKNOWN)
    status = models.CharField(_("status"), max_length=20, choices=ImprovementStatus.choices,
                              default=ImprovementStatus.NOT_STARTED, db_index=True)
    remark = models.TextField(_("remark"), blank=True, max_length=textlimits.NOTE)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["source", "id"]
        verbose_name = _("improvement recommendation")
        verbose_name_plural = _("improvement recommendations")
        constraints = [
            models.UniqueConstraint(fields=["forum", "reference"],
                                    name="recommendation_reference_unique"),
        ]

    def __str__(self):
        return f"{self.reference}: {self.text[:60]}"
