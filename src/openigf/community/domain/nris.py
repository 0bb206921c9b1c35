"""Writes on initiatives (NRIs): recognition, updates, annual reports and lapse."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from openigf.algorithms.nri_lapse import DEFAULT_DUE, overdue_year
from openigf.community import roles
from openigf.community.enums import NriStatus, RequestStatus
from openigf.community.models import (
    AnnualReport,
    Initiative,
    OrganisingTeamMember,
    RecognitionRequest,
)
from openigf.core.audit import audit_log, diff
from openigf.core.errors import ApplicationError, NotAllowed, validate
from openigf.forums.queries import secretariat_of
from openigf.outbox.domain import mail_enqueue_template

INITIATIVE_FIELDS = ["name", "acronym", "kind", "country", "regional_group", "region_name",
                     "website", "email", "mailing_list", "description"]
# What only the Secretariat changes on a recorded initiative (focal points keep the rest).
SECRETARIAT_FIELDS = ("kind", "regional_group", "hosted_forum")


def _refuse_unless_secretariat(actor, initiative: Initiative, message) -> None:
    if actor is not None and not actor.has_perm("community.manage_registry", initiative.forum):
        raise NotAllowed(message)


def unique_slug(model, scope: dict, name: str, max_length: int = 80) -> str:
    base = slugify(name)[: max_length - 4] or "x"
    slug, n = base, 2
    while model.objects.filter(slug=slug, **scope).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _mail_focal_points(initiative, template, context):
    for person in initiative.focal_points.exclude(email=None):
        mail_enqueue_template(to=person.email, template=template,
                              language=person.preferred_language, forum=initiative.forum,
                              context={"initiative": initiative, "person": person, **context})


@transaction.atomic
def initiative_request_recognition(*, forum, person, principles, first_meeting: str,
                                   team: list[dict], evidence_url: str = "",
                                   initiative: Initiative | None = None,
                                   **fields) -> RecognitionRequest:
    """A focal point asks the forum to recognise an initiative (a new one, or their own one
    whose last request was returned or declined).

    Side effects: the initiative is created (status ``requested``) with ``person`` as focal
    point, or updated; the request and its organising team are saved; audit log
    ``nri.request``; mail to each Secretariat member of the forum.
    """
    if initiative is None:
        initiative = Initiative(forum=forum, slug=unique_slug(Initiative, {"forum": forum},
                                                              fields.get("name", "")))
    elif initiative.status in (NriStatus.RECOGNISED, NriStatus.LAPSED):
        raise ApplicationError(_("This initiative is recognised already; a lapsed one files "
                                 "its missing annual report instead."))
    elif initiative.requests.filter(status=RequestStatus.PENDING).exists():
        raise ApplicationError(_("A request of this initiative is waiting for a decision."))
    diff(initiative, **{k: v for k, v in fields.items() if k in INITIATIVE_FIELDS})
    initiative.status = NriStatus.REQUESTED
    validate(initiative)
    initiative.save()
    initiative.focal_points.add(person)
    roles.forget(person)
    request = RecognitionRequest(initiative=initiative, submitted_by=person,
                                 principles=list(principles), first_meeting=first_meeting,
                                 evidence_url=evidence_url)
    validate(request)
    request.save()
    OrganisingTeamMember.objects.bulk_create(
        OrganisingTeamMember(request=request, **member) for member in team)
    audit_log(action="nri.request", obj=initiative, actor=person,
              changes={"request": request.pk, "team": len(team)})
    for membership in secretariat_of(forum):
        if membership.person.email:
            mail_enqueue_template(
                to=membership.person.email, template="community/mail/recognition_requested",
                language=membership.person.preferred_language, forum=forum,
                context={"initiative": initiative, "request": request, "requester": person})
    return request


@transaction.atomic
def recognition_decide(*, request: RecognitionRequest, decision: str, note: str = "",
                       actor=None, today: datetime.date | None = None) -> RecognitionRequest:
    """The Secretariat's decision on a recognition request.

    Approval needs every criterion met (principles, an organising team from at least three
    stakeholder groups, a focal point). Side effects: the request is closed; the initiative is
    recognised (with the date) or declined, or stays requested when returned for changes;
    audit log ``nri.recognise`` / ``nri.decline`` / ``nri.return``; mail to its focal points.
    """
    if request.status != RequestStatus.PENDING:
        raise ApplicationError(_("This request was decided already."))
    if decision not in (RequestStatus.APPROVED, RequestStatus.RETURNED, RequestStatus.DECLINED):
        raise ApplicationError(_("Unknown decision."))
    if decision == RequestStatus.APPROVED and not request.criteria_met():
        raise ApplicationError(_("The criteria of recognition are not all met: return the "
                                 "request for changes, or decline it."))
    if decision != RequestStatus.APPROVED and not note.strip():
        raise ApplicationError(_("Tell the focal point why."),
                               fields={"note": _("Tell the focal point why.")})
    request.status, request.decision_note = decision, note
    request.decided_by, request.decided_at = actor, timezone.now()
    request.save(update_fields=["status", "decision_note", "decided_by", "decided_at"])
    initiative = request.initiative
    if decision == RequestStatus.APPROVED:
        initiative.status = NriStatus.RECOGNISED
        initiative.recognised_on = today or timezone.localdate()
        initiative.lapsed_year = None
    elif decision == RequestStatus.DECLINED:
        initiative.status = NriStatus.DECLINED
    initiative.save(update_fields=["status", "recognised_on", "lapsed_year", "updated"])
    action = {RequestStatus.APPROVED: "nri.recognise", RequestStatus.DECLINED: "nri.decline",
              RequestStatus.RETURNED: "nri.return"}[decision]
    audit_log(action=action, obj=initiative, actor=actor,
              changes={"request": request.pk, "note": note})
    _mail_focal_points(initiative, "community/mail/recognition_decided",
                       {"request": request, "decision": request.get_status_display()})
    return request


def initiative_update(*, initiative: Initiative, actor=None, **values) -> dict:
    """Change the record of an initiative; its type, regional group and hosted forum only by
    the Secretariat (``actor`` None: the platform itself). Side effects: save, audit log
    ``nri.update``."""
    if any(values[f] != getattr(initiative, f) for f in SECRETARIAT_FIELDS if f in values):
        _refuse_unless_secretariat(actor, initiative, _(
            "Only the Secretariat changes the type of an initiative."))
    changed = diff(initiative, **values)
    if changed:
        validate(initiative)
        initiative.save()
        audit_log(action="nri.update", obj=initiative, actor=actor, changes=changed)
    return changed


def initiative_focal_point_add(*, initiative: Initiative, person, actor=None) -> None:
    """Side effects: the person becomes a focal point; audit log ``nri.focal_point_add``."""
    initiative.focal_points.add(person)
    roles.forget(person)
    audit_log(action="nri.focal_point_add", obj=initiative, actor=actor,
              changes={"person": str(person)})


def initiative_focal_point_remove(*, initiative: Initiative, person, actor=None) -> None:
    """Only the Secretariat removes a focal point, and an initiative keeps at least one.
    Side effects: the person is no longer a focal point; audit log ``nri.focal_point_remove``.
    """
    _refuse_unless_secretariat(actor, initiative, _(
        "Only the Secretariat removes a focal point."))
    if initiative.focal_points.count() <= 1:
        raise ApplicationError(_("An initiative keeps at least one focal point."))
    initiative.focal_points.remove(person)
    roles.forget(person)
    audit_log(action="nri.focal_point_remove", obj=initiative, actor=actor,
              changes={"person": str(person)})


@transaction.atomic
def annual_report_file(*, initiative: Initiative, year: int, actor=None,
                       **fields) -> AnnualReport:
    """File (or correct) the report of a year.

    Side effects: the report is saved; a lapsed initiative whose missing year is now covered
    is recognised again (audit log ``nri.reinstate``); audit log ``nri.report``.
    """
    report = AnnualReport.objects.filter(initiative=initiative, year=year).first() or \
        AnnualReport(initiative=initiative, year=year)
    changed = diff(report, **fields)
    report.filed_by = report.filed_by or actor
    validate(report)
    report.save()
    audit_log(action="nri.report", obj=initiative, actor=actor,
              changes={"year": year, **changed})
    if initiative.status == NriStatus.LAPSED and year >= (initiative.lapsed_year or 0):
        initiative.status, initiative.lapsed_year = NriStatus.RECOGNISED, None
        initiative.save(update_fields=["status", "lapsed_year", "updated"])
        audit_log(action="nri.reinstate", obj=initiative, actor=actor, changes={"year": year})
    return report


@transaction.atomic
def initiatives_lapse_overdue(*, forum, today: datetime.date | None = None, actor=None,
                              due: tuple[int, int] = DEFAULT_DUE) -> list[Initiative]:
    """Lapse every recognised initiative whose last closed year has no report.

    Side effects, for each: status ``lapsed`` with the missing year; audit log ``nri.lapse``;
    mail to its focal points. Returns the initiatives that lapsed now.
    """
    today = today or timezone.localdate()
    initiatives = Initiative.objects.filter(forum=forum, status=NriStatus.RECOGNISED) \
        .prefetch_related("reports")
    lapsed = []
    for initiative in initiatives:
        recognised = initiative.recognised_on.year if initiative.recognised_on else 0
        year = overdue_year(recognised_year=recognised, today=today, due=due,
                            report_years=[r.year for r in initiative.reports.all()])
        if year is None:
            continue
        initiative.status, initiative.lapsed_year = NriStatus.LAPSED, year
        initiative.save(update_fields=["status", "lapsed_year", "updated"])
        audit_log(action="nri.lapse", obj=initiative, actor=actor, changes={"year": year})
        _mail_focal_points(initiative, "community/mail/lapsed", {"year": year})
        lapsed.append(initiative)
    return lapsed
