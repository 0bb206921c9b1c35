"""Every write of registration: register (idempotent, capacity under a row lock, waiting
list, again after cancelling), approve, cancel (the waiting list moves up), settings, check
in by the badge's signed code."""

import segno
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from openigf.core.audit import audit_log, diff
from openigf.core.errors import ApplicationError, validate
from openigf.outbox.domain import mail_enqueue_template
from openigf.people.domain import person_update_profile
from openigf.people.enums import Attendance
from openigf.people.models import Person
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
                                   "position": waitlist_position(registration),
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
    returns the existing registration; after cancelling, registering again makes the same
    row a new registration (its place counted anew, at the end of any waiting list). Onsite
    places beyond the capacity go to the waiting list: the count is taken under a row lock,
    so concurrent requests never exceed it. ``answers`` must answer the edition's extra
    questions (``answers_clean``). Returns ``(registration, created)``; ``created`` is true
    for a registration made again after cancelling.

    Side effects, in order: the row saved, ``audit_log`` (``registration.create`` or
    ``registration.again``), the status mail queued (sent after commit)."""
    existing = Registration.objects.filter(edition=edition, person=person).first()
    if existing is not None and existing.status != RegistrationStatus.CANCELLED:
        return existing, False
    if attendance not in Attendance.values:
        raise ApplicationError(_("Attendance is onsite or online."),
                               fields={"attendance": _("onsite or online")})
    answers = answers_clean(settings_of(edition).questions, answers)
    values = {"attendance": attendance, "answers": answers,
              "stakeholder_group": person.stakeholder_group,
              "regional_group": person.regional_group, "gender": person.gender,
              "country": person.country, "first_time": person.first_time}
    try:
        with transaction.atomic():
            status = _status_under_lock(edition, attendance)
            if existing is None:
                registration = Registration.objects.create(
                    edition=edition, person=person, status=status, **values)
                action = "registration.create"
            else:
                registration = _register_again(existing, status, values)
                if registration is None:  # registered again by a concurrent request
                    return Registration.objects.get(pk=existing.pk), False
                action = "registration.again"
            audit_log(action=action, obj=registration, changes={"status": [None, status]})
            _confirm_mail(registration)
    except IntegrityError:  # the same person, at the same moment, in another request
        return Registration.objects.get(edition=edition, person=person), False
    return registration, True


def _status_under_lock(edition, attendance: str) -> str:
    """The status a new registration gets; locks the edition's settings row until commit."""
    settings = RegistrationSettings.objects.select_for_update().get(pk=settings_of(edition).pk)
    if settings.approval_required:
        return RegistrationStatus.PENDING
    if attendance == "onsite" and settings.onsite_capacity:
        taken = Registration.objects.filter(
            edition=edition, attendance="onsite", status=RegistrationStatus.CONFIRMED).count()
        if taken >= settings.onsite_capacity:
            return RegistrationStatus.WAITLISTED
    return RegistrationStatus.CONFIRMED


def _register_again(cancelled: Registration, status: str, values: dict):
    """The cancelled row made a new registration; None if it is no longer cancelled."""
    now = timezone.now()
    changed = Registration.objects.filter(pk=cancelled.pk,
                                          status=RegistrationStatus.CANCELLED).update(
        status=status, registered_at=now, checked_in_at=None, updated=now, **values)
    if not changed:
        return None
    return Registration.objects.select_related("person", "edition").get(pk=cancelled.pk)


@transaction.atomic
def registration_submit(*, edition, person, profile: dict, attendance: str,
                        answers=None) -> tuple:
    """The registration page's form: keep the profile's changes for next time and register,
    both or neither. Returns ``register``'s ``(registration, created)``.

    Side effects, in order: ``people.domain.person_update_profile`` (saved and audited),
    then those of ``register``."""
    # A form may have written into ``person`` while validating: update a fresh copy.
    fresh = Person.objects.select_for_update().get(pk=person.pk)
    person_update_profile(person=fresh, **profile)
    return register(edition=edition, person=fresh, attendance=attendance, answers=answers)


def waitlist_position(registration: Registration) -> int | None:
    """1 for the first on the waiting list, ...; None when not on it. One query."""
    if registration.status != RegistrationStatus.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        edition_id=registration.edition_id, status=RegistrationStatus.WAITLISTED).filter(
        Q(registered_at__lt=registration.registered_at)
        | Q(registered_at=registration.registered_at, pk__lt=registration.pk)).count()
    return ahead + 1


@transaction.atomic
def settings_update(*, settings: RegistrationSettings, **values) -> RegistrationSettings:
    """Change the edition's registration settings. Side effects: validated, saved,
    ``audit_log`` with what changed."""
    changes = diff(settings, **values)
    validate(settings)
    settings.save()
    if changes:
        audit_log(action="registration.settings", obj=settings, changes=changes)
    return settings


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
    who moved up, if anyone. Side effects, in order: saved, ``audit_log``, the status mail
    to the person (cancelled), and to whoever moved up (confirmed)."""
    RegistrationSettings.objects.select_for_update().get(
        pk=settings_of(registration.edition).pk)
    was = registration.status
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status", "updated"])
    audit_log(action="registration.cancel", obj=registration,
              changes={"status": [was, "cancelled"]})
    _confirm_mail(registration)
    if was != RegistrationStatus.CONFIRMED or registration.attendance != "onsite":
        return None
    first = (Registration.objects.select_for_update()
             .filter(edition=registration.edition, status=RegistrationStatus.WAITLISTED)
             .order_by("registered_at", "pk").first())
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
    colour, and the signed QR code. Tagged (PDF/UA-1), so that a screen reader reads each
    badge in order."""
    from weasyprint import HTML  # noqa: PLC0415 heavy (WeasyPrint), loaded only when used

    badges = []
    for r in registrations:
        qr = segno.make(badge_code(r), error="m")
        badges.append({"r": r, "qr": qr.svg_data_uri(scale=4, border=1)})
    html = render_to_string("registration/badges.html", {"badges": badges})
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
