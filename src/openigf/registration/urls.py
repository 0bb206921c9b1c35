from django.urls import path

from openigf.registration.views import pages

app_name = "registration"
E = "<slug:forum>/<slug:edition>/"

urlpatterns = [
    path(E + "register/", pages.RegisterView.as_view(), name="register"),
    path(E + "register/badge.pdf", pages.BadgeView.as_view(), name="badge"),
    path(E + "checkin/", pages.CheckInView.as_view(), name="checkin"),
    path(E + "registrations/", pages.ManageView.as_view(), name="manage"),
]
