from django.urls import path

from openigf.review.views import results, reviewer, staff

app_name = "review"
R = "<slug:forum>/<slug:edition>/review/"

urlpatterns = [
    path(R, reviewer.WorkspaceView.as_view(), name="workspace"),
    path(R + "<int:proposal_id>/", reviewer.ScoreView.as_view(), name="score"),
    path(R + "<int:proposal_id>/conflict/", reviewer.ConflictDeclareView.as_view(),
         name="conflict"),
    path(R + "manage/", staff.ManageView.as_view(), name="manage"),
    path(R + "manage/round/", staff.RoundSaveView.as_view(), name="round"),
    path(R + "manage/assign/", staff.AssignView.as_view(), name="assign"),
    path(R + "manage/remind/", staff.RemindView.as_view(), name="remind"),
    path(R + "manage/import/", staff.ImportView.as_view(), name="import"),
    path(R + "manage/assignments.csv", staff.AssignmentsCsvView.as_view(), name="csv"),
    path(R + "results/", results.ResultsView.as_view(), name="results"),
    path(R + "results/select/", results.SelectView.as_view(), name="select"),
    path(R + "results/override/", results.OverrideView.as_view(), name="override"),
    path(R + "results/decide/", results.DecideView.as_view(), name="decide"),
]
