"""Programme pages under ``/<forum>/<edition>/``."""

from django.urls import path

from openigf.programme.views import feeds, now, public, staff

app_name = "programme"
E = "<slug:forum>/<slug:edition>/"

urlpatterns = [
    path(E + "agenda/", public.AgendaView.as_view(), name="agenda"),
    path(E + "agenda/mine/", public.MineView.as_view(), name="mine"),
    path(E + "agenda/mine/stars.json", public.StarsView.as_view(), name="stars"),
    path(E + "agenda/mine/schedule.<str:fmt>", public.MineExportView.as_view(),
         name="mine_export"),
    path(E + "agenda/mine/feed/<str:token>.ics", public.MineFeedView.as_view(), name="feed"),
    path(E + "agenda/changes/", public.ChangesView.as_view(), name="changes"),
    path(E + "now/", now.NowView.as_view(), name="now"),
    path(E + "schedule.<str:fmt>", public.ExportView.as_view(), name="export"),
    path(E + "agenda/schedule.<str:fmt>", public.ExportMovedView.as_view(),
         name="export_moved"),
    path(E + "sessions/<int:session_id>/", public.SessionView.as_view(), name="session"),
    path(E + "sessions/<int:session_id>/session.ics", public.SessionIcsView.as_view(),
         name="session_ics"),
    path(E + "sessions/<int:session_id>/star/", public.StarView.as_view(), name="star"),
    path("me/calendar-feeds/", feeds.FeedsView.as_view(), name="feeds"),
    path("me/calendar-feeds/<int:edition_id>/new/", feeds.FeedNewView.as_view(),
         name="feed_new"),
    path("me/calendar-feeds/<int:edition_id>/stop/", feeds.FeedStopView.as_view(),
         name="feed_stop"),
    path(E + "programme/manage/", staff.ManageView.as_view(), name="manage"),
    path(E + "programme/manage/windows/", staff.WindowsCreateView.as_view(),
         name="manage_windows"),
    path(E + "programme/manage/from-accepted/", staff.SessionsFromAcceptedView.as_view(),
         name="manage_from_accepted"),
    path(E + "programme/manage/solve/", staff.SolveView.as_view(), name="solve"),
    path(E + "programme/manage/publish/", staff.PublishView.as_view(), name="publish"),
    path(E + "programme/manage/sessions/new/", staff.SessionFormView.as_view(),
         name="manage_session_new"),
    path(E + "programme/manage/sessions/<int:session_id>/", staff.SessionFormView.as_view(),
         name="manage_session"),
    path(E + "programme/manage/sessions/<int:session_id>/place/",
         staff.SessionPlaceView.as_view(), name="manage_session_place"),
    path(E + "programme/manage/sessions/<int:session_id>/cancel/",
         staff.SessionCancelView.as_view(), name="manage_session_cancel"),
]
