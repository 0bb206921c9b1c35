from django.urls import path

from openigf.funding.views import pages

app_name = "funding"
E = "<slug:forum>/<slug:edition>/"

urlpatterns = [
    path(E + "travel/", pages.TravelView.as_view(), name="travel"),
    path(E + "travel/manage/", pages.TravelManageView.as_view(), name="travel_manage"),
    path(E + "grants/", pages.GrantsView.as_view(), name="grants"),
    path(E + "grants/manage/", pages.GrantsManageView.as_view(), name="grants_manage"),
]
