"""The call for issues of an edition: its settings and categories, the inputs the community
sends, and the versioned groupings of those inputs into themes."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from openigf.core.models import TimeStampedModel
from openigf.people.enums import RegionalGroup, StakeholderGroup


class Language(models.TextChoices):
    """The six official languages of the UN, in which an input may be written."""

    ARABIC = "ar", "العربية"
    CHINESE = "zh", "中文"
    ENGLISH = "en", "English"
    FRENCH = "fr", "Français"
    RUSSIAN = "ru", "Русский"
    SPANISH = "es", "Español"


class IssueCall(TimeStampedModel):
    """What the Secretariat sets for the call of one edition (dates are on the edition)."""

    edition = models.OneToOneField("forums.Edition", on_delete=models.CASCADE,
                                   related_name="issue_call")
    introduction = models.TextField(_("introduction"), blank=True)
    max_chars = models.PositiveIntegerField(
        _("longest input (characters)"), default=2000,
        help_text=_("Inputs longer than this are refused with a message at the field."))

    class Meta:
        verbose_name = _("call for issues")

    def __str__(self):
        return str(self.edition)


class Category(models.Model):
    """A category an input is filed under, from the list the Secretariat edits."""

    edition = models.ForeignKey("forums.Edition", on_delete=models.CASCADE,
                                related_name="issue_categories")
    name = models.CharField(_("name"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["edition", "order", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [models.UniqueConstraint(fields=["edition", "name"],
                                               name="issue_category_unique")]

    def __str__(self):
        return self.name


class InputStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Waiting for e-mail confirmation")
    PUBLISHED = "published", _("Published")
    HIDDEN = "hidden", _("Hidden by the Secretariat")


class InputQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=InputStatus.PUBLISHED)


class Input(TimeStampedModel):
    """One issue sent to the call. Name, e-mail, organisation and the account are personal
    data: never shown on a public page or in the public CSV."""

    edition = models.ForeignKey("forums.Edition", on_delete=models.CASCADE,
                                related_name="issue_inputs")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="issue_inputs")
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    stakeholder_group = models.CharField(_("stakeholder group"), max_length=20,
                                         choices=StakeholderGroup.choices)
    country = models.ForeignKey("people.Country", on_delete=models.PROTECT,
                                verbose_name=_("country"))
    regional_group = models.CharField(_("UN regional group"), max_length=20,
                                      choices=RegionalGroup.choices, blank=True)
    category = models.ForeignKey(Category, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="inputs", verbose_name=_("category"))
    language = models.CharField(_("language"), max_length=2, choices=Language.choices,
                                default=Language.ENGLISH)
    text = models.TextField(_("issue"))
    fingerprint = models.CharField(max_length=64, editable=False)
    status = models.CharField(_("status"), max_length=12, choices=InputStatus.choices,
                              default=InputStatus.UNCONFIRMED, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)

    objects = InputQuerySet.as_manager()

    class Meta:
        ordering = ["edition", "created", "id"]
        verbose_name = _("input")
        verbose_name_plural = _("inputs")
        constraints = [models.UniqueConstraint(fields=["edition", "fingerprint"],
                                               name="issue_input_not_twice")]

    def __str__(self):
        return self.text[:80]


class Grouping(TimeStampedModel):
    """One version of the inputs grouped into themes: the engine's result, or a person's edit
    of the version before (``parent``). Adopting one makes its themes the edition's."""

    edition = models.ForeignKey("forums.Edition", on_delete=models.CASCADE,
                                related_name="issue_groupings")
    version = models.PositiveIntegerField(_("version"))
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    change = models.CharField(_("change"), max_length=300)
    k = models.PositiveSmallIntegerField(_("themes asked for"))
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    adopted_at = models.DateTimeField(_("adopted at"), null=True, blank=True)

    class Meta:
        ordering = ["edition", "-version"]
        verbose_name = _("grouping")
        constraints = [models.UniqueConstraint(fields=["edition", "version"],
                                               name="issue_grouping_version_unique")]

    def __str__(self):
        return f"{self.edition} v{self.version}"


class DraftTheme(models.Model):
    """A theme of one grouping: its name, suggested terms, and the narrative and policy
    questions drafted for adoption."""

    grouping = models.ForeignKey(Grouping, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("name"), max_length=200)
    terms = models.JSONField(_("distinctive terms"), default=list, blank=True)
    narrative = models.TextField(_("narrative"), blank=True)
    questions = models.TextField(_("policy questions"), blank=True,
                                 help_text=_("One question a line."))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["grouping", "order", "id"]
        verbose_name = _("draft theme")

    def __str__(self):
        return self.name


class Placement(models.Model):
    """Where one input sits in one grouping: in a theme, or in none (an outlier)."""

    grouping = models.ForeignKey(Grouping, on_delete=models.CASCADE, related_name="placements")
    input = models.ForeignKey(Input, on_delete=models.CASCADE, related_name="+")
    theme = models.ForeignKey(DraftTheme, null=True, blank=True, on_delete=models.CASCADE,
                              related_name="placements")
    score = models.FloatField(default=0.0)  # closeness to the theme's centre, 0..1

    class Meta:
        ordering = ["grouping", "-score", "id"]
        constraints = [models.UniqueConstraint(fields=["grouping", "input"],
                                               name="issue_placement_once")]

    def __str__(self):
        return f"{self.input_id} in {self.theme_id or '-'}"
