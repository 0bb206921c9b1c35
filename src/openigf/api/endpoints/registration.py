"""Registering the caller for an edition (idempotent, through ``registration.domain``) and
reading their registration."""

from datetime import datetime
from typing import Literal

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from openigf.api import scopes
from openigf.api.auth import BearerToken, NotFound
from openigf.api.common import answers, local
from openigf.registration import domain
from openigf.registration.models import Registration

router = Router(tags=["Registration"])
R = "{slug:forum}/{slug:edition}/registration/"


class RegistrationIn(Schema):
    attendance: Literal["onsite", "online"] = "onsite"
    answers: dict[str, str] = Field(default_factory=dict, max_length=50,
                                    description="The edition's extra questions: key -> "
                                                "answer (at most 1,000 characters each)")


class RegistrationOut(Schema):
    id: int
    status: str = Field(description="confirmed, pending, waitlisted or cancelled")
    attendance: str
    checked_in: datetime | None


def _out(registration: Registration) -> dict:
    return {"id": registration.pk, "status": registration.status,
            "attendance": registration.attendance,
            "checked_in": local(registration.checked_in_at, registration.edition)}


@router.get(R, response=answers(RegistrationOut), auth=BearerToken("registration.register"))
def registration_mine(request, forum: str, edition: str):
    """The caller's registration (404 when not registered)."""
    mine = Registration.objects.filter(edition=request.edition, person=request.user).first()
    if mine is None:
        raise NotFound(_("You are not registered."))
    return _out(mine)


@router.post(R, response={201: RegistrationOut, **answers(RegistrationOut)},
             auth=BearerToken("registration.register", scope=scopes.REGISTRATION))
def registration_create(request, forum: str, edition: str, payload: RegistrationIn):
    """Register the caller (201); registering again returns the same registration (200).
    After cancelling, registering again makes a new registration (201)."""
    registration, created = domain.register(
        edition=request.edition, person=request.user, attendance=payload.attendance,
        answers=payload.answers)
    return Status(201 if created else 200, _out(registration))
