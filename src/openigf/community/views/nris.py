"""Initiatives (NRIs): the public directory, the focal points' pages, the Secretariat's."""

import datetime

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from openigf.community import forms, worldmap
from openigf.community.domain import nris as domain
from openigf.community.enums import NriKind, NriStatus
from openigf.community.models import Initiative, RecognitionRequest
from openigf.community.queries import nris as queries
from openigf.community.views.base import CommunityFormPage, CommunityPage
from openigf.core.errors import ApplicationError, add_to_form
from openigf.core.forms import editable_copy
from openigf.people.enums import RegionalGroup


class DirectoryView(CommunityPage):
    permission_required = "community.view_registry"
    template_name = "community/nris/directory.html"

    def get_context_data(self, **kwargs):
        forum = self.request.forum
        everyone = list(queries.directory(forum))
        kind, region = self.request.GET.get("kind", ""), self.request.GET.get("region", "")
        shown = list(queries.directory(forum, kind=kind, region=region)) if (
            kind or region) else everyone
        return {
            **super().get_context_data(**kwargs),
            "initiatives": shown,
            "total": len(everyone),
            "charts": queries.directory_charts(everyone),
            "map": worldmap.shaded_map(queries.by_country(shown)),
            "countries": queries.country_list(shown),
            "regional": queries.without_country(shown),
            "kinds": NriKind.choices, "regions": RegionalGroup.choices,
            "kind": kind if kind in NriKind.values else "",
            "region": region if region in RegionalGroup.values else "",
            "can_request": self.can("community.request_recognition"),
        }


class InitiativeMixin:
    def get_target(self):
        initiative = queries.initiative_detail(self.request.forum, self.kwargs["nri"])
        if initiative is None:
            raise Http404(_("There is no such initiative."))
        return initiative


class DetailView(InitiativeMixin, CommunityPage):
    permission_required = "community.view_initiative"
    template_name = "community/nris/detail.html"

    def get_context_data(self, **kwargs):
        initiative = self.target
        can_change = self.can("community.change_initiative")
        requests = list(initiative.requests.all()) if can_change else []
        return {**super().get_context_data(**kwargs), "initiative": initiative,
                "reports": initiative.reports.all(), "requests": requests,
                "can_change": can_change,
                "can_decide": self.can("community.decide_recognition"),
                "report_year": timezone.localdate().year - 1}


class RequestView(CommunityFormPage):
    """A focal point asks for recognition (``?nri=<slug>`` files a new request for their own
    initiative whose last request was returned or declined)."""

    permission_required = "community.request_recognition"
    template_name = "community/nris/request.html"
    form_class = forms.RecognitionRequestForm

    def get_initiative(self):
        slug = self.request.GET.get("nri") or self.request.POST.get("nri")
        if not slug:
            return None
        initiative = get_object_or_404(Initiative, forum=self.request.forum, slug=slug)
        if not self.request.user.has_perm("community.change_initiative", initiative):
            raise Http404(_("There is no such initiative."))
        return initiative

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_initiative()}

    def get_context_data(self, **kwargs):
        team = kwargs.pop("team", None) or forms.TeamFormSet(prefix="team")
        return {**super().get_context_data(**kwargs), "team": team,
                "initiative": self.get_initiative()}

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        team = forms.TeamFormSet(request.POST, prefix="team")
        if not (form.is_valid() & team.is_valid()):
            return self.render_to_response(self.get_context_data(form=form, team=team))
        members = [{k: f.cleaned_data[k] for k in ("name", "organisation", "stakeholder_group")}
                   for f in team.forms if f.cleaned_data.get("name")]
        data = form.cleaned_data
        try:
            with transaction.atomic():
                req = domain.initiative_request_recognition(
                    forum=request.forum, person=request.user, initiative=self.get_initiative(),
                    principles=data["principles"], first_meeting=data["first_meeting"],
                    evidence_url=data["evidence_url"], team=members,
                    **{f: data[f] for f in forms.INITIATIVE_FIELDS})
        except ApplicationError as exc:
            add_to_form(form, exc)
            return self.render_to_response(self.get_context_data(form=form, team=team))
        messages.success(request, _("Your request is sent. The Secretariat will check it and "
                                    "write to you."))
        return redirect(req.initiative.get_absolute_url())


