from django.urls import path

from openigf.outcomes.views import pages

app_name = "outcomes"
E = "<slug:forum>/<slug:edition>/"

urlpatterns = [
    path(E + "messages/", pages.MessagesView.as_view(), name="messages"),
    path(E + "messages/editor/", pages.EditorView.as_view(), name="editor"),
    path(E + "chairs-summary/", pages.SummaryView.as_view(), name="summary"),
    path(E + "chairs-summary.<str:fmt>", pages.SummaryFileView.as_view(), name="summary_file"),
]
