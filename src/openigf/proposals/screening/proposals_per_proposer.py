from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from openigf.proposals.screening.base import Rule, others, register


@register
class ProposalsPerProposer(Rule):
    key = "proposals_per_proposer"
    title = gettext_lazy("Proposals per person and per organisation")
    explanation = gettext_lazy("A person, and an organisation, organise at most %(maximum)s "
                               "proposals of this session type.")
    params = {"maximum": (3, gettext_lazy("Most proposals per person and per organisation"))}

    def evaluate(self, submission, context, settings):
        limit = settings["maximum"]
        over = []
        for person in submission.with_role("organiser"):
            ids = context.organiser_proposals_by_kind.get((submission.kind, person.key), ())
            if len(others(ids, submission.id)) + 1 > limit:
                over.append(person.name)
        org = submission.organisation.strip().lower()
        org_ids = context.organisation_proposals.get((submission.kind, org), ()) if org else ()
        messages = []
        if over:
            messages.append(_("Organisers with %(max)s proposals of this type already: "
                              "%(names)s.") % {"names": ", ".join(over), "max": limit})
        if org and len(others(org_ids, submission.id)) + 1 > limit:
            messages.append(_("The organisation %(org)s has %(max)s proposals of this type "
                              "already.") % {
                "org": submission.organisation, "max": limit})
        return " ".join(messages) or None
