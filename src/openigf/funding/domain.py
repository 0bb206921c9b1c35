"""Travel support and NRI grants: eligibility, applications, scores, the selection under the
budget (``algorithms.selection``, each decision explained), decisions by mail, reports."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openigf.algorithms.selection import Bound, Candidate, Problem, select
from openigf.core.audit import audit_log
from openigf.core.errors import ApplicationError
from openigf.funding.models import (
    GRANT_CAPS,
    AppStatus,
    GrantApplication,
    TravelApplication,
)
from openigf.outbox.domain import mail_enqueue
from openigf.programme.queries import people_in_sessions


def travel_eligibility(call, person) -> list[str]:
    """Why ``person`` cannot be supported by the call (empty: eligible)."""
    reasons = []
    country = person.country
    groups = []
    if country is not None:
        groups = [name for name, flag in (("ldc", country.ldc), ("lldc", country.lldc),
                                          ("sids", country.sids),
                                          ("developing", country.developing)) if flag]
    if not any(getattr(call, g) for g in groups):
        reasons.append(_("Your country (%(c)s) is not among the country groups the call "
                         "supports.") % {"c": country.name if country else _("not given")})
    if call.contribution_required and not person.parliamentarian \
            and person.pk not in people_in_sessions(call.edition, [person.pk]):
        reasons.append(_("You have no role in a session of the programme (organiser, "
                         "speaker, moderator or rapporteur)."))
    unreported = TravelApplication.objects.filter(
        person=person, status=AppStatus.SELECTED, trip_report="",
        call__edition__year__lt=call.edition.year).select_related("call").first()
    if unreported is not None:
        reasons.append(_("Your trip report for %(call)s is missing.") % {
            "call": unreported.call.name})
    return reasons


def travel_apply(*, call, person, cost_estimate, contribution: str, cost_breakdown: str = "",
                 recommendation: str = "", now=None) -> TravelApplication:
    now = now or timezone.now()
    if not call.is_open(now):
        raise ApplicationError(_("The call is closed."))
    if Decimal(cost_estimate) <= 0:
        raise ApplicationError(_("Give the estimated cost."),
                               fields={"cost_estimate": _("More than zero.")})
    application, created = TravelApplication.objects.update_or_create(
        call=call, person=person, defaults={
            "cost_estimate": cost_estimate, "contribution": contribution,
            "cost_breakdown": cost_breakdown, "recommendation": recommendation})
    audit_log(action="travel.apply", obj=application,
              changes={"cost_estimate": [None, str(cost_estimate)]})
    return application


def score_set(*, application, score: int):
    if not 0 <= int(score) <= 10:
        raise ApplicationError(_("A score is from 0 to 10."), fields={"score": _("0 to 10.")})
    application.score = int(score)
    application.save(update_fields=["score", "updated"])
    audit_log(action="funding.score", obj=application, changes={"score": [None, score]})
    return application


def _bounds(floors):
    return [Bound(f["attribute"], f["value"], minimum=int(f.get("minimum", 0)),
                  maximum=f.get("maximum")) for f in floors]


def travel_select(*, call):
    """Choose the applications with the highest total score within the budget, meeting the
    call's floors (women, regions, stakeholder groups, first-time), among the eligible and
    scored. Returns ``(selection, explanations by application id)``; nothing is decided."""
    apps = list(call.applications.filter(status__in=[AppStatus.SUBMITTED, AppStatus.SELECTED,
                                                     AppStatus.NOT_SELECTED])
                .select_related("person__country"))
    candidates, explanations = [], {}
    for a in apps:
        reasons = travel_eligibility(call, a.person)
        if reasons:
            explanations[a.pk] = _("not eligible: %(r)s") % {"r": " ".join(reasons)}
            continue
        if a.score is None:
            explanations[a.pk] = _("not scored yet")
            continue
        p = a.person
        candidates.append(Candidate(a.pk, a.score, float(a.cost_estimate), attributes={
            "gender": p.gender, "region": p.regional_group, "stakeholder_group":
            p.stakeholder_group, "first_time": p.first_time, "youth": p.youth,
            "parliamentarian": p.parliamentarian}))
    result = select(Problem(candidates, budget=float(call.budget), bounds=_bounds(call.floors)))
    explanations.update(result.explanations)
    return result, explanations


@transaction.atomic
def travel_decide(*, call, notify: bool = True) -> dict:
    """Run the selection and tell each applicant the decision with its reason."""
    result, explanations = travel_select(call=call)
    if result.status == "infeasible":
        raise ApplicationError(" ".join(result.reasons))
    chosen = set(result.chosen)
    counts = {"selected": 0, "not_selected": 0}
    for a in call.applications.select_related("person").exclude(status=AppStatus.WITHDRAWN):
        a.status = AppStatus.SELECTED if a.pk in chosen else AppStatus.NOT_SELECTED
        a.decision_note = str(explanations.get(a.pk, ""))
        a.save(update_fields=["status", "decision_note", "updated"])
        counts[a.status] += 1
        if notify and a.person.email:
            mail_enqueue(to=a.person.email, subject=_("%(call)s: %(status)s") % {
                "call": call.name, "status": a.get_status_display()},
                body=_("Dear %(name)s,\n\nYour application to %(call)s is %(status)s.\n"
                       "%(note)s\n") % {"name": a.person.name, "call": call.name,
                                        "status": a.get_status_display().lower(),
                                        "note": a.decision_note},
                edition=call.edition, kind="travel.decision")
    audit_log(action="travel.decide", obj=call, changes={"selected": [None, len(chosen)],
                                                         "broken": [None, result.broken]})
    return {**counts, "broken": result.broken, "cost": result.cost}


def trip_report_save(*, application, text: str) -> TravelApplication:
    if application.status != AppStatus.SELECTED:
        raise ApplicationError(_("Only a supported trip has a report."))
    if not text.strip():
        raise ApplicationError(_("Write the report."), fields={"trip_report": _("Required.")})
    application.trip_report = text.strip()
    application.trip_report_at = timezone.now()
    application.save(update_fields=["trip_report", "trip_report_at", "updated"])
    audit_log(action="travel.report", obj=application, changes={})
    return application


def grant_apply(*, call, initiative, amount, purpose: str, co_funding: str = "",
                person=None, now=None) -> GrantApplication:
    """A recognised NRI asks for a grant, within the cap of its type."""
    now = now or timezone.now()
    if not (call.opens_at <= now < call.closes_at):
        raise ApplicationError(_("The call is closed."))
    if initiative.status != "recognised":
        raise ApplicationError(_("Only a recognised initiative can apply."))
    cap = GRANT_CAPS.get(initiative.kind, 5000)
    if Decimal(amount) <= 0 or Decimal(amount) > cap:
        raise ApplicationError(_("A %(kind)s initiative can ask for at most USD %(cap)s.") % {
            "kind": initiative.get_kind_display(), "cap": f"{cap:,}"},
            fields={"amount": _("At most %(cap)s.") % {"cap": f"{cap:,}"}})
    application, _created = GrantApplication.objects.update_or_create(
        call=call, initiative=initiative, defaults={"amount": amount, "purpose": purpose,
                                                    "co_funding": co_funding,
                                                    "applied_by": person})
    audit_log(action="grant.apply", obj=application, changes={"amount": [None, str(amount)]})
    return application


@transaction.atomic
def grant_decide(*, call, notify: bool = True) -> dict:
    apps = list(call.applications.select_related("initiative").exclude(
        status=AppStatus.WITHDRAWN))
    candidates = [Candidate(a.pk, a.score or 0, float(a.amount), attributes={
        "kind": a.initiative.kind, "region": a.initiative.regional_group}) for a in apps
        if a.score is not None]
    result = select(Problem(candidates, budget=float(call.budget)))
    chosen = set(result.chosen)
    for a in apps:
        a.status = AppStatus.SELECTED if a.pk in chosen else AppStatus.NOT_SELECTED
        a.decision_note = result.explanations.get(a.pk, _("not scored"))
        a.save(update_fields=["status", "decision_note", "updated"])
        for focal in a.initiative.focal_points.all() if notify else ():
            if focal.email:
                mail_enqueue(to=focal.email, subject=_("%(call)s: %(status)s") % {
                    "call": call.name, "status": a.get_status_display()},
                    body=a.decision_note, edition=call.edition, kind="grant.decision")
    audit_log(action="grant.decide", obj=call, changes={"selected": [None, len(chosen)]})
    return {"selected": len(chosen), "cost": result.cost}
