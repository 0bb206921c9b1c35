"""The editors' pages of the IGF Messages: per theme, the messages in a table, the grouped
takeaways to draft from and the comments to moderate; each action has its own URL."""

from django import forms
from django.contrib import messages as flash
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from openigf.core.errors import ApplicationError
from openigf.core.forms import TranslationsMixin
from openigf.core.views import PermissionRequiredMixin
from openigf.outcomes import domain
from openigf.outcomes.models import IgfMessage, MessageComment
from openigf.programme.models import Session

MAX_GROUPS = 30  # the most groups of takeaways one may ask for


class MessageForm(TranslationsMixin, forms.Form):
    translated_fields = ("subheading", "text")

    subheading = forms.CharField(label=gettext_lazy("Sub-heading"), required=False,
                                 max_length=200)
    text = forms.CharField(label=gettext_lazy("Message"), max_length=3000,
                           widget=forms.Textarea(attrs={"rows": 4}))
    sessions = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Sessions it comes from"), required=False,
        queryset=Session.objects.none(), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, edition, theme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sessions"].queryset = Session.objects.filter(
            edition=edition, theme=theme).order_by("title")


def editor_url(edition, theme=None, anchor="") -> str:
    url = reverse("outcomes:editor", kwargs=edition.url_kwargs)
    return f"{url}?theme={theme.pk}{anchor}" if theme else url


class EditorView(PermissionRequiredMixin, TemplateView):
    """Per theme: its messages (a table with their state and actions), the grouped takeaways
    of its sessions to draft from, and the comments waiting for moderation."""

    permission_required = "outcomes.edit"
    template_name = "outcomes/editor.html"

    def get_context_data(self, **kwargs):
        edition = self.request.edition
        themes = list(edition.themes.all())
        wanted = kwargs.get("theme") or self.request.GET.get("theme")
        current = next((t for t in themes if str(t.pk) == str(getattr(wanted, "pk", wanted))),
                       themes[0] if themes else None)
        k = self.request.GET.get("k", "")
        k = int(k) if k.isdigit() and 1 <= int(k) <= MAX_GROUPS else None
        grouped = domain.takeaway_groups(edition, current, k=k) if current else None
        groups = (grouped.groups + grouped.ungrouped) if grouped else []
        return {**super().get_context_data(**kwargs), "themes": themes, "theme": current,
                "groups": groups[:40], "grouped": grouped, "max_groups": MAX_GROUPS,
                "draft_error": kwargs.get("draft_error"),
                "draft": kwargs.get("draft") or {},
                "igf_messages": IgfMessage.objects.filter(edition=edition, theme=current)
                .prefetch_related("sessions") if current else [],
                "pending": MessageComment.objects.filter(
                    message__edition=edition, status=MessageComment.Status.PENDING)
                .select_related("message", "person")}


class MessageNewView(EditorView):
    """Draft a message from a group of takeaways (POST only)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        edition = request.edition
        theme = get_object_or_404(edition.themes, pk=request.POST.get("theme") or 0)
        ids = [int(i) for i in request.POST.getlist("sessions") if i.isdigit()]
        try:
            message = domain.message_save(
                edition=edition, theme=theme, text=request.POST.get("text", ""),
                subheading=request.POST.get("subheading", "")[:200],
                sessions=Session.objects.filter(edition=edition, theme=theme, pk__in=ids))
        except ApplicationError as error:
            return self.render_to_response(self.get_context_data(
                theme=theme, draft_error=str(error), draft=request.POST))
        flash.success(request, _("Message drafted. It is a draft until you open it for "
                                 "public comment; you can still edit it."))
        return redirect(editor_url(edition, theme, f"#m{message.pk}"))


class MessageMixin(PermissionRequiredMixin):
    permission_required = "outcomes.edit"

    def dispatch(self, request, *args, **kwargs):
        self.message = get_object_or_404(IgfMessage.objects.select_related("theme"),
                                         edition=request.edition, pk=kwargs["message_id"])
        return super().dispatch(request, *args, **kwargs)


class MessageEditView(MessageMixin, TemplateView):
    """Change a message's text, sub-heading and sessions while it is not final."""

    template_name = "outcomes/message_edit.html"

    def form(self, data=None):
        m = self.message
        return MessageForm(data, edition=self.request.edition, theme=m.theme, initial={
            "subheading": m.subheading, "text": m.text, "sessions": list(m.sessions.all())},
            translated_object=m, content_language=self.request.forum.language)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "message": self.message,
                "form": kwargs.get("form") or self.form(),
                "back": editor_url(self.request.edition, self.message.theme)}

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if form.is_valid():
            try:
                domain.message_save(edition=request.edition, theme=self.message.theme,
                                    message=self.message, text=form.cleaned_data["text"],
                                    subheading=form.cleaned_data["subheading"],
                                    sessions=form.cleaned_data["sessions"],
                                    versions=form.versions())
                flash.success(request, _("Message saved."))
                return redirect(editor_url(request.edition, self.message.theme,
                                           f"#m{self.message.pk}"))
            except ApplicationError as error:
                form.add_error(None, error.message)
                for field, message in error.fields.items():
                    if field in form.fields:
                        form.add_error(field, message)
        return self.render_to_response(self.get_context_data(form=form))


class MessageMoveView(MessageMixin, View):
    """Move a message forward: draft -> open for public comment -> final (POST only)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            domain.message_move(message=self.message, status=request.POST.get("status", ""))
        except (ApplicationError, ValueError) as error:
            flash.error(request, str(error) if isinstance(error, ApplicationError)
                        else _("Choose where the message moves."))
        else:
            flash.success(request, _("Message moved to “%(status)s”.")
                          % {"status": self.message.get_status_display()})
        return redirect(editor_url(request.edition, self.message.theme, f"#m{self.message.pk}"))


class CommentModerateView(PermissionRequiredMixin, View):
    """Publish a pending comment, or not (POST only)."""

    permission_required = "outcomes.edit"
    http_method_names = ["post"]

    def post(self, request, comment_id):
        comment = get_object_or_404(MessageComment.objects.select_related("message"),
                                    message__edition=request.edition, pk=comment_id)
        approve = request.POST.get("approve") == "1"
        domain.comment_moderate(comment=comment, approve=approve)
        flash.success(request, _("The comment is published.") if approve
                      else _("The comment will not be published."))
        return redirect(editor_url(request.edition, comment.message.theme, "#mod"))
