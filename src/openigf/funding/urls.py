from django.urls import path

from openigf.funding.models import GrantApplication
from openigf.funding.views import grants, travel

app_name = "funding"
E = "<slug:forum>/<slug:edition>/"

urlpatterns = [
    path(E + "travel/", travel.TravelView.as_view(), name="travel"),
    path(E + "travel/report/", travel.TripReportView.as_view(), name="travel_report"),
    path(E + "travel/manage/", travel.TravelManageView.as_view(), name="travel_manage"),
    path(E + "travel/manage/calls/new/", travel.TravelCallFormView.as_view(),
         name="travel_call_new"),
    path(E + "travel/manage/calls/<int:travel_call_id>/", travel.TravelCallFormView.as_view(),
         name="travel_call"),
    path(E + "travel/manage/calls/<int:travel_call_id>/decide/", travel.TravelDecideView.as_view(),
         name="travel_decide"),
    path(E + "travel/manage/applications/<int:travel_application_id>/score/",
         travel.ScoreView.as_view(), name="travel_score"),
    path(E + "grants/", grants.GrantsView.as_view(), name="grants"),
    path(E + "grants/manage/", grants.GrantsManageView.as_view(), name="grants_manage"),
    path(E + "grants/manage/calls/<int:grant_call_id>/decide/", grants.GrantsDecideView.as_view(),
         name="grants_decide"),
    path(E + "grants/manage/applications/<int:grant_application_id>/score/",
         travel.ScoreView.as_view(model=GrantApplication,
                                  back="funding:grants_manage"), name="grants_score"),
]
