"""The MAG beyond who sits on it: terms, seats, working groups and the rotation plan.

Who is on the MAG of an edition is ``forums.Membership`` (role ``mag``), the one source that
permissions use. :class:`MagTerm` extends a membership one-to-one and disappears with it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from openigf.community.enums import MagSeat, PlanDecision, WorkingGroupKind, WorkingGroupRole
from openigf.core import textlimits
from openigf.core.models import EditionOwnedModel, TimeStampedModel
from openigf.forums.enums import Role


class MagTerm(TimeStampedModel):
    membership = models.OneToOneField("forums.Membership", on_delete=models.CASCADE,
                                      related_name="mag_term")
    term = models.PositiveSmallIntegerField(
        _("term number"), default=1, validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text=_("1 for a first one-year term; at most 3 consecutive terms."))
    seat = models.CharField(_("seat"), max_length=20, choices=MagSeat.choices,
                            default=MagSeat.MEMBER)

    class Meta:
        verbose_name = _("MAG term")
        verbose_name_plural = _("MAG terms")

    def __str__(self):
        return f"{self.membership} — {self.term}"

    def clean(self):
        super().clean()
        if self.membership.role != Role.MAG:
            raise ValidationError(_("Only a MAG membership has a term."))

    @property
    def edition_id(self):
        return self.membership.edition_id

    @property
    def forum_id(self):
        return self.membership.forum_id

    @property
    def person_id(self):
        return self.membership.person_id

    @property
    def first_year(self) -> int:
        return self.membership.edition.year - self.term + 1


class WorkingGroup(EditionOwnedModel):
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=20, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=WorkingGroupKind.choices,
                            default=WorkingGroupKind.OTHER)
    mandate = models.TextField(_("mandate"), blank=True, max_length=textlimits.LONG)

    class Meta:
        ordering = ["edition", "name"]
        verbose_name = _("MAG working group")
        verbose_name_plural = _("MAG working groups")

    def __str__(self):
        return self.name


class WorkingGroupMember(models.Model):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="working_groups")
    role = models.CharField(_("role"), max_length=20, choices=WorkingGroupRole.choices,
                            default=WorkingGroupRole.MEMBER)

    class Meta:
        ordering = ["role", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["group", "person"], name="wg_member_unique"),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


class MagPlanEntry(EditionOwnedModel):
    """One line of the plan for the MAG of the year after ``edition``: a current member who
    renews or rotates out, or a newcomer who joins."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="+")
    decision = models.CharField(_("decision"), max_length=10, choices=PlanDecision.choices)

    class Meta:
        verbose_name = _("MAG rotation plan entry")
        constraints = [
            models.UniqueConstraint(fields=["edition", "person"], name="mag_plan_unique"),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_decision_display()}"
