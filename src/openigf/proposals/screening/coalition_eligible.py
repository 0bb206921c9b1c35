from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from openigf.forums.enums import SessionKind
from openigf.proposals.screening.base import Rule, register


@register
class CoalitionEligible(Rule):
    key = "coalition_eligible"
    title = gettext_lazy("Dynamic Coalition eligible")
    explanation = gettext_lazy("The session is held by a Dynamic Coalition that may hold one "
                               "this year (active, three stakeholder groups, a coordinator, "
                               "last year's activity report filed).")
    kinds = (SessionKind.DC_SESSION,)
    field = "coalition"

    def evaluate(self, submission, context, settings):
        if submission.coalition_id is None:
            return _("Choose the Dynamic Coalition holding the session.")
        if submission.coalition_id not in context.eligible_coalitions:
            reasons = context.coalition_reasons.get(submission.coalition_id) or []
            return _("The coalition may not hold a session this year. %s") % " ".join(
                str(r) for r in reasons)
        return None
