"""The Secretariat's outreach list: the member states missing, ranked, to act on."""

from django.views import View

from openigf.analytics import presenters, queries
from openigf.analytics.cache import cached
from openigf.core.audit import audit_log
from openigf.core.csvexport import csv_response
from openigf.core.views import PermissionRequiredMixin, PermissionTemplateView

RECENT = 5


def _ranked(edition):
    return cached("outreach", (edition.pk, queries.version(edition=edition), RECENT),
                  lambda: queries.outreach(edition, RECENT))


class OutreachView(PermissionTemplateView):
    permission_required = "analytics.view_outreach"
    template_name = "analytics/outreach.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "recent": RECENT,
                "ranked": _ranked(self.request.edition)}


class OutreachCsvView(PermissionRequiredMixin, View):
    permission_required = "analytics.view_outreach"

    def get(self, request, *args, **kwargs):
        ranked = _ranked(request.edition)
        audit_log(action="analytics.export", obj=request.edition,
                  changes={"file": "outreach.csv", "rows": len(ranked)})
        header, body = presenters.outreach_csv(ranked)
        return csv_response(f"{request.edition.forum.slug}-{request.edition.slug}-"
                            "outreach.csv", header, body)
