"""Base models and the audit log."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
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

    def for_object(self, obj):
        ct = ContentType.objects.get_for_model(obj)
        return self.filter(content_type=ct, object_id=str(obj.pk))


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
