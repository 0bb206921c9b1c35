from django.urls import path

from openigf.review.views import pages

app_name = "review"
R = "<slug:forum>/<slug:edition>/review/"

urlpatterns = [
    path(R, pages.WorkspaceView.as_view(), name="workspace"),
    path(R + "manage/", pages.ManageView.as_view(), name="manage"),
    path(R + "manage/assignments.csv", pages.AssignmentsCsvView.as_view(), name="csv"),
    path(R + "results/", pages.ResultsView.as_view(), name="results"),
    path(R + "<int:proposal_id>/", pages.ScoreView.as_view(), name="score"),
]
