"""IGF Messages (public page with comments) and the Chair's Summary (web page, PDF, DOCX,
editing). The editors' pages are in ``editor.py``."""

from django import forms
from django.contrib import messages as flash
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from openigf.core.errors import ApplicationError, add_to_form
from openigf.core.forms import TranslationsMixin
from openigf.core.views import PermissionRequiredMixin, PermissionTemplateView
from openigf.outcomes import domain
from openigf.outcomes.models import ChairsSummary, IgfMessage, MessageStatus


class CommentForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Your comment"), max_length=3000,
                           widget=forms.Textarea(attrs={"rows": 3}))


class MessagesView(PermissionTemplateView):
    permission_required = "outcomes.view"
    template_name = "outcomes/messages.html"

    def get_context_data(self, **kwargs):
        edition = self.request.edition
        shown = (IgfMessage.objects.filter(edition=edition)
                 .exclude(status=MessageStatus.DRAFT).select_related("theme")
                 .prefetch_related("sessions", "comments__person"))
        by_theme = {}
        for m in shown:
            by_theme.setdefault(m.theme, []).append(m)
        return {**super().get_context_data(**kwargs), "by_theme": list(by_theme.items()),
                "comment_form": kwargs.get("comment_form") or CommentForm(),
                "can_comment": self.request.user.is_authenticated}

    def post(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(f"/accounts/login/?next={request.path}")
        message = get_object_or_404(IgfMessage, edition=request.edition,
                                    pk=request.POST.get("message"))
        form = CommentForm(request.POST)
        if form.is_valid():
            try:
                domain.comment_add(message=message, person=request.user,
                                   text=form.cleaned_data["text"])
                flash.success(request, _("Thank you: your comment will show once a moderator "
                                         "has read it."))
                return redirect(request.path + f"#m{message.pk}")
            except ApplicationError as error:
                add_to_form(form, error, field="text")
        return self.render_to_response(self.get_context_data(comment_form=form))


class SummaryForm(TranslationsMixin, forms.Form):
    translated_fields = ("introduction",)
    introduction = forms.CharField(label=gettext_lazy("Introduction"), required=False,
                                   max_length=20000, widget=forms.Textarea(attrs={"rows": 8}))


class SummaryView(PermissionTemplateView):
    permission_required = "outcomes.view"
    template_name = "outcomes/summary.html"

    def get_context_data(self, **kwargs):
        ctx = domain.summary_context(self.request.edition)
        can_edit = self.request.user.has_perm("outcomes.edit", self.request.edition)
        if ctx is None and not can_edit:
            raise Http404(_("The Chair's Summary is not published yet."))

        summary = ChairsSummary.objects.filter(edition=self.request.edition).first()
        form = kwargs.get("form") or SummaryForm(
            translated_object=summary, content_language=self.request.forum.language)
        return {**super().get_context_data(**kwargs), "ctx": ctx, "can_edit": can_edit,
                "form": form, "versions": summary.versions.all() if summary else []}

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("outcomes.edit", request.edition):
            return HttpResponse(status=403)
        form = SummaryForm(request.POST, content_language=request.forum.language)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        version = domain.summary_publish(edition=request.edition,
                                         introduction=form.cleaned_data["introduction"],
                                         versions=form.versions(), person=request.user)
        flash.success(request, _("Version %(n)d of the Chair's Summary is published.") % {
            "n": version.number})
        return redirect(request.path)


class SummaryFileView(PermissionRequiredMixin, View):
    permission_required = "outcomes.view"

    def get_permission_object(self):
        return self.request.edition

    def get(self, request, fmt, *args, **kwargs):
        if domain.summary_context(request.edition) is None:
            raise Http404
        name = f"chairs-summary-{request.edition.forum.slug}-{request.edition.slug}.{fmt}"
        if fmt == "pdf":
            response = HttpResponse(domain.summary_pdf(request.edition),
                                    content_type="application/pdf")
        elif fmt == "docx":
            response = HttpResponse(
                domain.summary_docx(request.edition),
                content_type="application/vnd.openxmlformats-officedocument."
                             "wordprocessingml.document")
        else:
            raise Http404
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
