"""Participation statistics: ``/<forum>/analytics/`` across editions and
``/<forum>/<edition>/analytics/`` for one (``analytics`` is a reserved edition slug)."""

from django.urls import path

from openigf.analytics.views import public, staff

app_name = "analytics"
F = "<slug:forum>/analytics/"
E = "<slug:forum>/<slug:edition>/analytics/"

urlpatterns = [
    path(F, public.TrendsView.as_view(), name="trends"),
    path(F + "trends.csv", public.TrendsCsvView.as_view(), name="trends_csv"),
    path(E, public.EditionView.as_view(), name="edition"),
    path(E + "summary.csv", public.SummaryCsvView.as_view(), name="summary_csv"),
    path(E + "missing/", public.MissingView.as_view(), name="missing"),
    path(E + "missing.csv", public.MissingCsvView.as_view(), name="missing_csv"),
    path(E + "funnel/<slug:dimension>.csv", public.FunnelCsvView.as_view(), name="funnel_csv"),
    path(E + "outreach/", staff.OutreachView.as_view(), name="outreach"),
    path(E + "outreach.csv", staff.OutreachCsvView.as_view(), name="outreach_csv"),
]
