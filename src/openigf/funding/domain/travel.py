"""Travel support: eligibility in plain words, applications, calls, the selection under the
budget with the call's aims (``algorithms.selection``), decisions previewed and mailed once,
trip reports."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from openigf.algorithms.selection import Bound, Candidate, Problem, select
from openigf.core.audit import audit_log, diff
from openigf.core.errors import ApplicationError, validate
from openigf.core.numbers import figure
from openigf.funding.domain.decisions import DecisionPlan, confirmed_plan, fingerprint
from openigf.funding.models import AppStatus, TravelApplication, TravelCall
from openigf.outbox.domain import mail_enqueue_template
from openigf.people.enums import RegionalGroup, StakeholderGroup
from openigf.programme.queries import people_in_sessions


def travel_eligibility(call, person) -> list[str]:
    """Why ``person`` cannot be supported by the call (empty: eligible)."""
    return travel_eligibility_of_all(call, [person])[person.pk]


def travel_eligibility_of_all(call, people) -> dict[int, list[str]]:
    """Person id -> why they cannot be supported by the call (empty: eligible), for many
    people in two queries (their countries loaded with them)."""
    ids = [p.pk for p in people]
    in_programme = people_in_sessions(call.edition, ids) if call.contribution_required \
        else {}
    unreported = {}
    for a in TravelApplication.objects.filter(
            person_id__in=ids, status=AppStatus.SELECTED, trip_report="",
            call__edition__year__lt=call.edition.year).select_related("call").order_by("pk"):
        unreported.setdefault(a.person_id, a.call.name)
    return {p.pk: _ineligible_because(call, p, p.pk in in_programme, unreported.get(p.pk))
            for p in people}


def _ineligible_because(call, person, in_programme: bool, unreported_call) -> list[str]:
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
    if call.contribution_required and not person.parliamentarian and not in_programme:
        reasons.append(_("You have no role in a session of the programme (organiser, "
                         "speaker, moderator or rapporteur)."))
    if unreported_call is not None:
        reasons.append(_("Your trip report for %(call)s is missing.") % {
            "call": unreported_call})
    return reasons


def travel_apply(*, call, person, cost_estimate, contribution: str, cost_breakdown: str = "",
                 recommendation: str = "", now=None) -> TravelApplication:
    now = now or timezone.now()
    if not call.is_open(now):
        raise ApplicationError(_("The call is closed."))
    if Decimal(cost_estimate) <= 0:
        raise ApplicationError(_("Give the estimated cost."),
                               fields={"cost_estimate": _("More than zero.")})
    reasons = travel_eligibility(call, person)
    if reasons:
        raise ApplicationError(_("You are not eligible: %(why)s") % {"why": " ".join(reasons)})
    application, created = TravelApplication.objects.update_or_create(
        call=call, person=person, defaults={
            "cost_estimate": cost_estimate, "contribution": contribution,
            "cost_breakdown": cost_breakdown, "recommendation": recommendation})
    audit_log(action="travel.apply", obj=application,
              changes={"cost_estimate": [None, str(cost_estimate)]})
    return application


def _bounds(floors):
    return [Bound(f["attribute"], f["value"], minimum=int(f.get("minimum", 0)),
                  maximum=f.get("maximum")) for f in floors]


class NotEligible(str):
    """The explanation of an application that does not meet the call's conditions."""

    def __new__(cls, reasons):
        made = super().__new__(cls, _("not eligible: %(r)s") % {"r": " ".join(reasons)})
        made.reasons = list(reasons)
        return made


def travel_select(*, call):
    """Choose the applications with the highest total score within the budget, meeting the
    call's floors (women, regions, stakeholder groups, first-time), among the eligible and
    scored. Returns ``(selection, explanations by application id)``; nothing is decided."""
    apps = list(call.applications.filter(status__in=[AppStatus.SUBMITTED, AppStatus.SELECTED,
                                                     AppStatus.NOT_SELECTED])
                .select_related("person__country"))
    candidates, explanations = [], {}
    eligibility = travel_eligibility_of_all(call, [a.person for a in apps])
    for a in apps:
        reasons = eligibility[a.person_id]
        if reasons:
            explanations[a.pk] = NotEligible(reasons)
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


FLOOR_WORDS = {("gender", "female"): _lazy("women"), ("first_time", True): _lazy(
    "first-time participants"), ("youth", True): _lazy("young people"),
    ("parliamentarian", True): _lazy("parliamentarians")}


def floor_words(floor: dict) -> str:
    """A floor of the call in plain words: "at least 35 women"."""
    attribute, value = floor.get("attribute"), floor.get("value")
    who = FLOOR_WORDS.get((attribute, value))
    if who is None and attribute == "region":
        who = _("people from %(group)s") % {"group": dict(RegionalGroup.choices).get(
            value, value)}
    if who is None and attribute == "stakeholder_group":
        who = _("people from %(group)s") % {"group": dict(StakeholderGroup.choices).get(
            value, value)}
    if who is None:
        who = f"{attribute} = {value}"
    return _("at least %(n)d %(who)s") % {"n": int(floor.get("minimum", 0)), "who": who}


@dataclass
class TravelDecision:
    application: TravelApplication
    status: str
    reason: str
    mail: bool  # the applicant is told: this decision differs from what they were told

    @property
    def selected(self) -> bool:
        return self.status == AppStatus.SELECTED


