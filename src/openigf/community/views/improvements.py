"""The improvements tracker: the filtered list with its progress summary, CSV in and out, and
the editing pages of its keepers (the Secretariat and the improvements working group)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from openigf.community import forms, importers
from openigf.community.domain import improvements as domain
from openigf.community.enums import Cost, ImprovementCategory, ImprovementStatus
from openigf.community.models import Recommendation
from openigf.community.queries import improvements as queries
from openigf.community.views.base import CommunityFormPage, CommunityPage


class ListView(CommunityPage):
    permission_required = "community.view_registry"
    template_name = "community/improvements/list.html"

    def get_context_data(self, **kwargs):
        forum = self.request.forum
        filters = queries.clean_filters(forum, self.request.GET)
        return {**super().get_context_data(**kwargs),
                "recommendations": queries.recommendations(forum, filters),
                "filters": filters, "query": urlencode(filters),
                "summary": queries.summary(forum), **queries.filter_options(forum),
                "categories": ImprovementCategory.choices,
                "statuses": ImprovementStatus.choices, "costs": Cost.choices,
                "can_change": self.can("community.change_improvements")}


class ExportView(CommunityPage):
    permission_required = "community.view_registry"

    def get(self, request, *args, **kwargs):
        filters = queries.clean_filters(request.forum, request.GET)
        body = importers.export_recommendations(queries.recommendations(request.forum, filters))
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="{request.forum.slug}-improvements.csv"')
        return response


class ImportView(CommunityFormPage):
    permission_required = "community.change_improvements"
    template_name = "community/improvements/import.html"
    form_class = forms.ImportForm

    def save(self, form):
        try:
            rows = importers.parse_recommendations(form.cleaned_data["file"].read())
        except importers.ImportFailed as exc:
            for line, message in exc.errors:
                form.add_error("file", _("Line %(line)s: %(message)s")
                               % {"line": line, "message": message})
            form.add_error(None, _("Nothing was imported: correct the file and send it "
                                   "again."))
            return self.form_invalid(form)
        counts = domain.recommendations_import(forum=self.request.forum, rows=rows,
                                               actor=self.request.user)
        messages.success(self.request, _("Imported %(rows)s rows: %(created)s added, "
                                         "%(updated)s changed.") % counts)
        return redirect("community:improvements", forum=self.request.forum.slug)


class EditView(CommunityFormPage):
    permission_required = "community.change_improvements"
    template_name = "community/improvements/form.html"
    form_class = forms.RecommendationForm

    def get_recommendation(self):
        pk = self.kwargs.get("recommendation_id")
        return None if pk is None else get_object_or_404(Recommendation, pk=pk,
                                                         forum=self.request.forum)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(),
                "instance": self.get_recommendation() or Recommendation(
                    forum=self.request.forum)}

    def post(self, request, *args, **kwargs):
        recommendation = self.get_recommendation()
        if recommendation is not None and "delete" in request.POST:
            domain.recommendation_delete(recommendation=recommendation, actor=request.user)
            messages.success(request, _("The recommendation is deleted."))
            return redirect("community:improvements", forum=request.forum.slug)
        return super().post(request, *args, **kwargs)

    def save(self, form):
        data = dict(form.cleaned_data)
        tags = data.pop("tags")
        domain.recommendation_save(forum=self.request.forum,
                                   recommendation=self.get_recommendation(), tags=tags,
                                   actor=self.request.user, **data)
        messages.success(self.request, _("The recommendation is saved."))
        return redirect("community:improvements", forum=self.request.forum.slug)
