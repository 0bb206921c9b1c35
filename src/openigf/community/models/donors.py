"""Donors to the forum's trust fund, their pledges (single or multi-year) and receipts.

A donor's figures are shown to the Secretariat only, unless the donor agreed to publish them
(``figures_public``). The trust fund is kept in US dollars: a pledge records the rate at which
its currency counts, a receipt the dollars actually credited.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from openigf.community.enums import CURRENCIES, DonorKind
from openigf.core import textlimits
from openigf.core.models import TimeStampedModel

MONEY = dict(max_digits=14, decimal_places=2)


class Donor(TimeStampedModel):
    forum = models.ForeignKey("forums.Forum", on_delete=models.CASCADE, related_name="donors")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=DonorKind.choices)
    country = models.ForeignKey("people.Country", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("country"))
    website = models.URLField(_("website"), blank=True)
    figures_public = models.BooleanField(
        _("amounts may be published"), default=False,
        help_text=_("Without this, only the Secretariat sees the amounts of this donor."))
    notes = models.TextField(_("notes for the Secretariat"), blank=True, max_length=textlimits.LONG)

    class Meta:
        ordering = ["name"]
        verbose_name = _("donor")
        verbose_name_plural = _("donors")
        constraints = [
            models.UniqueConstraint(fields=["forum", "name"], name="donor_name_unique"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("community:donor", kwargs={"forum": self.forum.slug,
                                                  "donor_id": self.pk})


class Pledge(TimeStampedModel):
    """A promise of ``amount`` in ``currency``, spread equally over ``first_year`` to
    ``last_year`` unless the donor said otherwise in the notes."""

    donor = models.ForeignKey(Donor, on_delete=models.CASCADE, related_name="pledges")
    amount = models.DecimalField(_("amount pledged"), **MONEY)
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCIES, default="USD")
    usd_rate = models.DecimalField(_("US dollars per unit"), max_digits=12, decimal_places=6,
                                   default=Decimal("1"),
                                   help_text=_("UN operational rate when the pledge was "
                                               "signed."))
    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year"))
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    purpose = models.CharField(_("earmarked for"), max_length=200, blank=True)

    class Meta:
        ordering = ["first_year", "id"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        constraints = [
            models.CheckConstraint(condition=models.Q(last_year__gte=models.F("first_year")),
                                   name="pledge_years_ordered"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="pledge_positive"),
        ]

    def __str__(self):
        years = (str(self.first_year) if self.first_year == self.last_year
                 else f"{self.first_year}–{self.last_year}")
        return f"{self.donor}: {self.amount:,.2f} {self.currency} ({years})"

    def clean(self):
        super().clean()
        if self.first_year and self.last_year and self.last_year < self.first_year:
            raise ValidationError({"last_year": _("The last year cannot be before the first.")})
        if self.amount is not None and self.amount <= 0:
            raise ValidationError({"amount": _("A pledge is more than zero.")})

    @property
    def years(self) -> int:
        return self.last_year - self.first_year + 1

    @property
    def forum_id(self):
        return self.donor.forum_id


class Receipt(TimeStampedModel):
    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="receipts")
    received_on = models.DateField(_("received on"))
    amount = models.DecimalField(_("amount received"), **MONEY,
                                 help_text=_("In the currency of the pledge."))
    amount_usd = models.DecimalField(_("credited in US dollars"), **MONEY)
    reference = models.CharField(_("reference"), max_length=100, blank=True)

    class Meta:
        ordering = ["received_on", "id"]
        verbose_name = _("receipt")
        verbose_name_plural = _("receipts")

    def __str__(self):
        return f"{self.pledge.donor} {self.received_on:%Y-%m-%d} {self.amount_usd} USD"

    def clean(self):
        super().clean()
        for field in ("amount", "amount_usd"):
            value = getattr(self, field)
            if value is not None and value <= 0:
                raise ValidationError({field: _("A receipt is more than zero.")})
