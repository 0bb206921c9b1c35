"""Public participation figures: trends across editions, an edition's funnel and map, the
member states missing, and their CSV files. Small cells are hidden unless the viewer may see
exact figures (the Secretariat)."""

from django.http import Http404
from django.utils.translation import gettext as _
from django.views import View

from openigf.analytics import baseline, forms, presenters, queries
from openigf.analytics.cache import cached
from openigf.core.csvexport import csv_response
from openigf.core.views import PermissionRequiredMixin, PermissionTemplateView

RECENT = 5


class ExactMixin:
    def exact(self) -> bool:
        target = self.request.edition or self.request.forum
        return self.request.user.has_perm("analytics.view_exact", target)


class TrendsMixin(ExactMixin):
    def rows(self):
        forum = self.request.forum
        years = sorted(set(forum.editions.filter(published=True).values_list("year", flat=True)))
        form = forms.TrendsFilter(self.request.GET or None, years=years)
        values = form.values()
        lines = cached("trends", (forum.pk, sorted(values.items()),
                                  queries.version(forum=forum)),
                       lambda: queries.trends(forum, **values))
        return form, presenters.trend_lines(lines, self.exact())


class TrendsView(TrendsMixin, PermissionTemplateView):
    permission_required = "analytics.view_figures"
    template_name = "analytics/trends.html"

    def get_context_data(self, **kwargs):
        form, rows = self.rows()
        return {**super().get_context_data(**kwargs), "form": form, "rows": rows,
                "charts": presenters.trend_charts(rows), "exact": self.exact(),
                "query": self.request.GET.urlencode()}


class TrendsCsvView(TrendsMixin, PermissionRequiredMixin, View):
    permission_required = "analytics.view_figures"

    def get(self, request, *args, **kwargs):
        _form, rows = self.rows()
        header, body = presenters.trends_csv(rows)
        return csv_response(f"{request.forum.slug}-trends.csv", header, body)


class EditionView(ExactMixin, PermissionTemplateView):
    permission_required = "analytics.view_figures"
    template_name = "analytics/edition.html"

    def get_context_data(self, **kwargs):
        edition, exact = self.request.edition, self.exact()
        key = (edition.pk, queries.version(edition=edition))
        result = cached("funnel", key, lambda: queries.funnel(edition))
        tables = presenters.funnel_tables(result, exact)
        editions, states = cached("presence", (*key, RECENT),
                                  lambda: queries.member_states_presence(edition, RECENT))
        missing = [s for s in states if s.missing_all]
        return {
            **super().get_context_data(**kwargs), "exact": exact,
            "headline": queries.headline_of(result),
            "totals": presenters.funnel_totals(result),
            "tables": [t for t in tables if t["key"] != "country"],
            "countries": next(t for t in tables if t["key"] == "country")["rows"],
            "map": presenters.country_map(tables),
            "representation": presenters.public_shares(queries.representation(result), exact),
            "population_source": baseline.source(),
            "missing": len(missing),
            "missing_all_recent": sum(s.editions_missing == len(editions) for s in missing),
            "recent": len(editions),
            "nris": cached("nris", key,
                           lambda: queries.nris_without_participants(edition, states)),
            "can_outreach": self.request.user.has_perm("analytics.view_outreach", edition),
        }


class SummaryCsvView(ExactMixin, PermissionRequiredMixin, View):
    permission_required = "analytics.view_figures"

    def get(self, request, *args, **kwargs):
        edition = request.edition
        key = (edition.pk, queries.version(edition=edition))
        result = cached("funnel", key, lambda: queries.funnel(edition))
        header, body = presenters.summary_csv(queries.headline_of(result), result,
            presenters.public_shares(queries.representation(result), self.exact()))
        return csv_response(f"{edition.forum.slug}-{edition.slug}-participation.csv", header,
                            body)


class FunnelCsvView(ExactMixin, PermissionRequiredMixin, View):
    permission_required = "analytics.view_figures"

    def get(self, request, *args, dimension, **kwargs):
        if dimension not in {key for key, _t, _c in queries.dimensions()}:
            raise Http404(_("No such figure."))
        edition = request.edition
        result = cached("funnel", (edition.pk, queries.version(edition=edition)),
                        lambda: queries.funnel(edition))
        tables = presenters.funnel_tables(result, self.exact())
        header, body = presenters.funnel_csv(next(t for t in tables if t["key"] == dimension))
        return csv_response(f"{request.edition.forum.slug}-{request.edition.slug}-"
                            f"{dimension}.csv", header, body)


class MissingMixin:
    def version(self):
        if not hasattr(self, "_version"):
            self._version = queries.version(edition=self.request.edition)
        return self._version

    def missing(self):
        form = forms.MissingFilter(self.request.GET or None)
        years, region = form.values()
        edition = self.request.edition
        editions, states = cached(
            "presence", (edition.pk, self.version(), years),
            lambda: queries.member_states_presence(edition, years))
        return form, editions, presenters.missing_rows(states, region)


class MissingView(MissingMixin, ExactMixin, PermissionTemplateView):
    permission_required = "analytics.view_figures"
    template_name = "analytics/missing.html"

    def get_context_data(self, **kwargs):
        form, editions, rows = self.missing()
        edition = self.request.edition
        registered = cached("regions", (edition.pk, self.version()),
                            lambda: queries.regional_registrations(edition))
        regions = presenters.population_rows(baseline.regional_shares(registered),
                                             self.exact())
        return {**super().get_context_data(**kwargs), "form": form, "editions": editions,
                "rows": rows, "regions": regions,
                "population_source": baseline.source(),
                "query": self.request.GET.urlencode()}


class MissingCsvView(MissingMixin, PermissionRequiredMixin, View):
    permission_required = "analytics.view_figures"

    def get(self, request, *args, **kwargs):
        _form, editions, rows = self.missing()
        header, body = presenters.missing_csv(rows, editions)
        return csv_response(f"{request.edition.forum.slug}-{request.edition.slug}-"
                            "missing-member-states.csv", header, body)
