"""Calls for session proposals, proposals and the people named in them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from openigf.core import textlimits
from openigf.core.models import TimeStampedModel
from openigf.forums.enums import SessionKind
from openigf.people.models import PersonClassification
from openigf.proposals.enums import Format, PersonRole, ProposalStatus, QuestionKind

# Optional parts of the form a call may ask for (the Secretariat ticks them per call).
OPTIONAL_FIELDS = [
    ("policy_questions", _("Policy questions")),
    ("tags", _("Tags")),
    ("sdg_targets", _("SDG targets")),
    ("interaction_plan", _("Onsite and online interaction plan")),
    ("previous_messages", _("Connection with previous IGF messages")),
    ("background_paper", _("Background paper")),
    ("coalition", _("Dynamic Coalition")),
]
BACKGROUND_PAPER_MAX_BYTES = 5 * 1024 * 1024
BACKGROUND_PAPER_EXTENSIONS = ["pdf", "odt", "docx", "txt"]


def validate_paper_size(upload):
    if upload and upload.size > BACKGROUND_PAPER_MAX_BYTES:
        raise ValidationError(_("The file is larger than 5 MB."))


class CallQuerySet(models.QuerySet):
    def open(self, when=None):
        when = when or timezone.now()
        return self.filter(opens_at__lte=when, closes_at__gt=when)


# Characters a word of a description may have on average (the longest words of the UN's
# languages included), so a word limit also caps the characters.
CHARS_PER_WORD = 12


class Call(TimeStampedModel):
    """The call for one kind of session of an edition: its dates, durations, formats, the
    optional fields it asks for, its screening rules and extra questions."""

    edition = models.ForeignKey("forums.Edition", on_delete=models.CASCADE, related_name="calls",
                                verbose_name=_("edition"))
    kind = models.CharField(_("session type"), max_length=20,
                            choices=[(k.value, k.label) for k in SessionKind.proposable()])
    introduction = models.TextField(_("introduction"), blank=True,
                                    help_text=_("Shown above the form: who may propose, what "
                                                "makes a good proposal."),
                                    max_length=textlimits.LONG)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes (deadline)"))
    durations = models.JSONField(_("durations offered (minutes)"), default=list)
    formats = models.JSONField(_("formats offered"), default=list, blank=True)
    fields = models.JSONField(_("optional fields asked"), default=list, blank=True)
    themes = models.ManyToManyField("forums.Theme", blank=True, related_name="+",
                                    verbose_name=_("themes offered"),
                                    help_text=_("None ticked: every theme of the edition."))
    sdgs = models.JSONField(_("SDGs offered"), default=list, blank=True,
                            help_text=_("Empty: all seventeen."))
    word_limit = models.PositiveIntegerField(_("word limit of the description"), default=500)
    rules = models.JSONField(_("screening rules"), default=dict, blank=True,
                             help_text=_("Rule key -> settings; a rule left out uses its "
                                         "defaults."))

    objects = CallQuerySet.as_manager()

    class Meta:
        ordering = ["edition", "kind"]
        verbose_name = _("call for proposals")
        verbose_name_plural = _("calls for proposals")
        constraints = [
            models.UniqueConstraint(fields=["edition", "kind"], name="call_kind_unique"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.edition})"

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("A call must close after it opens.")})
        if not self.durations or not all(isinstance(d, int) and 0 < d <= 480
                                         for d in self.durations):
            raise ValidationError({"durations": _("Give durations as minutes, e.g. 60, 90.")})
        unknown = set(self.formats) - set(Format.values)
        if unknown:
            raise ValidationError({"formats": _("Unknown formats: %s") % ", ".join(unknown)})

    def is_open(self, when=None) -> bool:
        when = when or timezone.now()
        return self.opens_at <= when < self.closes_at

    def asks(self, field: str) -> bool:
        return field in self.fields

    def description_refusal(self, text: str) -> str:
        """Why a description is over the call's limit, or "": more words than the word limit,
        or more characters than ``CHARS_PER_WORD`` a word (so that a text without spaces, one
        long "word", is not under the limit)."""
        words = len(text.split())
        if words > self.word_limit:
            return gettext("The description has %(n)d words; the limit is %(limit)d.") % {
                "n": words, "limit": self.word_limit}
        chars = min(self.word_limit * CHARS_PER_WORD, textlimits.LONG)
        if len(text) > chars:
            return gettext("The description has %(n)s characters; at most %(limit)s fit in "
                           "%(words)s words.") % {"n": len(text), "limit": chars,
                                                  "words": self.word_limit}
        return ""


class CallQuestion(models.Model):
    """An extra question of a call, set by the Secretariat without code."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("help"), max_length=500, blank=True)
    kind = models.CharField(_("answer"), max_length=10, choices=QuestionKind.choices,
                            default=QuestionKind.LONG)
    required = models.BooleanField(_("required"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["call", "order", "id"]
        verbose_name = _("extra question")
        verbose_name_plural = _("extra questions")

    def __str__(self):
        return self.text[:80]


class ProposalQuerySet(models.QuerySet):
    def received(self):
        return self.filter(status__in=ProposalStatus.received())

    def passed_screening(self):
        return self.filter(status__in=ProposalStatus.passed_screening())


class Proposal(TimeStampedModel):
    """A session proposed to a call: what it is about, how it runs, who is in it."""

    Status = ProposalStatus

    edition = models.ForeignKey("forums.Edition", on_delete=models.CASCADE,
                                related_name="proposals", verbose_name=_("edition"))
    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="proposals",
                             verbose_name=_("call"))
    kind = models.CharField(_("session type"), max_length=20, choices=SessionKind.choices)
    title = models.CharField(_("title"), max_length=200)
    theme = models.ForeignKey("forums.Theme", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="proposals", verbose_name=_("theme"))
    tags = models.ManyToManyField("forums.Tag", blank=True, related_name="proposals",
                                  verbose_name=_("tags"))
    policy_questions = models.ManyToManyField("forums.PolicyQuestion", blank=True,
                                              related_name="proposals",
                                              verbose_name=_("policy questions"))
    description = models.TextField(_("description"), blank=True, max_length=textlimits.LONG)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, blank=True)
    duration = models.PositiveSmallIntegerField(_("duration (minutes)"), null=True, blank=True)
    sdg_targets = models.JSONField(_("SDG targets"), default=list, blank=True)
    interaction_plan = models.TextField(_("onsite and online interaction plan"), blank=True,
                                        max_length=textlimits.LONG)
    previous_messages = models.TextField(_("connection with previous IGF messages"),
                                         blank=True, max_length=textlimits.LONG)
    answers = models.JSONField(_("answers to the extra questions"), default=dict, blank=True)
    background_paper = models.FileField(
        _("background paper"), upload_to="proposals/papers/%Y/", blank=True,
        validators=[FileExtensionValidator(BACKGROUND_PAPER_EXTENSIONS), validate_paper_size],
        help_text=_("PDF, ODT, DOCX or plain text, at most 5 MB."))
    coalition = models.ForeignKey("community.Coalition", null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="proposals",
                                  verbose_name=_("Dynamic Coalition"))
    organisation = models.CharField(_("organising organisation"), max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="proposals_created",
                                   verbose_name=_("proposer"))
    first_time = models.BooleanField(_("first-time proposer"), default=False,
                                     help_text=_("The proposer had no proposal in an earlier "
                                                 "edition of the forum."))
    status = models.CharField(_("status"), max_length=20, choices=ProposalStatus.choices,
                              default=ProposalStatus.DRAFT, db_index=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    screening_note = models.TextField(_("screening reason"), blank=True, max_length=textlimits.TEXT)
    screened_at = models.DateTimeField(_("screened"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True, max_length=textlimits.TEXT)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["edition", "-submitted_at", "-id"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        indexes = [models.Index(fields=["edition", "status"]),
                   models.Index(fields=["edition", "kind"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("proposals:detail",
                       kwargs={**self.edition.url_kwargs, "proposal_id": self.pk})

    @property
    def is_draft(self) -> bool:
        return self.status == ProposalStatus.DRAFT


class ProposalPerson(PersonClassification):
    """Someone named in a proposal: organiser, speaker, moderator or rapporteur.

    ``person`` is set once they have an account (organisers always do; invited speakers when
    they confirm signed in, or when their e-mail matches an account)."""

    Role = PersonRole

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="proposal_roles")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=PersonRole.choices)
    onsite = models.BooleanField(_("onsite"), default=True)
    confirmed = models.BooleanField(_("confirmed"), default=False)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["proposal", "role", "order", "id"]
        verbose_name = _("person in a proposal")
        verbose_name_plural = _("people in proposals")
        indexes = [models.Index(fields=["email"])]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"
