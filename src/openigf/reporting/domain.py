"""Every write of reporting: reports (drafts, submission, late marking, locking), templates,
reminders; and the reads the compliance board and the proposals' eligibility rule use."""

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openigf.core import textlimits
from openigf.core.audit import audit_log
from openigf.core.errors import ApplicationError
from openigf.outbox.domain import mail_enqueue_template
from openigf.programme.models import Release, Session, SessionPerson, SessionStatus
from openigf.programme.queries import session_times
from openigf.reporting.models import (
    DEFAULT_DUE_HOURS,
    DEFAULT_QUESTIONS,
    Reminder,
    Report,
    ReportKind,
    ReportTemplate,
)

MAX_ITEMS = 3
ITEM_MAX_LENGTH = 600  # characters of a takeaway or a call to action (as the form)


def template_for(edition, kind: str, session_kind: str = "") -> ReportTemplate:
    """The template of a kind of report for a session type (else for every type, else the
    built-in default, unsaved)."""
    found = {t.session_kind: t for t in ReportTemplate.objects.filter(edition=edition,
                                                                      kind=kind)}
    return found.get(session_kind) or found.get("") or ReportTemplate(
        edition=edition, kind=kind, questions=DEFAULT_QUESTIONS[kind],
        due_hours=DEFAULT_DUE_HOURS[kind])


def template_save(*, edition, kind: str, session_kind: str, questions: list,
                  due_hours: int) -> ReportTemplate:
    for i, q in enumerate(questions, start=1):
        if not q.get("key") or not q.get("label"):
            raise ApplicationError(_("Question %(n)d needs a key and a label.") % {"n": i},
                                   fields={"questions": _("Line %(n)d is incomplete.") % {
                                       "n": i}})
    template, _created = ReportTemplate.objects.update_or_create(
        edition=edition, kind=kind, session_kind=session_kind,
        defaults={"questions": questions, "due_hours": due_hours})
    audit_log(action="report.template", obj=template, changes={"questions": [None,
                                                                             len(questions)]})
    return template


def due_at(session, kind: str):
    times = session_times(session)
    if times is None:
        return None
    start, end, _room = times
    hours = template_for(session.edition, kind, session.kind).due_hours
    return (start if hours < 0 else end) + timedelta(hours=hours)


def _clean_list(items) -> list[str]:
    return [" ".join(str(i).split()) for i in (items or []) if str(i).strip()]


@transaction.atomic
def report_save(*, session, kind: str, person=None, answers=None, takeaways=None,
                calls_to_action=None, sources=None, submit: bool = False, now=None) -> Report:
    """Save a draft, or submit. A late report is accepted and marked late; a locked report is
    refused. Side effects: the report; audit ``report.save`` or ``report.submit``."""
    now = now or timezone.now()
    report = Report.objects.select_for_update().filter(session=session, kind=kind).first()
    report = report or Report(session=session, kind=kind)
    if report.locked:
        raise ApplicationError(_("The Secretariat has locked this report."))
    takeaways, calls = _clean_list(takeaways), _clean_list(calls_to_action)
    errors = {}
    if len(takeaways) > MAX_ITEMS:
        errors["takeaways"] = _("At most three key takeaways.")
    if len(calls) > MAX_ITEMS:
        errors["calls_to_action"] = _("At most three calls to action.")
    for field, items in (("takeaways", takeaways), ("calls_to_action", calls)):
        if any(len(item) > ITEM_MAX_LENGTH for item in items):
            errors[field] = _("Each has at most %(n)d characters.") % {"n": ITEM_MAX_LENGTH}
    answers = answers or {}
    for key, value in answers.items():
        if isinstance(value, str) and len(value) > textlimits.LONG:
            errors[key] = _("At most %(n)d characters.") % {"n": textlimits.LONG}
    if submit:
        template = template_for(session.edition, kind, session.kind)
        for q in template.questions:
            if q.get("required") and str(answers.get(q["key"], "")).strip() == "":
                errors[q["key"]] = _("Required to submit.")
        if kind == ReportKind.SHORT and not takeaways:
            errors["takeaways"] = _("Give at least one key takeaway.")
    if errors:
        raise ApplicationError(_("Please correct the fields marked below."), fields=errors)
    report.answers, report.takeaways, report.calls_to_action = answers, takeaways, calls
    report.sources = sources or report.sources or {}
    report.author = person or report.author
    report.due_at = due_at(session, kind)
    if submit:
        report.status = Report.Status.SUBMITTED
        report.submitted_at = report.submitted_at or now
        report.late = bool(report.due_at and report.submitted_at > report.due_at)
    report.save()
    audit_log(action="report.submit" if submit else "report.save", obj=session,
              changes={"kind": [None, kind], "late": [None, report.late]})
    return report


