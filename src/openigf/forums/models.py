"""Tenancy: forums, their yearly editions, the themes of an edition, and who holds a role."""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openigf.core import textlimits
from openigf.core.models import TimeStampedModel
from openigf.forums.enums import ForumKind, Phase, Role
from openigf.people.enums import RegionalGroup

# First path segments that belong to the platform, never to a forum.
RESERVED_SLUGS = {
    "admin", "accounts", "api", "static", "media", "i18n", "me", "search", "manage", "health",
    "people", "forums", "about", "help",
}


def validate_forum_slug(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(_("“%(slug)s” is reserved; choose another short name."),
                              params={"slug": value})


EDITION_RESERVED_SLUGS = {"analytics", "community", "manage", "search"}


def validate_edition_slug(value):
    if value in EDITION_RESERVED_SLUGS:
        raise ValidationError(_("“%(slug)s” is reserved; choose another short name."),
                              params={"slug": value})


def validate_timezone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(tz)s” is not a known time zone (for example Europe/Berlin)."),
                              params={"tz": value})


class Forum(TimeStampedModel):
    """The global IGF or one national, regional or youth initiative (NRI)."""

    slug = models.SlugField(_("short name"), unique=True, validators=[validate_forum_slug],
                            help_text=_("Used in addresses: /igf/2019/."))
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=ForumKind.choices)
    country = models.ForeignKey("people.Country", null=True, blank=True,
                                on_delete=models.PROTECT, verbose_name=_("country"))
    regional_group = models.CharField(_("region"), max_length=20, blank=True,
                                      choices=RegionalGroup.choices)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True, max_length=textlimits.LONG)
    language = models.CharField(
        _("language of its texts"), max_length=10, choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the forum's descriptions, themes and messages are written in; "
                    "pages in other languages mark them as such."))

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forums:forum", kwargs={"forum": self.slug})


class EditionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class Edition(TimeStampedModel):
    """One yearly edition of a forum, with its dates and the dates of each phase."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="editions",
                              verbose_name=_("forum"))
    year = models.PositiveSmallIntegerField(_("year"))
    slug = models.SlugField(_("short name"), help_text=_("Usually the year."),
                            validators=[validate_edition_slug])
    number = models.PositiveSmallIntegerField(_("number"), null=True, blank=True,
                                              help_text=_("13 for the thirteenth meeting."))
    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(_("overarching theme"), max_length=300, blank=True)
    host_city = models.CharField(_("host city"), max_length=100, blank=True)
    host_country = models.ForeignKey("people.Country", null=True, blank=True,
                                     on_delete=models.PROTECT, verbose_name=_("host country"))
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    timezone = models.CharField(_("time zone"), max_length=50, default="UTC",
                                validators=[validate_timezone])
    day_change = models.TimeField(
        _("day change"), default=datetime.time(4, 0),
        help_text=_("When one programme day ends and the next begins: a session at 01:00 "
                    "before this time belongs to the day before."))
    published = models.BooleanField(_("published"), default=True)
    description = models.TextField(_("introduction"), blank=True, max_length=textlimits.LONG)

    call_for_issues_opens = models.DateTimeField(_("call for issues opens"), null=True, blank=True)
    call_for_issues_closes = models.DateTimeField(_("call for issues closes"), null=True,
                                                  blank=True)
    call_for_proposals_opens = models.DateTimeField(_("call for proposals opens"), null=True,
                                                    blank=True)
    call_for_proposals_closes = models.DateTimeField(_("call for proposals closes"), null=True,
                                                     blank=True)
    evaluation_opens = models.DateTimeField(_("evaluation opens"), null=True, blank=True)
    evaluation_closes = models.DateTimeField(_("evaluation closes"), null=True, blank=True)
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    meeting_opens = models.DateTimeField(_("meeting opens"), null=True, blank=True)
    meeting_closes = models.DateTimeField(_("meeting closes"), null=True, blank=True)
    reporting_opens = models.DateTimeField(_("reporting opens"), null=True, blank=True)
    reporting_closes = models.DateTimeField(_("reporting closes"), null=True, blank=True)

    objects = EditionQuerySet.as_manager()

    class Meta:
        ordering = ["forum", "-year"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        constraints = [
            models.UniqueConstraint(fields=["forum", "slug"], name="edition_slug_unique"),
            models.CheckConstraint(condition=models.Q(end_date__gte=models.F("start_date")),
                                   name="edition_dates_ordered"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first day.")
        for phase in Phase.values:
            opens, closes = getattr(self, f"{phase}_opens"), getattr(self, f"{phase}_closes")
            if opens and closes and closes <= opens:
                errors[f"{phase}_closes"] = _("A phase must close after it opens.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        return reverse("forums:edition", kwargs=self.url_kwargs)

    @property
    def url_kwargs(self) -> dict:
        return {"forum": self.forum.slug, "edition": self.slug}

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    def is_open(self, phase: str, when: datetime.datetime | None = None) -> bool:
        opens, closes = getattr(self, f"{phase}_opens"), getattr(self, f"{phase}_closes")
        when = when or timezone.now()
        return bool(opens and closes and opens <= when < closes)

    def phases(self) -> list[dict]:
        """Every phase with its dates and whether it is past, open or to come."""
        now = timezone.now()
        result = []
        for value, label in Phase.choices:
            opens, closes = getattr(self, f"{value}_opens"), getattr(self, f"{value}_closes")
            if not (opens and closes):
                continue
            state = "past" if closes <= now else "open" if opens <= now else "future"
            result.append({"phase": value, "label": label, "opens": opens, "closes": closes,
                           "state": state})
        return result

    def days(self) -> list[datetime.date]:
        n = (self.end_date - self.start_date).days + 1
        return [self.start_date + datetime.timedelta(days=i) for i in range(n)]


class Theme(TimeStampedModel):
    """A theme of an edition (2019: Data Governance; Digital Inclusion; Security...)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"))
    narrative = models.TextField(_("narrative"), blank=True, max_length=textlimits.LONG)
    colour = models.CharField(_("colour"), max_length=7, default="#1b5e91")
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["edition", "order", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="theme_slug_unique"),
        ]

    def __str__(self):
        return self.name


class Tag(models.Model):
    """An illustrative tag of a theme; proposers may also write their own in."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="tags")
    theme = models.ForeignKey(Theme, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="tags")
    name = models.CharField(_("name"), max_length=100)
    suggested = models.BooleanField(_("offered by the MAG"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        constraints = [
            models.UniqueConstraint(fields=["edition", "name"], name="tag_name_unique"),
        ]

    def __str__(self):
        return self.name


class PolicyQuestion(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE,
                                related_name="policy_questions")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="policy_questions")
    text = models.TextField(_("question"), max_length=textlimits.NOTE)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["theme", "order", "id"]
        verbose_name = _("policy question")

    def __str__(self):
        return self.text[:80]


class Membership(TimeStampedModel):
    """A person's role: Secretariat of a forum (no edition), or MAG member of an edition."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="memberships")
    edition = models.ForeignKey(Edition, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="memberships")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(fields=["forum", "edition", "person", "role"],
                                    name="membership_unique"),
            models.UniqueConstraint(fields=["forum", "person", "role"],
                                    condition=models.Q(edition__isnull=True),
                                    name="membership_forum_unique"),
        ]

    def __str__(self):
        scope = self.edition or self.forum
        return f"{self.person} — {self.get_role_display()} ({scope})"

    def clean(self):
        super().clean()
        if self.role == Role.MAG and not self.edition_id:
            raise ValidationError({"edition": _("A MAG member serves in an edition.")})
        if self.edition_id and self.edition.forum_id != self.forum_id:
            raise ValidationError({"edition": _("This edition belongs to another forum.")})
