"""Public pages: the overview of received proposals with statistics, its CSV, a proposal."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from openigf.core.csvexport import csv_response
from openigf.forums.enums import SessionKind
from openigf.proposals import queries
from openigf.proposals.enums import ProposalStatus
from openigf.proposals.models import Call
from openigf.proposals.views.base import Page, ProposalMixin

PAGE_SIZE = 100  # rows of the list; the statistics and the CSV cover every proposal


def _filters(request) -> dict:
    kinds = {k.value for k in SessionKind.proposable()}
    kind = request.GET.get("kind", "")
    status = request.GET.get("status", "")
    return {"kind": kind if kind in kinds else "",
            "theme": request.GET.get("theme", "")[:60],
            "status": status if status in ProposalStatus.received() else ""}


class OverviewView(Page):
    """``/<forum>/<edition>/proposals/``: what came in, filterable, with statistics."""

    permission_required = "proposals.view_overview"
    template_name = "proposals/overview.html"

    def get_context_data(self, **kwargs):
        edition = self.request.edition
        filters = _filters(self.request)
        proposals = queries.received(edition, **filters)
        themes = list(edition.themes.all())
        page = Paginator(proposals, PAGE_SIZE).get_page(self.request.GET.get("page"))
        return {**super().get_context_data(**kwargs), "proposals": page.object_list,
                "page": page, "query": urlencode({k: v for k, v in filters.items() if v}),
                "stats": queries.statistics(edition, proposals, themes=themes),
                "base": self.request.path,
                "filters": filters, "themes": themes,
                "kinds": SessionKind.proposable(),
                "statuses": [(s.value, s.label) for s in ProposalStatus
                             if s in ProposalStatus.received()],
                "calls": Call.objects.filter(edition=edition).order_by("opens_at", "kind"),
                "can_propose": self.can("proposals.propose"),
                "can_screen": self.can("proposals.screen")}


class CsvView(Page):
    """``/<forum>/<edition>/proposals.csv``: one row per received proposal, no contact data."""

    permission_required = "proposals.view_overview"

    def get(self, request, *args, **kwargs):
        edition = request.edition
        filters = _filters(request)
        proposals = queries.received(edition, roles=["organiser", "speaker"], **filters)
        return csv_response(f"{edition.forum.slug}-{edition.slug}-proposals.csv",
                            queries.CSV_HEADER,
                            queries.csv_rows(proposals, queries.tag_names_of(edition, **filters)))


class DetailView(ProposalMixin, Page):
    permission_required = "proposals.view_proposal"
    template_name = "proposals/detail.html"

    def get_context_data(self, **kwargs):
        proposal = self.proposal
        organiser = self.can("proposals.view_screening")
        staff = self.can("proposals.screen")
        people = list(proposal.people.select_related("country").order_by("role", "order",
                                                                           "id"))
        questions = list(proposal.call.questions.all())
        return {**super().get_context_data(**kwargs), "proposal": proposal,
                "people": people, "show_contacts": organiser or staff,
                "tags": list(proposal.tags.all()),
                "policy_questions": list(proposal.policy_questions.all()),
                "answers": [(q.text, proposal.answers.get(str(q.pk), "")) for q in questions],
                "can_change": self.can("proposals.change_proposal"),
                "can_withdraw": self.can("proposals.withdraw_proposal"),
                "can_screen": staff, "organiser": organiser,
                "page_title": _("Proposal")}