class EditView(InitiativeMixin, CommunityFormPage):
    permission_required = "community.change_initiative"
    template_name = "community/nris/edit.html"

    @cached_property
    def staff(self) -> bool:
        return self.can("community.manage_registry", self.request.forum)

    def get_form_class(self):
        return forms.StaffInitiativeForm if self.staff else forms.InitiativeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": editable_copy(self.target)}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "initiative": self.target,
                "focal_form": kwargs.get("focal_form") or forms.PersonEmailForm(
                    prefix="focal"),
                "focal_points": self.target.focal_points.all(), "staff": self.staff}

    def post(self, request, *args, **kwargs):
        if "focal-email" in request.POST:
            return self._add_focal_point()
        if "remove_focal_point" in request.POST:
            person = get_object_or_404(self.target.focal_points,
                                       pk=request.POST["remove_focal_point"])
            try:
                domain.initiative_focal_point_remove(initiative=self.target, person=person,
                                                     actor=request.user)
                messages.success(request, _("The focal point is removed."))
            except ApplicationError as exc:
                messages.error(request, exc.message)
            return redirect("community:nri_edit", forum=request.forum.slug,
                            nri=self.target.slug)
        return super().post(request, *args, **kwargs)

    def _add_focal_point(self):
        form = forms.PersonEmailForm(self.request.POST, prefix="focal")
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=self.get_form(),
                                                                 focal_form=form))
        domain.initiative_focal_point_add(initiative=self.target, person=form.person,
                                          actor=self.request.user)
        messages.success(self.request, _("The focal point is added."))
        return redirect("community:nri_edit", forum=self.request.forum.slug,
                        nri=self.target.slug)

    def save(self, form):
        values = {f: form.cleaned_data[f] for f in form.changed_data}
        domain.initiative_update(initiative=self.target, actor=self.request.user, **values)
        messages.success(self.request, _("The initiative is saved."))
        return redirect(self.target.get_absolute_url())


class ReportView(InitiativeMixin, CommunityFormPage):
    permission_required = "community.change_initiative"
    template_name = "community/nris/report.html"
    form_class = forms.AnnualReportForm

    def get_year(self) -> int:
        year = self.kwargs["year"]
        if not 1990 <= year <= timezone.localdate().year:
            raise Http404(_("No report can be filed for this year."))
        return year

    def get_form_kwargs(self):
        report = self.target.reports.filter(year=self.get_year()).first()
        return {**super().get_form_kwargs(), "instance": report or
                forms.AnnualReportForm._meta.model(initiative=self.target, year=self.get_year())}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "initiative": self.target,
                "year": self.get_year()}

    def save(self, form):
        fields = {f: form.cleaned_data[f] for f in forms.AnnualReportForm._meta.fields}
        domain.annual_report_file(initiative=self.target, year=self.get_year(),
                                  actor=self.request.user, **fields)
        messages.success(self.request, _("The report of %(year)s is filed. Thank you.")
                         % {"year": self.get_year()})
        return redirect(self.target.get_absolute_url())


# --- The Secretariat -------------------------------------------------------------------------
class ManageView(CommunityPage):
    permission_required = "community.manage_registry"
    template_name = "community/manage/registry.html"

    def get_context_data(self, **kwargs):
        forum = self.request.forum
        initiatives = list(queries.registry_overview(forum))
        status = self.request.GET.get("status", "")
        counts = {s: sum(1 for i in initiatives if i.status == s) for s in NriStatus.values}
        if status in NriStatus.values:
            initiatives = [i for i in initiatives if i.status == status]
        return {**super().get_context_data(**kwargs), "initiatives": initiatives,
                "requests": queries.pending_requests(forum),
                "statuses": [(v, label, counts[v]) for v, label in NriStatus.choices],
                "status": status,
                "today": timezone.localdate()}

    def post(self, request, *args, **kwargs):
        try:
            today = datetime.date.fromisoformat(request.POST.get("as_of", ""))
        except ValueError:
            messages.error(request, _("Give the date as of which reports are checked."))
            return redirect("community:manage_nris", forum=request.forum.slug)
        lapsed = domain.initiatives_lapse_overdue(forum=request.forum, today=today,
                                                  actor=request.user)
        messages.success(request, _("%(n)s initiatives lapsed for want of an annual report.")
                         % {"n": len(lapsed)})
        return redirect("community:manage_nris", forum=request.forum.slug)


class DecideView(CommunityFormPage):
    permission_required = "community.decide_recognition"
    template_name = "community/manage/request.html"
    form_class = forms.DecisionForm

    def get_target(self):
        return get_object_or_404(
            RecognitionRequest.objects.select_related("initiative", "initiative__country",
                                                      "submitted_by")
            .prefetch_related("team", "initiative__focal_points"),
            pk=self.kwargs["request_id"], initiative__forum=self.request.forum)

    def get_context_data(self, **kwargs):
        req = self.target
        return {**super().get_context_data(**kwargs), "req": req, "criteria": req.criteria(),
                "initiative": req.initiative}

    def save(self, form):
        domain.recognition_decide(request=self.target, decision=form.cleaned_data["decision"],
                                  note=form.cleaned_data["note"], actor=self.request.user)
        messages.success(self.request, _("The decision is recorded and the focal points are "
                                         "told."))
        return redirect("community:manage_nris", forum=self.request.forum.slug)
