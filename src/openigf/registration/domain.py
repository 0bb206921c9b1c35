"""Every write of registration: register (idempotent, capacity under a row lock, waiting
list), approve, cancel (the waiting list moves up), check in by the badge's signed code."""

import segno
from django.core import signing
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from openigf.core.audit import audit_log
from openigf.core.errors import ApplicationError
from openigf.outbox.domain import mail_enqueue_template
from openigf.people.enums import Attendance
from openigf.registration.models import Registration, RegistrationSettings, RegistrationStatus

BADGE_SALT = "openigf.registration.badge"


def settings_of(edition) -> RegistrationSettings:
    found, _created = RegistrationSettings.objects.get_or_create(edition=edition)
    return found


def badge_code(registration: Registration) -> str:
    """The signed code in the badge's QR: it cannot be forged or guessed."""
    return signing.dumps({"r": registration.pk, "e": registration.edition_id}, salt=BADGE_SALT,
                         compress=True)


def registration_for_code(code: str, edition) -> Registration:
    try:
        data = signing.loads(code.strip(), salt=BADGE_SALT)
    except signing.BadSignature:
        raise ApplicationError(_("This code is not a badge of this forum."),
                               fields={"code": _("Scan the badge again or type its code.")}) \
            from None
    if data.get("e") != edition.pk:
        raise ApplicationError(_("This badge is for another edition."))
    found = Registration.objects.filter(pk=data.get("r"), edition=edition).select_related(
        "person").first()
    if found is None:
        raise ApplicationError(_("This registration no longer exists."))
    return found


def _confirm_mail(registration: Registration) -> None:
    person = registration.person
    if not person.email:
        return
    mail_enqueue_template(to=person.email, template="registration/mail/status",
                          context={"registration": registration,
                                   "code": badge_code(registration),
                                   "settings": settings_of(registration.edition)},
                          language=person.preferred_language or None,
                          edition=registration.edition, kind="registration.status")


ANSWER_MAX_CHARS = 1000  # as the registration form's fields


def answers_clean(questions, answers) -> dict:
    """The answers to the edition's extra questions, checked: an object whose keys are the
    configured questions' keys, each answer text of at most 1,000 characters, the required
    ones given. Returns every question's answer (empty when not given); refuses with each
    problem at ``answers.<key>``."""
    if answers is None:
        answers = {}
    if not isinstance(answers, dict):
        raise ApplicationError(_("The answers must be an object of question keys."),
                               fields={"answers": _("Give an object: question key -> "
                                                    "answer.")})
    keys = [q["key"] for q in questions]
    errors = {f"answers.{k}"[:120]: _("This edition asks no such question.")
              for k in list(answers)[:20] if k not in keys}
    cleaned = {}
    for q in questions:
        value = answers.get(q["key"], "")
        if not isinstance(value, str):
            errors[f"answers.{q['key']}"] = _("Answer with text.")
            continue
        value = value.strip()
        if len(value) > ANSWER_MAX_CHARS:
            errors[f"answers.{q['key']}"] = _("At most %(n)d characters.") % {
                "n": ANSWER_MAX_CHARS}
        elif q.get("required") and not value:
            errors[f"answers.{q['key']}"] = _("This question must be answered.")
        cleaned[q["key"]] = value
    if errors:
        raise ApplicationError(_("Some answers are not accepted: fix what is marked."),
                               fields=errors)
    return cleaned


def register(*, edition, person, attendance: str = "onsite", answers=None) -> tuple:
    """Register ``person`` (their profile's classifications are copied). Registering twice
    returns the existing registration. Onsite places beyond the capacity go to the waiting
    list: the count is taken under a row lock, so concurrent requests never exceed it.
    ``answers`` must answer the edition's extra questions (``answers_clean``).
    Returns ``(registration, created)``."""
    existing = Registration.objects.filter(edition=edition, person=person).first()
    if existing is not None:
        return existing, False
    if attendance not in Attendance.values:
        raise ApplicationError(_("Attendance is onsite or online."),
                               fields={"attendance": _("onsite or online")})
    answers = answers_clean(settings_of(edition).questions, answers)
    try:
        with transaction.atomic():
            settings = RegistrationSettings.objects.select_for_update().get(
                pk=settings_of(edition).pk)
            status = RegistrationStatus.CONFIRMED
            if settings.approval_required:
                status = RegistrationStatus.PENDING
            elif attendance == "onsite" and settings.onsite_capacity:
                taken = Registration.objects.filter(
                    edition=edition, attendance="onsite",
                    status=RegistrationStatus.CONFIRMED).count()
                if taken >= settings.onsite_capacity:
                    status = RegistrationStatus.WAITLISTED
            registration = Registration.objects.create(
                edition=edition, person=person, attendance=attendance, status=status,
                answers=answers, stakeholder_group=person.stakeholder_group,
                regional_group=person.regional_group, gender=person.gender,
                country=person.country, first_time=person.first_time)
            audit_log(action="registration.create", obj=registration,
                      changes={"status": [None, status]})
            _confirm_mail(registration)
    except IntegrityError:  # the same person, at the same moment, in another request
        return Registration.objects.get(edition=edition, person=person), False
    return registration, True


@transaction.atomic
def registration_decide(*, registration: Registration, approve: bool) -> Registration:
    old = registration.status
    registration.status = (RegistrationStatus.CONFIRMED if approve
                           else RegistrationStatus.CANCELLED)
    registration.save(update_fields=["status", "updated"])
    audit_log(action="registration.decide", obj=registration,
              changes={"status": [old, registration.status]})
    _confirm_mail(registration)
    return registration


@transaction.atomic
def registration_cancel(*, registration: Registration) -> Registration | None:
    """Cancel; the first onsite registration on the waiting list takes the place. Returns
    who moved up, if anyone."""
    RegistrationSettings.objects.select_for_update().get(
        pk=settings_of(registration.edition).pk)
    was = registration.status
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status", "updated"])
    audit_log(action="registration.cancel", obj=registration,
              changes={"status": [was, "cancelled"]})
    if was != RegistrationStatus.CONFIRMED or registration.attendance != "onsite":
        return None
    first = (Registration.objects.select_for_update()
             .filter(edition=registration.edition, status=RegistrationStatus.WAITLISTED)
             .order_by("created").first())
    if first is not None:
        first.status = RegistrationStatus.CONFIRMED
        first.save(update_fields=["status", "updated"])
        _confirm_mail(first)
    return first


def check_in(*, edition, code: str, now=None) -> tuple:
    """Check in the badge's holder; a second scan says when they were checked in. Returns
    ``(registration, first_time)``."""
    registration = registration_for_code(code, edition)
    if registration.status != RegistrationStatus.CONFIRMED:
        raise ApplicationError(_("This registration is %(status)s, not confirmed.") % {
            "status": registration.get_status_display()})
    if registration.checked_in_at:
        return registration, False
    registration.checked_in_at = now or timezone.now()
    registration.save(update_fields=["checked_in_at", "updated"])
    audit_log(action="registration.checkin", obj=registration, changes={})
    return registration, True


def badges_pdf(registrations) -> bytes:
    """Printable badges (A6 each): name, organisation, a band in the stakeholder group's
    colour, and the signed QR code."""
    from weasyprint import HTML  # noqa: PLC0415 heavy (WeasyPrint), loaded only when used

    badges = []
    for r in registrations:
        qr = segno.make(badge_code(r), error="m")
        badges.append({"r": r, "qr": qr.svg_data_uri(scale=4, border=1)})
    html = render_to_string("registration/badges.html", {"badges": badges})
    return HTML(string=html).write_pdf()
