from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from openigf.forums.enums import SessionKind
from openigf.proposals.screening.base import Rule, register


@register
class MagMembers(Rule):
    key = "mag_members"
    title = gettext_lazy("MAG members do not propose")
    explanation = gettext_lazy("No organiser is a MAG member of this edition (the MAG "
                               "evaluates the proposals).")
    kinds = (SessionKind.WORKSHOP,)

    def evaluate(self, submission, context, settings):
        mag = [p.name for p in submission.with_role("organiser") if p.key in context.mag_keys]
        if mag:
            return _("Organisers on the MAG of this edition: %(names)s. MAG members cannot "
                     "organise a proposal.") % {"names": ", ".join(mag)}
        return None
