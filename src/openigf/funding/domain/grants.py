"""NRI grants: applications within the cap of the initiative's type, the selection under
the budget, decisions previewed and mailed once to the focal points."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext as _

from openigf.algorithms.selection import Candidate, Problem, select
from openigf.core.audit import audit_log
from openigf.core.errors import ApplicationError
from openigf.core.numbers import figure
from openigf.funding.domain.decisions import DecisionPlan, confirmed_plan, fingerprint
from openigf.funding.models import GRANT_CAPS, AppStatus, GrantApplication
from openigf.outbox.domain import mail_enqueue_template


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


@dataclass
class GrantDecision:
    application: GrantApplication
    status: str
    reason: str
    recipients: list  # the initiative's focal points' addresses
    mail: bool  # they are told: the decision differs from what they were told

    @property
    def selected(self) -> bool:
        return self.status == AppStatus.SELECTED


def grant_plan(*, call) -> DecisionPlan:
    """The grant decisions ``grant_decide`` would send now (nothing is saved): each
    initiative's decision in plain words and who is mailed."""
    apps = list(call.applications.select_related("initiative").prefetch_related(
        "initiative__focal_points").exclude(status=AppStatus.WITHDRAWN).order_by("-score",
                                                                                  "pk"))
    candidates = [Candidate(a.pk, a.score, float(a.amount), attributes={
        "kind": a.initiative.kind, "region": a.initiative.regional_group}) for a in apps
        if a.score is not None]
    result = select(Problem(candidates, budget=float(call.budget)))
    chosen = set(result.chosen)
    decisions = []
    for a in apps:
        status = AppStatus.SELECTED if a.pk in chosen else AppStatus.NOT_SELECTED
        # Lazy: the Secretariat's preview reads it in their language, each mail in the
        # reader's.
        reason = lazy(_grant_reason, str)(a, granted=a.pk in chosen)
        recipients = [p.email for p in a.initiative.focal_points.all() if p.email]
        decisions.append(GrantDecision(a, status, reason, recipients,
                                       mail=a.notified_status != status))
    return DecisionPlan(call, decisions, result.cost, [], fingerprint(call, decisions))


def _grant_reason(a, *, granted: bool) -> str:
    if a.score is None:
        return _("Not granted: the Secretariat had not assessed the application when the "
                 "decisions were made.")
    if granted:
        return _("Granted: the application scored %(score)d of 10 and the USD %(amount)s "
                 "asked fit in the budget.") % {"score": a.score, "amount": figure(a.amount, 0)}
    return _("Not granted: the application scored %(score)d of 10; applications with "
             "higher scores used the budget.") % {"score": a.score}


def grant_decide(*, call, notify: bool = True, expected: str = "") -> dict:
    """Send the decisions of ``grant_plan``: save each, mail the focal points of each
    initiative whose decision differs from what they were told (never twice).
    ``expected``: the confirmed preview's fingerprint (refused if it no longer holds).

    Side effects, in order: the call's row locked, each application saved, mails queued
    (sent after commit), ``audit_log``."""
    with transaction.atomic():
        plan = confirmed_plan(grant_plan, call, expected)
        mailed = []
        for d in plan.decisions:
            a = d.application
            a.status, a.decision_note = d.status, d.reason
            fields = ["status", "decision_note", "updated"]
            if notify and d.mail and d.recipients:
                for address in d.recipients:
                    mail_enqueue_template(
                        to=address, template="funding/mail/grant_decision",
                        context={"application": a, "call": call, "selected": d.selected,
                                 "reason": d.reason, "edition": call.edition},
                        edition=call.edition, kind="grant.decision")
                mailed.append(a.initiative.name)
                a.notified_status = d.status
                fields.append("notified_status")
            a.save(update_fields=fields)
        selected = plan.count(AppStatus.SELECTED)
        audit_log(action="grant.decide", obj=call, changes={
            "selected": [None, selected], "mailed": [None, len(mailed)]})
    return {"selected": selected, "not_selected": plan.count(AppStatus.NOT_SELECTED),
            "cost": plan.cost, "mailed": mailed}
