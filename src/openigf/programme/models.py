"""The programme: rooms, time windows, sessions and their people, releases of the schedule."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from openigf.core import textlimits
from openigf.core.models import TimeStampedModel
from openigf.forums.enums import SessionKind
from openigf.people.models import PersonClassification
from openigf.programme.languages import language_choices


class Room(TimeStampedModel):
    edition = models.ForeignKey("forums.Edition", on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=100)
    capacity = models.PositiveIntegerField(_("capacity"), default=0)
    webcast = models.BooleanField(_("webcast"), default=True)
    interpretation = models.BooleanField(_("interpretation in the UN languages"), default=False)
    hybrid = models.BooleanField(_("hybrid equipment (remote speakers)"), default=True)
    step_free = models.BooleanField(_("step-free access"), default=True)
    location = models.CharField(_("where to find it"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    guid = models.UUIDField(default=uuid.uuid4, editable=False)  # as exchanged schedules name it
    livestream_url = models.URLField(
        _("livestream"), blank=True,
        help_text=_("Where the room is streamed; sessions without their own link use it."))

    class Meta:
        ordering = ["edition", "order", "name"]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        constraints = [
            models.UniqueConstraint(fields=["edition", "name"], name="room_name_unique"),
        ]

    def __str__(self):
        return self.name

    @property
    def features(self) -> frozenset:
        return frozenset(name for name in ("webcast", "interpretation", "hybrid", "step_free")
                         if getattr(self, name))


class SessionStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    CANCELLED = "cancelled", _("Cancelled")


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    CHINESE = "zh", _("Chinese")
    FRENCH = "fr", _("French")
    RUSSIAN = "ru", _("Russian")
    SPANISH = "es", _("Spanish")
    OTHER = "other", _("Other")


class SessionFormat(models.TextChoices):
    HYBRID = "hybrid", _("Onsite and online")
    ONSITE = "onsite", _("Onsite only")
    ONLINE = "online", _("Online only")


class Equipment(models.TextChoices):
    WEBCAST = "webcast", _("Webcast")
    INTERPRETATION = "interpretation", _("Interpretation")
    HYBRID = "hybrid", _("Hybrid equipment")
    STEP_FREE = "step_free", _("Step-free access")


EXCLUSIVE_KINDS = {SessionKind.OPENING, SessionKind.CLOSING}

# The IGF's kinds, and "other" for a type an imported schedule names (kept in ``type_label``).
OTHER_KIND = "other"
SESSION_KINDS = [*SessionKind.choices, (OTHER_KIND, _("Other"))]


class TimeWindow(TimeStampedModel):
    """A stretch of a day in which sessions run (a morning, an afternoon); the gaps between
    windows are the breaks."""

    edition = models.ForeignKey("forums.Edition", on_delete=models.CASCADE,
                                related_name="time_windows")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    label = models.CharField(_("label"), max_length=100, blank=True)

    class Meta:
        ordering = ["edition", "starts_at"]
        verbose_name = _("time window")
        verbose_name_plural = _("time windows")

    def __str__(self):
        return self.label or f"{self.starts_at:%Y-%m-%d %H:%M}–{self.ends_at:%H:%M}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A window must end after it starts.")})


class SessionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=SessionStatus.CONFIRMED)

    def placed(self):
        return self.filter(starts_at__isnull=False)


class Session(TimeStampedModel):
    """A session of the programme: from an accepted proposal or created by the Secretariat.
    ``starts_at`` and ``room`` are the working placement the Secretariat edits; the public
    sees the placement of the latest published ``Release``."""

    Status = SessionStatus
    edition = models.ForeignKey("forums.Edition", on_delete=models.CASCADE,
                                related_name="sessions")
    kind = models.CharField(_("session type"), max_length=20, choices=SESSION_KINDS)
    type_label = models.CharField(
        _("type as named by the source"), max_length=100, blank=True,
        help_text=_("Shown instead of the session type, e.g. “lecture” from a frab file."))
    number = models.PositiveIntegerField(_("number"), null=True, blank=True,
                                         help_text=_("As in “Workshop 12”."))
    title = models.CharField(_("title"), max_length=250)
    subtitle = models.CharField(_("subtitle"), max_length=250, blank=True)
    abstract = models.TextField(_("abstract"), blank=True, max_length=textlimits.TEXT)
    description = models.TextField(_("description"), blank=True, max_length=textlimits.LONG)
    theme = models.ForeignKey("forums.Theme", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="sessions", verbose_name=_("theme"))
    tags = models.ManyToManyField("forums.Tag", blank=True, related_name="sessions",
                                  verbose_name=_("tags"))
    duration = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    expected_audience = models.PositiveIntegerField(_("expected audience"), default=0)
    language = models.CharField(_("language"), max_length=10, choices=language_choices,
                                default=Language.ENGLISH)
    format = models.CharField(_("onsite or online"), max_length=10,
                              choices=SessionFormat.choices, default=SessionFormat.HYBRID)
    needs = models.JSONField(_("equipment needed"), default=list, blank=True)
    exclusive = models.BooleanField(
        _("nothing in parallel"), default=False,
        help_text=_("Opening, closing and main sessions when the MAG wants the whole forum "
                    "there."))
    status = models.CharField(_("status"), max_length=20, choices=SessionStatus.choices,
                              default=SessionStatus.CONFIRMED)
    proposal = models.OneToOneField("proposals.Proposal", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="session",
                                    verbose_name=_("proposal"))
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    room = models.ForeignKey(Room, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="sessions", verbose_name=_("room"))
    fixed = models.BooleanField(_("keep this time and room"), default=False)
    unavailable = models.JSONField(
        _("unavailable"), default=list, blank=True,
        help_text=_("Stretches when the session cannot run: [[start, end], ...] ISO times."))
    do_not_record = models.BooleanField(_("not to be recorded"), default=False)
    links = models.JSONField(_("links"), default=list, blank=True)  # [{"url", "title", "type"}]
    livestream_url = models.URLField(
        _("livestream or remote participation"), blank=True,
        help_text=_("The session's own stream or meeting link; else the room's livestream."))
    attachments = models.JSONField(_("attachments"), default=list, blank=True)  # same shape
    guid = models.UUIDField(default=uuid.uuid4, editable=False)
    # What an imported schedule said that has no column: its event id, slug, code, page,
    # feedback page, logo, recording licence, and "from" (the file's conference).
    source = models.JSONField(default=dict, blank=True, editable=False)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["edition", "starts_at", "room__order", "title"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        indexes = [models.Index(fields=["edition", "kind"]),
                   models.Index(fields=["edition", "starts_at"])]
        constraints = [models.UniqueConstraint(fields=["edition", "guid"],
                                               name="session_guid_unique")]

    def __str__(self):
        return self.title

    def get_kind_display(self) -> str:
        """The type as the source named it ("lecture"), else the kind's label."""
        return self.type_label or self._get_FIELD_display(self._meta.get_field("kind"))

    def get_absolute_url(self):
        return reverse("programme:session", kwargs={**self.edition.url_kwargs,
                                                    "session_id": self.pk})

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration) if self.starts_at else None

    def watch_url(self, room=None) -> str:
        """Where to follow the session remotely: its own link, else its room's stream."""
        if self.livestream_url:
            return self.livestream_url
        return room.livestream_url if room is not None else ""

    @property
    def code(self) -> str:
        return f"{self.get_kind_display()} {self.number}" if self.number else ""


