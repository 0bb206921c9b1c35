"""The MAG's evaluation: rounds, assignments of reviewers, conflicts, reviews, selection runs
and the Secretariat's overrides."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openigf.core import textlimits
from openigf.core.models import TimeStampedModel

# The 2018 criteria and the overall scale with its labels.
CRITERIA_2018 = ["Content and description", "Response to the policy questions", "Relevance",
                 "Format", "Diversity", "Approach to participation"]
SCALE = [(1, _("1 – Serious problems")), (2, _("2 – Should not be accepted")),
         (3, _("3 – Borderline")), (4, _("4 – Could be accepted")),
         (5, _("5 – Must be accepted"))]


class LowScoreReason(models.TextChoices):
    WEAK_CONTENT = "content", _("Content or description is weak or unclear")
    POLICY_QUESTIONS = "policy", _("Does not answer the policy questions")
    NOT_RELEVANT = "relevance", _("Not relevant to the theme or to Internet governance")
    FORMAT = "format", _("Format does not suit the session's aims")
    DIVERSITY = "diversity", _("Speakers or organisers lack diversity")
    PARTICIPATION = "participation", _("Weak plan for onsite and online participation")
    DUPLICATE = "duplicate", _("Duplicates another proposal")


class Round(TimeStampedModel):
    edition = models.OneToOneField("forums.Edition", on_delete=models.CASCADE,
                                   related_name="review_round")
    opens_at = models.DateTimeField(_("scoring opens"))
    closes_at = models.DateTimeField(_("scoring closes"))
    reviews_per_proposal = models.PositiveSmallIntegerField(
        _("reviewers per proposal"), default=5,
        validators=[MinValueValidator(1), MaxValueValidator(20)])
    by_theme = models.BooleanField(_("reviewers score the proposals of one theme"),
                                   default=True)
    blind = models.BooleanField(_("hide proposers from reviewers"), default=False)
    criteria = models.JSONField(_("criteria"), default=list, blank=True)
    kinds = models.JSONField(_("session types evaluated"), default=list, blank=True)
    scores_visible = models.BooleanField(
        _("reviewers may see others' scores before scoring closes"), default=False)
    publish_comments = models.BooleanField(
        _("proposers see the reviewers' comments, anonymously"), default=False)

    class Meta:
        verbose_name = _("evaluation round")

    def __str__(self):
        return f"{self.edition}"

    def is_open(self, when=None) -> bool:
        when = when or timezone.now()
        return self.opens_at <= when < self.closes_at

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Scoring must close after it opens.")})


class Assignment(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="assignments")
    proposal = models.ForeignKey("proposals.Proposal", on_delete=models.CASCADE,
                                 related_name="review_assignments")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                 related_name="review_assignments")
    manual = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "proposal", "reviewer"],
                                               name="assignment_unique")]

    def __str__(self):
        return f"{self.reviewer_id} → {self.proposal_id}"


class Conflict(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="conflicts")
    proposal = models.ForeignKey("proposals.Proposal", on_delete=models.CASCADE,
                                 related_name="review_conflicts")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                 related_name="review_conflicts")
    reason = models.CharField(_("reason"), max_length=300)
    declared = models.BooleanField(_("declared by the reviewer"), default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "proposal", "reviewer"],
                                               name="conflict_unique")]

    def __str__(self):
        return self.reason


class Review(TimeStampedModel):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="reviews")
    proposal = models.ForeignKey("proposals.Proposal", on_delete=models.CASCADE,
                                 related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                 related_name="reviews")
    score = models.PositiveSmallIntegerField(_("overall score"), choices=SCALE)
    reason = models.CharField(_("main reason for a score of 3 or less"), max_length=20,
                              choices=LowScoreReason.choices, blank=True)
    criteria = models.JSONField(_("scores per criterion"), default=dict, blank=True)
    comment = models.TextField(_("comment"), blank=True, max_length=textlimits.TEXT)
    merge_with = models.ForeignKey("proposals.Proposal", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("could merge with"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "proposal", "reviewer"],
                                               name="review_unique")]

    def __str__(self):
        return f"{self.score}"


class SelectionRun(TimeStampedModel):
    """The last balanced selection: its settings, what it chose and why."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="selections")
    settings = models.JSONField(default=dict)
    status = models.CharField(max_length=20)
    chosen = models.JSONField(default=list)
    explanations = models.JSONField(default=dict)
    broken = models.JSONField(default=list)
    objective = models.FloatField(default=0)

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"{self.status} ({len(self.chosen)})"


class Override(TimeStampedModel):
    """The MAG's decision on one proposal against the selection, logged."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="overrides")
    proposal = models.ForeignKey("proposals.Proposal", on_delete=models.CASCADE,
                                 related_name="+")
    selected = models.BooleanField()
    note = models.CharField(_("why"), max_length=300)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                           related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "proposal"],
                                               name="override_unique")]

    def __str__(self):
        return self.note
