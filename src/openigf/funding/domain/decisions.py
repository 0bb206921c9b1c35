"""What travel support and NRI grants share: scores, and decisions that are previewed, then
sent exactly as previewed."""

import hashlib
import json
from dataclasses import dataclass

from django.utils.translation import gettext as _

from openigf.core.audit import audit_log
from openigf.core.errors import ApplicationError
from openigf.funding.models import AppStatus


def score_set(*, application, score: int):
    if not 0 <= int(score) <= 10:
        raise ApplicationError(_("A score is from 0 to 10."), fields={"score": _("0 to 10.")})
    application.score = int(score)
    application.save(update_fields=["score", "updated"])
    audit_log(action="funding.score", obj=application, changes={"score": [None, score]})
    return application


@dataclass
class DecisionPlan:
    """What sending the decisions of a call would do: each application's decision in plain
    words, who is mailed, the cost and the floors not met. ``fingerprint`` names the
    decisions, so a confirmation applies exactly what was previewed."""

    call: object
    decisions: list
    cost: float
    broken: list
    fingerprint: str = ""

    def count(self, status) -> int:
        return sum(1 for d in self.decisions if d.status == status)

    @property
    def count_selected(self) -> int:
        return self.count(AppStatus.SELECTED)

    @property
    def count_not_selected(self) -> int:
        return self.count(AppStatus.NOT_SELECTED)

    @property
    def to_mail(self) -> list:
        return [d for d in self.decisions if d.mail and d.application.person.email]


def fingerprint(call, decisions) -> str:
    """Names the decisions (who gets what, under which budget)."""
    digest = hashlib.sha256(json.dumps(
        [str(call.budget), [(d.application.pk, d.status) for d in decisions]]).encode())
    return digest.hexdigest()[:20]


def confirmed_plan(make_plan, call, expected: str):
    """The plan to send, once the call's row is locked (one sending at a time); refused if
    it is not the preview the Secretariat confirmed (``expected``, when given)."""
    type(call).objects.select_for_update().filter(pk=call.pk).first()
    plan = make_plan(call=call)
    if expected and plan.fingerprint != expected:
        raise ApplicationError(_("The applications changed since the preview, so nothing "
                                 "was sent. Look at the preview again and confirm it."))
    return plan
