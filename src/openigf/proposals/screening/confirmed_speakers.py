from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from openigf.proposals.screening.base import PANELS, WARN, Rule, register


@register
class ConfirmedSpeakers(Rule):
    key = "confirmed_speakers"
    title = gettext_lazy("Confirmed speakers")
    kinds = PANELS
    explanation = gettext_lazy("At least %(minimum)s speakers have confirmed they will speak.")
    # Speakers confirm through their link after the invitation, often after submission.
    severity = WARN
    params = {"minimum": (3, gettext_lazy("Minimum number of confirmed speakers"))}

    def evaluate(self, submission, context, settings):
        confirmed = sum(1 for p in submission.with_role("speaker") if p.confirmed)
        if confirmed < settings["minimum"]:
            return _("%(n)s of the speakers have confirmed; at least %(minimum)s must.") % {
                "n": confirmed, "minimum": settings["minimum"]}
        return None
