from django.urls import path

from openigf.outbox import views

app_name = "outbox"
urlpatterns = [
    path("<slug:forum>/<slug:edition>/manage/outbox/", views.OutboxView.as_view(), name="list"),
    path("manage/outbox/", views.PlatformOutboxView.as_view(), name="platform"),
]
