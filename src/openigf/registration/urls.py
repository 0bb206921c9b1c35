from django.urls import path

from openigf.registration.views import pages

app_name = "registration"
E = "<slug:forum>/<slug:edition>/"

urlpatterns = [
    path(E + "register/", pages.RegisterView.as_view(), name="register"),
    path(E + "register/cancel/", pages.CancelView.as_view(), name="cancel"),
    path(E + "register/badge.pdf", pages.BadgeView.as_view(), name="badge"),
    path(E + "checkin/", pages.CheckInView.as_view(), name="checkin"),
    path(E + "registrations/", pages.ManageView.as_view(), name="manage"),
    path(E + "registrations.csv", pages.CsvView.as_view(), name="csv"),
    path(E + "registrations/badges.pdf", pages.BadgesView.as_view(), name="badges"),
    path(E + "registrations/<int:registration_id>/approve/",
         pages.DecideView.as_view(approve=True), name="approve"),
    path(E + "registrations/<int:registration_id>/decline/",
         pages.DecideView.as_view(approve=False), name="decline"),
]
