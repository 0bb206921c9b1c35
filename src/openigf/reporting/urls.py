from django.urls import path

from openigf.reporting.views import pages

app_name = "reporting"
E = "<slug:forum>/<slug:edition>/"

urlpatterns = [
    path(E + "sessions/<int:session_id>/reports/<slug:kind>/", pages.ReportView.as_view(),
         name="report"),
    path(E + "sessions/<int:session_id>/reports/<slug:kind>/lock/",
         pages.ReportLockView.as_view(), name="report_lock"),
    path(E + "reports/compliance/", pages.ComplianceView.as_view(), name="compliance"),
    path(E + "reports/templates/", pages.TemplatesView.as_view(), name="templates"),
]
