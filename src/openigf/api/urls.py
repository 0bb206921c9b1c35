"""The person's token page. The API itself is in ``api.routes`` (included first, under
``/api/``, by the root URLs)."""

from django.urls import path

from openigf.api import portal

app_name = "api"
urlpatterns = [
    path("me/tokens/", portal.TokensView.as_view(), name="tokens"),
]
