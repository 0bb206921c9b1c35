"""The programme: venue and rooms of an edition (sessions and the schedule build on them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from openigf.core.models import TimeStampedModel


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

    class Meta:
        ordering = ["edition", "order", "name"]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        constraints = [
            models.UniqueConstraint(fields=["edition", "name"], name="room_name_unique"),
        ]

    def __str__(self):
        return self.name
