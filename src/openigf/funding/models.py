"""Travel support and NRI grants: calls with budgets, applications, the selection runs that
decide them, trip and grant reports."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from openigf.core import textlimits
from openigf.core.models import TimeStampedModel

# Caps of NRI grants by type of initiative (USD).
GRANT_CAPS = {"national": 5000, "youth": 5000, "subregional": 6000, "regional": 12000}


class AppStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    SELECTED = "selected", _("Selected")
    NOT_SELECTED = "not_selected", _("Not selected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class TravelCall(TimeStampedModel):
    edition = models.ForeignKey("forums.Edition", on_delete=models.CASCADE,
                                related_name="travel_calls")
    name = models.CharField(_("name"), max_length=200)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    budget = models.DecimalField(_("budget (USD)"), max_digits=12, decimal_places=2)
    ldc = models.BooleanField(_("least developed countries"), default=True)
    lldc = models.BooleanField(_("landlocked developing countries"), default=True)
    sids = models.BooleanField(_("small island developing states"), default=True)
    developing = models.BooleanField(_("other developing countries"), default=True)
    contribution_required = models.BooleanField(
        _("applicants must contribute to the programme"), default=True)
    floors = models.JSONField(_("floors"), default=list, blank=True,
                              help_text=_("[{\"attribute\": \"gender\", \"value\": \"female\", "
                                          "\"minimum\": 30}, ...]"))

    def __str__(self):
        return self.name

    def is_open(self, when) -> bool:
        return self.opens_at <= when < self.closes_at

    def country_groups(self) -> list:
        """The country groups the call supports, as their labels."""
        return [self._meta.get_field(name).verbose_name
                for name in ("ldc", "lldc", "sids", "developing") if getattr(self, name)]


class TravelApplication(TimeStampedModel):
    Status = AppStatus
    call = models.ForeignKey(TravelCall, on_delete=models.CASCADE, related_name="applications")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="travel_applications")
    cost_estimate = models.DecimalField(_("estimated cost (USD)"), max_digits=10,
                                        decimal_places=2)
    cost_breakdown = models.TextField(_("cost breakdown (ticket, accommodation, daily "
                                        "allowance)"), blank=True, max_length=textlimits.TEXT)
    contribution = models.TextField(_("how you contribute to the programme"),
                                    max_length=textlimits.TEXT)
    recommendation = models.TextField(_("recommendation (name and organisation of who "
                                        "recommends you, and what they say)"), blank=True,
                                      max_length=textlimits.NOTE)
    score = models.PositiveSmallIntegerField(_("priority score (0-10)"), null=True, blank=True)
    status = models.CharField(max_length=15, choices=AppStatus.choices,
                              default=AppStatus.SUBMITTED)
    decision_note = models.TextField(blank=True, max_length=textlimits.TEXT)
    # The decision the applicant was last told by mail: sending the decisions again mails
    # only those whose decision changed.
    notified_status = models.CharField(max_length=15, blank=True)
    trip_report = models.TextField(_("trip report"), blank=True, max_length=textlimits.LONG)
    trip_report_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["call", "person"],
                                               name="travel_application_unique")]

    def __str__(self):
        return f"{self.person} ({self.call})"


class GrantCall(TimeStampedModel):
    edition = models.ForeignKey("forums.Edition", on_delete=models.CASCADE,
                                related_name="grant_calls")
    name = models.CharField(_("name"), max_length=200)
    donor = models.ForeignKey("community.Donor", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+",
                              verbose_name=_("donor"))
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    budget = models.DecimalField(_("budget (USD)"), max_digits=12, decimal_places=2)

    def __str__(self):
        return self.name


class GrantApplication(TimeStampedModel):
    Status = AppStatus
    call = models.ForeignKey(GrantCall, on_delete=models.CASCADE, related_name="applications")
    initiative = models.ForeignKey("community.Initiative", on_delete=models.CASCADE,
                                   related_name="grant_applications",
                                   verbose_name=_("initiative"))
    amount = models.DecimalField(_("amount asked (USD)"), max_digits=10, decimal_places=2)
    co_funding = models.TextField(_("co-funding (who else pays, how much)"), blank=True,
                                  max_length=textlimits.TEXT)
    purpose = models.TextField(_("what the grant pays for"), max_length=textlimits.TEXT)
    score = models.PositiveSmallIntegerField(_("priority score (0-10)"), null=True, blank=True)
    status = models.CharField(max_length=15, choices=AppStatus.choices,
                              default=AppStatus.SUBMITTED)
    decision_note = models.TextField(blank=True, max_length=textlimits.TEXT)
    notified_status = models.CharField(max_length=15, blank=True)  # as for travel support
    report = models.TextField(_("grant report"), blank=True, max_length=textlimits.LONG)
    applied_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["call", "initiative"],
                                               name="grant_application_unique")]

    def __str__(self):
        return f"{self.initiative} ({self.call})"
