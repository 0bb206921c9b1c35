"""Transcripts of sessions: the captioner's text as received, its speaker turns, the links of
speaker labels to people, and the chunks appended live."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from openigf.core.models import TimeStampedModel


class Transcript(TimeStampedModel):
    session = models.OneToOneField("programme.Session", on_delete=models.CASCADE,
                                   related_name="transcript", verbose_name=_("session"))
    raw = models.TextField(_("text as received"))
    header = models.TextField(_("header"), blank=True)
    live = models.BooleanField(_("captioning in progress"), default=False)
    words = models.PositiveIntegerField(_("words"), default=0)

    class Meta:
        verbose_name = _("transcript")
        verbose_name_plural = _("transcripts")

    def __str__(self):
        return str(self.session)


class Turn(models.Model):
    transcript = models.ForeignKey(Transcript, on_delete=models.CASCADE, related_name="turns")
    edition = models.ForeignKey("forums.Edition", on_delete=models.CASCADE, related_name="+")
    index = models.PositiveIntegerField(_("number"))
    label = models.CharField(_("speaker label as written"), max_length=100, blank=True)
    speaker = models.ForeignKey("programme.SessionPerson", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="turns",
                                verbose_name=_("speaker"))
    person = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="turns")
    text = models.TextField(_("text"))
    markers = models.JSONField(default=list, blank=True)
    words = models.PositiveIntegerField(default=0)
    search = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["transcript", "index"]
        verbose_name = _("turn")
        verbose_name_plural = _("turns")
        constraints = [models.UniqueConstraint(fields=["transcript", "index"],
                                               name="turn_index_unique")]
        # The full-text index is made by migration 0002: a GIN index on PostgreSQL, an FTS5
        # table kept in step by triggers on SQLite.

    def __str__(self):
        return f"{self.label or '>>'} {self.text[:40]}"

    @property
    def anchor(self) -> str:
        return f"t{self.index}"


class SpokenWords(models.Model):
    """The words of a transcript per speaker (``speaker`` empty: words nobody is linked to),
    kept with the turns by ``domain.spoken_words_count`` so that figures read a row per
    speaker instead of every turn. The sum over a transcript equals the sum over its turns.
    """

    transcript = models.ForeignKey(Transcript, on_delete=models.CASCADE,
                                   related_name="spoken_words")
    edition = models.ForeignKey("forums.Edition", on_delete=models.CASCADE, related_name="+")
    speaker = models.ForeignKey("programme.SessionPerson", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    words = models.PositiveBigIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["edition", "speaker"], name="spoken_words_edition")]

    def __str__(self):
        return f"{self.speaker_id or '-'}: {self.words}"


class SpeakerLink(models.Model):
    """The Secretariat's answer to "who is this label?", remembered for later turns."""

    transcript = models.ForeignKey(Transcript, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("speaker label"), max_length=100)
    speaker = models.ForeignKey("programme.SessionPerson", null=True, blank=True,
                                on_delete=models.CASCADE, related_name="+",
                                verbose_name=_("person"))
    confirmed = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["transcript", "label"],
                                               name="speaker_link_unique")]

    def __str__(self):
        return self.label


class Chunk(models.Model):
    """A piece of text appended by the captioner's feed: its id makes a retry harmless."""

    transcript = models.ForeignKey(Transcript, on_delete=models.CASCADE, related_name="chunks")
    key = models.CharField(max_length=100)
    received = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["transcript", "key"],
                                               name="chunk_key_unique")]

    def __str__(self):
        return self.key


class PendingUpload(models.Model):
    """An uploaded text too large to read during the request: the job that parses and stores
    it takes it from here and deletes it, so the transcript changes only once it is read."""

    session = models.ForeignKey("programme.Session", on_delete=models.CASCADE,
                                related_name="+")
    text = models.TextField()
    live = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.session_id} ({len(self.text)} characters)"
