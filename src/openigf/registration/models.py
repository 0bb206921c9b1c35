"""Registration for an edition: its settings (capacity, approval, join link, extra
questions) and each person's registration, badge token and check-in."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openigf.core.models import TimeStampedModel
from openigf.people.enums import Attendance
from openigf.people.models import PersonClassification


class RegistrationSettings(TimeStampedModel):
    edition = models.OneToOneField("forums.Edition", on_delete=models.CASCADE,
                                   related_name="registration_settings")
    onsite_capacity = models.PositiveIntegerField(
        _("onsite capacity"), default=0, help_text=_("0: no limit. Beyond it, a waiting list."))
    approval_required = models.BooleanField(_("the Secretariat approves each registration"),
                                            default=False)
    join_link = models.URLField(_("link for online participants"), blank=True)
    questions = models.JSONField(_("extra questions"), default=list, blank=True)

    class Meta:
        verbose_name = _("registration settings")

    def __str__(self):
        return str(self.edition)


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    PENDING = "pending", _("Waiting for approval")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(PersonClassification, TimeStampedModel):
    Status = RegistrationStatus
    edition = models.ForeignKey("forums.Edition", on_delete=models.CASCADE,
                                related_name="registrations")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="registrations")
    attendance = models.CharField(_("onsite or online"), max_length=10,
                                  choices=Attendance.choices, default=Attendance.ONSITE)
    status = models.CharField(max_length=12, choices=RegistrationStatus.choices,
                              default=RegistrationStatus.CONFIRMED, db_index=True)
    answers = models.JSONField(default=dict, blank=True)
    # Classifications as given at registration (the statistics of the edition use these);
    # a country that goes leaves the registration without one.
    country = models.ForeignKey("people.Country", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+",
                                verbose_name=_("country"))
    first_time = models.BooleanField(default=False)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    # When the current registration was made: registering again after cancelling starts
    # anew, so the waiting list is ordered by this, not by ``created``.
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)

    class Meta:
        ordering = ["edition", "created"]
        constraints = [models.UniqueConstraint(fields=["edition", "person"],
                                               name="registration_unique")]
        # The countries of each edition's participants (who is missing) read from the index
        # alone, without the rows.
        indexes = [models.Index(fields=["edition", "country"], include=["status"],
                                name="registration_countries")]

    def __str__(self):
        return f"{self.person} @ {self.edition}"