def report_lock(*, report: Report, locked: bool = True) -> Report:
    """Lock a report (``report_save`` then refuses every change) or unlock it. Side effects:
    save; audit log ``report.lock``."""
    report.locked = locked
    report.save(update_fields=["locked", "updated"])
    audit_log(action="report.lock", obj=report.session, changes={"locked": [not locked,
                                                                            locked]})
    return report


def writers(session) -> list:
    return [p for p in session.people.all() if p.role in ("rapporteur", "organiser")
            and (p.email or (p.person_id and p.person.email))]


def reminders_send(*, now=None, edition=None) -> int:
    """Remind rapporteurs and organisers six hours before a short report is due and once
    after each deadline passes unfiled (through the outbox; each reminder once)."""
    now = now or timezone.now()
    sessions = (Session.objects.filter(status=SessionStatus.CONFIRMED, starts_at__isnull=False,
                                       starts_at__gte=now - timedelta(days=30),
                                       starts_at__lte=now + timedelta(days=2))
                .select_related("edition__forum").prefetch_related("people__person"))
    if edition is not None:
        sessions = sessions.filter(edition=edition)
    filed = set(Report.objects.filter(session__in=sessions, status=Report.Status.SUBMITTED)
                .values_list("session_id", "kind"))
    sent = 0
    for session in sessions:
        for kind in (ReportKind.SHORT, ReportKind.FULL):
            if (session.pk, kind) in filed:
                continue
            due = due_at(session, kind)
            if due is None:
                continue
            if now > due:
                moment = "after"
            elif kind == ReportKind.SHORT and due - now <= timedelta(hours=6):
                moment = "before"
            else:
                continue
            try:
                with transaction.atomic():
                    Reminder.objects.create(session=session, kind=kind, moment=moment)
                    for p in writers(session):
                        mail_enqueue_template(
                            to=p.email or p.person.email, template="reporting/mail/reminder",
                            context={"session": session, "kind": ReportKind(kind).label,
                                     "due": due, "late": moment == "after", "name": p.name},
                            edition=session.edition, kind="report.reminder")
                        sent += 1
            except IntegrityError:
                continue
    return sent


def compliance(edition, now=None) -> list[dict]:
    """Per session: for the short and the full report, filed, late, missing or not yet due."""
    now = now or timezone.now()
    sessions = list(Session.objects.filter(edition=edition, status=SessionStatus.CONFIRMED)
                    .prefetch_related("people").order_by("kind", "title"))
    reports = {(r.session_id, r.kind): r for r in Report.objects.filter(
        session__edition=edition)}

    release = Release.objects.filter(edition=edition).order_by("-number").first()
    placements = release.placements if release else {}
    rows = []
    for s in sessions:
        row = {"session": s, "organisers": ", ".join(p.name for p in s.people.all()
                                                     if p.role == "organiser")}
        entry = placements.get(str(s.pk))
        end = None
        if entry:
            end = datetime.fromisoformat(entry[0]) + timedelta(minutes=s.duration)
        for kind in (ReportKind.SHORT, ReportKind.FULL):
            r = reports.get((s.pk, kind))
            due = end + timedelta(hours=DEFAULT_DUE_HOURS[kind]) if end else None
            if r is not None and r.status == Report.Status.SUBMITTED:
                state = "late" if r.late else "filed"
            elif due is None or now <= due:
                state = "not_due"
            else:
                state = "missing"
            row[kind] = state
        rows.append(row)
    return rows


def missing_reports(edition, person_ids) -> dict:
    """For the proposals' eligibility rule: people who organised or reported on a session of
    an earlier edition of the forum and filed no report for it."""
    rows = (SessionPerson.objects.filter(
        person_id__in=list(person_ids), role__in=["organiser", "rapporteur"],
        session__edition__forum_id=edition.forum_id,
        session__edition__year__lt=edition.year, session__status=SessionStatus.CONFIRMED)
        .exclude(session__reports__status=Report.Status.SUBMITTED)
        .select_related("session__edition"))
    reasons = {}
    for row in rows:
        reasons.setdefault(row.person_id, _(
            "No report was filed for “%(title)s” (%(edition)s).") % {
            "title": row.session.title, "edition": row.session.edition})
    return reasons
