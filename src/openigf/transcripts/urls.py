from django.urls import path

from openigf.transcripts.views import pages

app_name = "transcripts"
S = "<slug:forum>/<slug:edition>/sessions/<int:session_id>/"

urlpatterns = [
    path("search/", pages.SearchView.as_view(), name="search"),
    path("<slug:forum>/<slug:edition>/voices/", pages.EditionVoicesView.as_view(),
         name="voices"),
    path(S + "transcript/upload/", pages.UploadView.as_view(), name="upload"),
    path(S + "transcript.txt", pages.PlainTextView.as_view(), name="text"),
    path(S + "transcript/live/", pages.LiveView.as_view(), name="live"),
    path(S + "transcript/speakers/", pages.SpeakersView.as_view(), name="speakers"),
]
