"""Proposals pages under ``/<forum>/<edition>/``."""

from django.urls import path

from openigf.proposals.views import portal, public, staff

app_name = "proposals"
E = "<slug:forum>/<slug:edition>/"
P = E + "proposals/"

urlpatterns = [
    path(P, public.OverviewView.as_view(), name="overview"),
    path(E + "proposals.csv", public.CsvView.as_view(), name="csv"),
    path(P + "mine/", portal.MineView.as_view(), name="mine"),
    path(P + "new/<slug:call_kind>/", portal.CreateView.as_view(), name="create"),
    path(P + "confirm/<str:invitation>/", portal.ConfirmView.as_view(), name="confirm"),
    path(P + "screening/", staff.ScreeningListView.as_view(), name="screening_list"),
    path(P + "screening/passing/", staff.ScreenPassingView.as_view(), name="screen_passing"),
    path(P + "similar/", staff.SimilarView.as_view(), name="similar"),
    path(P + "calls/", staff.CallsView.as_view(), name="manage_calls"),
    path(P + "calls/new/", staff.CallEditView.as_view(), name="call_new"),
    path(P + "calls/<slug:call_kind>/", staff.CallEditView.as_view(), name="call_edit"),
    path(P + "calls/<slug:call_kind>/questions/", staff.CallQuestionsView.as_view(),
         name="call_questions"),
    path(P + "<int:proposal_id>/", public.DetailView.as_view(), name="detail"),
    path(P + "<int:proposal_id>/edit/", portal.EditView.as_view(), name="edit"),
    path(P + "<int:proposal_id>/people/", portal.PeopleView.as_view(), name="people"),
    path(P + "<int:proposal_id>/people/<int:proposal_person_id>/", portal.PeopleView.as_view(),
         name="person"),
    path(P + "<int:proposal_id>/rules/", portal.ScreeningView.as_view(), name="rules"),
    path(P + "<int:proposal_id>/withdraw/", portal.WithdrawView.as_view(), name="withdraw"),
    path(P + "<int:proposal_id>/screen/", staff.ScreenView.as_view(), name="screen"),
]
