"""The Secretariat's outreach list: the member states missing, ranked, to act on."""

from django.views import View

from openigf.analytics import presenters, queries
from openigf.core.audit import audit_log
from openigf.core.csvexport import csv_response
from openigf.core.views import PermissionRequiredMixin, PermissionTemplateView

RECENT = 5


class OutreachView(PermissionTemplateView):
    permission_required = "analytics.view_outreach"
    template_name = "analytics/outreach.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "recent": RECENT,
                "ranked": queries.outreach(self.request.edition, RECENT)}


class OutreachCsvView(PermissionRequiredMixin, View):
    permission_required = "analytics.view_outreach"

    def get(self, request, *args, **kwargs):
        ranked = queries.outreach(request.edition, RECENT)
        audit_log(action="analytics.export", obj=request.edition,
                  changes={"file": "outreach.csv", "rows": len(ranked)})
        header, body = presenters.outreach_csv(ranked)
        return csv_response(f"{request.edition.forum.slug}-{request.edition.slug}-"
                            "outreach.csv", header, body)
