from django.urls import path

from openigf.api import portal, views

app_name = "api"
urlpatterns = [
    path("me/tokens/", portal.TokensView.as_view(), name="tokens"),
    path("api/v1/me/", views.MeView.as_view(), name="me"),
    path("api/v1/<slug:forum>/<slug:edition>/", views.EditionView.as_view(), name="edition"),
]
