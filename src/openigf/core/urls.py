from django.urls import path

from openigf.core import views

app_name = "core"

urlpatterns = [
    path("jobs/<uuid:job_id>/", views.JobView.as_view(), name="job"),
]
