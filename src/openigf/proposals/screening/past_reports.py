from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from openigf.proposals.screening.base import Rule, register


@register
class PastReports(Rule):
    key = "past_reports"
    title = gettext_lazy("Reports of past sessions filed")
    explanation = gettext_lazy("No organiser has a session of an earlier edition whose report "
                               "was never filed.")

    def evaluate(self, submission, context, settings):
        reasons = [f"{p.name}: {context.missing_reports[p.person_id]}"
                   for p in submission.with_role("organiser")
                   if p.person_id in context.missing_reports]
        if reasons:
            return _("Ineligible until the missing reports are filed. %s") % " ".join(reasons)
        return None