class SessionRole(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    SPEAKER = "speaker", _("Speaker")
    MODERATOR = "moderator", _("Onsite moderator")
    ONLINE_MODERATOR = "online_moderator", _("Online moderator")
    RAPPORTEUR = "rapporteur", _("Rapporteur")


class SessionPerson(PersonClassification):
    """Someone with a role in a session: a snapshot of how they were named, linked to their
    account when there is one."""

    Role = SessionRole
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="session_roles")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=SessionRole.choices)
    country = None  # a session's people are counted by the classifications of the proposal's
    onsite = models.BooleanField(_("onsite"), default=True)
    order = models.PositiveSmallIntegerField(default=0)
    source = models.JSONField(default=dict, blank=True, editable=False)  # imported id, code, guid

    class Meta:
        ordering = ["session", "role", "order", "id"]
        verbose_name = _("person in a session")
        verbose_name_plural = _("people in sessions")

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    @property
    def key(self) -> str:
        """Who this is for clash checks: the account, else the e-mail, else the name."""
        if self.person_id:
            return f"p{self.person_id}"
        return f"e{self.email.lower()}" if self.email else f"n{self.name.lower()}"


class Release(TimeStampedModel):
    """A published version of the schedule: a snapshot of every placement, so that the public
    agenda and its changelog come from what was released, not from work in progress."""

    edition = models.ForeignKey("forums.Edition", on_delete=models.CASCADE,
                                related_name="releases")
    number = models.PositiveIntegerField(_("version"))
    note = models.TextField(_("note"), blank=True, max_length=textlimits.NOTE)
    placements = models.JSONField(default=dict)  # session id -> [iso start, room id]
    changes = models.JSONField(default=list)  # [{"session", "title", "from", "to"}]
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["edition", "-number"]
        verbose_name = _("schedule release")
        verbose_name_plural = _("schedule releases")
        constraints = [models.UniqueConstraint(fields=["edition", "number"],
                                               name="release_number_unique")]

    def __str__(self):
        return f"v{self.number}"


class Star(models.Model):
    """A session in someone's personal schedule."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="stars")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="stars")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "session"],
                                               name="star_unique")]

    def __str__(self):
        return f"{self.person_id} ★ {self.session_id}"


class FeedToken(models.Model):
    """A personal calendar feed's address: signed, so nothing secret is stored; it expires and
    its owner can revoke it (a new one replaces it)."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="feed_tokens")
    edition = models.ForeignKey("forums.Edition", on_delete=models.CASCADE,
                                related_name="feed_tokens")
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField(_("expires"))
    revoked = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("calendar feed address")
        verbose_name_plural = _("calendar feed addresses")

    def __str__(self):
        return f"{self.person_id} feed {self.edition_id}"
