from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from openigf.proposals.screening.base import PANELS, Rule, register


@register
class OnsitePresence(Rule):
    key = "onsite_presence"
    title = gettext_lazy("People onsite")
    kinds = PANELS
    explanation = gettext_lazy("The onsite moderator and at least %(speakers)s speakers are in "
                               "the room.")
    params = {"speakers": (2, gettext_lazy("Speakers who must be onsite"))}

    def evaluate(self, submission, context, settings):
        problems = []
        if not any(p.onsite for p in submission.with_role("moderator")):
            problems.append(_("no onsite moderator is named"))
        onsite = sum(1 for p in submission.with_role("speaker") if p.onsite)
        if onsite < settings["speakers"]:
            problems.append(_("%(n)s speakers are onsite, %(min)s are needed") % {
                "n": onsite, "min": settings["speakers"]})
        if problems:
            return _("Not enough people in the room: %s.") % "; ".join(problems)
        return None