def travel_plan(*, call) -> DecisionPlan:
    """The decisions ``travel_decide`` would send now (nothing is saved); refuses when the
    call's floors contradict themselves."""
    result, explanations = travel_select(call=call)
    if result.status == "infeasible":
        raise ApplicationError(" ".join(result.reasons))
    chosen = set(result.chosen)
    remaining = float(call.budget) - result.cost
    floors = [f for f in call.floors if int(f.get("minimum", 0))]
    decisions = []
    for a in call.applications.select_related("person__country").exclude(
            status=AppStatus.WITHDRAWN).order_by("-score", "pk"):
        status = AppStatus.SELECTED if a.pk in chosen else AppStatus.NOT_SELECTED
        # Lazy: the Secretariat's preview reads it in their language, each mail in the
        # applicant's.
        reason = lazy(_plain_reason, str)(a, selected=a.pk in chosen,
                                          note=explanations.get(a.pk, ""),
                                          remaining=remaining, floors=floors)
        decisions.append(TravelDecision(a, status, reason, mail=a.notified_status != status))
    broken = [_broken_words(b, floors) for b in result.broken]
    return DecisionPlan(call, decisions, result.cost, broken, fingerprint(call, decisions))


def _plain_reason(a, *, selected: bool, note: str, remaining: float, floors) -> str:
    if isinstance(note, NotEligible):
        return _("Not selected: the application does not meet the call's conditions. %(why)s"
                 ) % {"why": " ".join(note.reasons)}
    if a.score is None:
        return _("Not selected: the Secretariat had not assessed the application when the "
                 "decisions were made.")
    cost = figure(a.cost_estimate, 0)
    if selected:
        text = _("Selected: the application scored %(score)d of 10 and its estimated cost "
                 "(USD %(cost)s) fits in the budget.") % {"score": a.score, "cost": cost}
        if "counts towards" in str(note) and floors:
            text += " " + _("It also helps the call reach its aims (%(aims)s).") % {
                "aims": "; ".join(floor_words(f) for f in floors)}
        return text
    if float(a.cost_estimate) > remaining:
        return _("Not selected: the application scored %(score)d of 10, but its estimated "
                 "cost (USD %(cost)s) is more than what is left of the budget (USD %(left)s). "
                 "The applications chosen together score more, or better meet the call's "
                 "aims, than any choice within the budget that includes this one.") % {
            "score": a.score, "cost": cost, "left": figure(max(remaining, 0), 0)}
    return _("Not selected: the application scored %(score)d of 10; applications with higher "
             "scores, or that help the call reach its aims, used the budget.") % {
        "score": a.score}


def _broken_words(broken: str, floors) -> str:
    """"at least 35 with gender = female: 3 short" as "at least 35 women: 3 short"."""
    for f in floors:
        if broken.startswith(f"at least {int(f.get('minimum', 0))} with {f.get('attribute')} "
                             f"= {f.get('value')}:"):
            short = broken.rsplit(": ", 1)[1].split(" ")[0]
            return _("%(floor)s: %(n)s short (not enough eligible, scored applications "
                     "within the budget)") % {"floor": floor_words(f), "n": short}
    return broken


def travel_decide(*, call, notify: bool = True, expected: str = "", progress=None) -> dict:
    """Send the decisions of ``travel_plan``: save each, mail each applicant whose decision
    differs from what they were last told (so sending again mails nobody twice).
    ``expected``: the fingerprint of the preview the Secretariat confirmed; refused if the
    decisions are no longer those. ``progress(done, total, message)`` is told as it goes.

    Side effects, in order: the call's row locked (one sending at a time), each application
    saved, its mail queued (sent after commit), ``audit_log``."""
    with transaction.atomic():
        plan = confirmed_plan(travel_plan, call, expected)
        total, mailed = len(plan.decisions), 0
        for done, d in enumerate(plan.decisions, start=1):
            a = d.application
            a.status, a.decision_note = d.status, d.reason
            fields = ["status", "decision_note", "updated"]
            if notify and d.mail and a.person.email:
                _travel_mail(a, d, call)
                a.notified_status = d.status
                fields.append("notified_status")
                mailed += 1
            a.save(update_fields=fields)
            if progress is not None and (done % 25 == 0 or done == total):
                progress(done, total, _("%(done)d of %(total)d decisions saved") % {
                    "done": done, "total": total})
        counts = {"selected": plan.count(AppStatus.SELECTED),
                  "not_selected": plan.count(AppStatus.NOT_SELECTED)}
        audit_log(action="travel.decide", obj=call, changes={
            "selected": [None, counts["selected"]], "mailed": [None, mailed],
            "broken": [None, plan.broken]})
    return {**counts, "mailed": mailed, "unchanged": total - mailed if notify else 0,
            "broken": plan.broken, "cost": plan.cost}


def _travel_mail(application, decision, call) -> None:
    person = application.person
    mail_enqueue_template(
        to=person.email, template="funding/mail/travel_decision",
        context={"application": application, "call": call, "selected": decision.selected,
                 "reason": decision.reason, "edition": call.edition},
        language=person.preferred_language or None, edition=call.edition,
        kind="travel.decision")


@transaction.atomic
def travel_call_save(*, edition, call=None, **values) -> TravelCall:
    """Open a travel-support call of ``edition`` or change one. Side effects, in order:
    validated (closes after it opens, budget above zero), saved, ``audit_log``."""
    creating = call is None
    call = call or TravelCall(edition=edition)
    changes = diff(call, **values)
    if call.opens_at and call.closes_at and call.closes_at <= call.opens_at:
        raise ApplicationError(_("The call must close after it opens."),
                               fields={"closes_at": _("After the opening.")})
    if call.budget is not None and call.budget <= 0:
        raise ApplicationError(_("Give the budget."), fields={"budget": _("More than zero.")})
    validate(call)
    call.save()
    audit_log(action="travel.call_open" if creating else "travel.call_update", obj=call,
              changes={k: [str(o), str(n)] for k, (o, n) in changes.items()})
    return call


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


