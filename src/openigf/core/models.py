"""Base models, the audit log and jobs."""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class EditionOwnedModel(TimeStampedModel):
    """A row that belongs to one edition of one forum (the unit of tenancy)."""

    edition = models.ForeignKey(
        "forums.Edition", on_delete=models.CASCADE, related_name="+", verbose_name=_("edition")
    )

    class Meta:
        abstract = True


class AuditEntryQuerySet(models.QuerySet):
    def for_forum(self, forum):
        return self.filter(forum=forum)


class AuditEntry(models.Model):
    """Who changed what, when. Written by :func:`openigf.core.audit.audit_log`."""

    created = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("who"),
    )
    forum = models.ForeignKey(
        "forums.Forum", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    edition = models.ForeignKey(
        "forums.Edition", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    action = models.CharField(_("action"), max_length=100, db_index=True)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["forum", "-created"])]

    def __str__(self):
        return f"{self.created:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"

    def change_lines(self) -> list["ChangeLine"]:
        """The changes as people read them: each field's label (the model's own, or the key
        in words), its old and new value with choices shown by their labels."""
        model = self.content_type.model_class() if self.content_type_id else None
        lines = []
        for key, value in (self.changes or {}).items():
            field = _field(model, key)
            label = capfirst(field.verbose_name) if field else capfirst(
                str(key).replace("_", " "))
            if isinstance(value, list) and len(value) == 2:
                lines.append(ChangeLine(label, _shown(field, value[0]), _shown(field, value[1])))
            else:
                lines.append(ChangeLine(label, None, _shown(field, value)))
        return lines


@dataclass(frozen=True)
class ChangeLine:
    label: str
    old: str | None  # None: a detail recorded with the action, not a change of value
    new: str


def _field(model, name):
    try:
        return model._meta.get_field(name) if model else None
    except FieldDoesNotExist:
        return None


def _shown(field, value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, list):
        return ", ".join(_shown(field, v) for v in value) or "—"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_shown(None, v)}" for k, v in value.items()) or "—"
    choices = dict(getattr(field, "flatchoices", None) or ())
    return str(choices.get(value, value))


class DemoMarker(models.Model):
    """A step of ``openigf load_demo`` that has run, so that running it again skips it."""

    key = models.CharField(max_length=100, unique=True)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.key


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("waiting to start")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


ACTIVE_JOB_STATUSES = (JobStatus.QUEUED, JobStatus.RUNNING)


class JobQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_JOB_STATUSES)


class Job(models.Model):
    """Long work run as a task, with its progress and a result in plain words.

    Started by :func:`openigf.core.jobs.job_start`; one unfinished job per ``key`` (the kind,
    the edition and what the work is about), so pressing the button twice starts nothing more.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=100)
    key = models.CharField(max_length=200, db_index=True)
    label = models.CharField(_("what"), max_length=300)
    forum = models.ForeignKey("forums.Forum", null=True, blank=True, on_delete=models.CASCADE,
                              related_name="+")
    edition = models.ForeignKey("forums.Edition", null=True, blank=True,
                                on_delete=models.CASCADE, related_name="+")
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    task = models.CharField(max_length=200)
    params = models.JSONField(default=dict, blank=True)
    language = models.CharField(max_length=10, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices,
                              default=JobStatus.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=300, blank=True)
    result = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    return_url = models.CharField(max_length=500, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat = models.DateTimeField(null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        constraints = [
            models.UniqueConstraint(fields=["key"], condition=models.Q(status__in=["queued",
                                                                                  "running"]),
                                    name="job_one_active_per_key"),
        ]

    def __str__(self):
        return f"{self.label} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("core:job", kwargs={"job_id": self.pk})

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def percent(self) -> int | None:
        return min(100, round(100 * self.done / self.total)) if self.total else None

    @property
    def progress_key(self) -> str:
        return f"openigf:job:{self.pk}"

    def step(self, done: int, total: int | None = None, message: str = "") -> None:
        """Report progress: ``done`` of ``total`` steps, with what is happening now.

        Written to the cache, which the job's page reads first, so progress shows even while
        the work runs inside a transaction; and to the row when outside one.
        """
        self.done = max(0, int(done))
        if total is not None:
            self.total = max(0, int(total))
        self.message = str(message)[:300]
        self.heartbeat = timezone.now()
        cache.set(self.progress_key, {"done": self.done, "total": self.total,
                                      "message": self.message}, timeout=3600)
        if not transaction.get_connection().in_atomic_block:
            Job.objects.filter(pk=self.pk).update(done=self.done, total=self.total,
                                                  message=self.message,
                                                  heartbeat=self.heartbeat)
