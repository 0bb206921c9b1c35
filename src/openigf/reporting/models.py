"""Session reports: templates per edition and session type, the reports themselves, and the
reminders already sent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from openigf.core.models import TimeStampedModel


class ReportKind(models.TextChoices):
    PRE = "pre", _("Pre-session report")
    SHORT = "short", _("Short report (key takeaways)")
    FULL = "full", _("Full report")


# When each report is due: hours after the session ends (negative: before it starts).
DEFAULT_DUE_HOURS = {ReportKind.PRE: -24, ReportKind.SHORT: 12, ReportKind.FULL: 14 * 24}

DEFAULT_QUESTIONS = {
    ReportKind.PRE: [
        {"key": "goals", "label": "What the session wants to achieve", "type": "long",
         "required": True},
        {"key": "interaction", "label": "How onsite and online participants will take part",
         "type": "long", "required": False}],
    ReportKind.SHORT: [],
    ReportKind.FULL: [
        {"key": "summary", "label": "Summary of the discussion", "type": "long",
         "required": True},
        {"key": "participants_onsite", "label": "Participants onsite", "type": "number",
         "required": True},
        {"key": "participants_online", "label": "Participants online", "type": "number",
         "required": True},
        {"key": "women_share", "label": "Estimated share of women among participants (%)",
         "type": "number", "required": True},
        {"key": "gender_discussed", "label": "Was gender discussed?", "type": "yesno",
         "required": True},
        {"key": "show_of_hands", "label": "Stakeholder show of hands (who was in the room)",
         "type": "long", "required": False}],
}


class ReportTemplate(TimeStampedModel):
    """The questions of one kind of report for an edition (and optionally one session type),
    set by the Secretariat without code."""

    edition = models.ForeignKey("forums.Edition", on_delete=models.CASCADE,
                                related_name="report_templates")
    kind = models.CharField(_("report"), max_length=10, choices=ReportKind.choices)
    session_kind = models.CharField(_("session type"), max_length=20, blank=True,
                                    help_text=_("Empty: every session type."))
    questions = models.JSONField(_("questions"), default=list, blank=True)
    due_hours = models.IntegerField(_("due (hours after the session ends)"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["edition", "kind", "session_kind"],
                                               name="report_template_unique")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.session_kind}"


class Report(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    session = models.ForeignKey("programme.Session", on_delete=models.CASCADE,
                                related_name="reports")
    kind = models.CharField(_("report"), max_length=10, choices=ReportKind.choices)
    answers = models.JSONField(default=dict, blank=True)
    takeaways = models.JSONField(_("key takeaways"), default=list, blank=True)
    calls_to_action = models.JSONField(_("calls to action"), default=list, blank=True)
    sources = models.JSONField(default=dict, blank=True)  # sentence -> transcript anchor
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(null=True, blank=True)
    late = models.BooleanField(default=False)
    locked = models.BooleanField(_("locked by the Secretariat"), default=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="reports")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "kind"],
                                               name="report_unique")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.session}"


class Reminder(models.Model):
    session = models.ForeignKey("programme.Session", on_delete=models.CASCADE,
                                related_name="+")
    kind = models.CharField(max_length=10, choices=ReportKind.choices)
    moment = models.CharField(max_length=10)  # "before" or "after"
    sent = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "kind", "moment"],
                                               name="reminder_unique")]

    def __str__(self):
        return f"{self.kind} {self.moment}"
