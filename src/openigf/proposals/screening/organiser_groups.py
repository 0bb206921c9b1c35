from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from openigf.proposals.screening.base import WARN, Rule, register


@register
class OrganiserGroups(Rule):
    key = "organiser_groups"
    title = gettext_lazy("Organisers from several stakeholder groups")
    explanation = gettext_lazy("The organisers come from more than one stakeholder group.")
    severity = WARN

    def evaluate(self, submission, context, settings):
        groups = {p.stakeholder_group for p in submission.with_role("organiser")} - {""}
        if len(groups) < 2:
            return _("All the organisers come from one stakeholder group; proposals organised "
                     "across groups are preferred.")
        return None
