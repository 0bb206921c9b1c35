from django.urls import path

from openigf.outbox import views

app_name = "outbox"
M = "<slug:forum>/<slug:edition>/manage/outbox/"
urlpatterns = [
    path(M, views.OutboxView.as_view(), name="list"),
    path(M + "<int:mail_id>/", views.MessageView.as_view(), name="message"),
    path(M + "<int:mail_id>/retry/", views.RetryView.as_view(), name="retry"),
    path("manage/outbox/", views.PlatformOutboxView.as_view(), name="platform"),
]
