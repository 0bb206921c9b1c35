from django.urls import path

from openigf.consultation.views import public, staff, themes

app_name = "consultation"
C = "<slug:forum>/<slug:edition>/call-for-issues/"

urlpatterns = [
    path(C, public.CallView.as_view(), name="call"),
    path(C + "inputs/", public.InputsView.as_view(), name="inputs"),
    path(C + "results.csv", public.ResultsCsvView.as_view(), name="results_csv"),
    path(C + "confirm/<str:token>/", public.ConfirmView.as_view(), name="confirm"),
    path(C + "manage/", staff.ManageView.as_view(), name="manage"),
    path(C + "manage/inputs/", staff.ModerationView.as_view(), name="moderation"),
    path(C + "manage/inputs/<int:input_id>/hide/", staff.HideView.as_view(), name="input_hide"),
    path(C + "manage/inputs/<int:input_id>/show/", staff.ShowView.as_view(), name="input_show"),
]

T = C + "themes/"
G = T + "<int:grouping_id>/"
urlpatterns += [
    path(T, themes.ThemesView.as_view(), name="themes"),
    path(T + "discover/", themes.DiscoverView.as_view(), name="discover"),
    path(T + "suggest/", themes.SuggestView.as_view(), name="suggest"),
    path(G + "adopt/", themes.AdoptView.as_view(), name="adopt"),
    path(G + "move/", themes.MoveView.as_view(), name="move"),
    path(G + "<int:draft_theme_id>/rename/", themes.RenameView.as_view(), name="rename"),
    path(G + "<int:draft_theme_id>/texts/", themes.TextsView.as_view(), name="texts"),
    path(G + "<int:draft_theme_id>/merge/", themes.MergeView.as_view(), name="merge"),
    path(G + "<int:draft_theme_id>/split/", themes.SplitView.as_view(), name="split"),
]
