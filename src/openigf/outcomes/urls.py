from django.urls import path

from openigf.outcomes.views import editor, pages

app_name = "outcomes"
E = "<slug:forum>/<slug:edition>/"
ED = E + "messages/editor/"

urlpatterns = [
    path(E + "messages/", pages.MessagesView.as_view(), name="messages"),
    path(ED, editor.EditorView.as_view(), name="editor"),
    path(ED + "new/", editor.MessageNewView.as_view(), name="message_new"),
    path(ED + "<int:message_id>/", editor.MessageEditView.as_view(), name="message_edit"),
    path(ED + "<int:message_id>/move/", editor.MessageMoveView.as_view(), name="message_move"),
    path(ED + "comments/<int:comment_id>/moderate/", editor.CommentModerateView.as_view(),
         name="comment_moderate"),
    path(E + "chairs-summary/", pages.SummaryView.as_view(), name="summary"),
    path(E + "chairs-summary.<str:fmt>", pages.SummaryFileView.as_view(), name="summary_file"),
]
