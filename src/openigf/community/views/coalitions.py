"""Dynamic Coalitions: the public list, the coordinators' pages, eligibility for a session."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from openigf.community import forms
from openigf.community.domain import coalitions as domain
from openigf.community.enums import CoalitionStatus
from openigf.community.models import Coalition, CoalitionMember
from openigf.community.queries import coalitions as queries
from openigf.community.views.base import CommunityFormPage, CommunityPage
from openigf.core.errors import ApplicationError
from openigf.core.forms import editable_copy
from openigf.people.enums import StakeholderGroup


class ListView(CommunityPage):
    permission_required = "community.view_registry"
    template_name = "community/coalitions/list.html"

    def get_context_data(self, **kwargs):
        staff = self.can("community.manage_registry")
        latest = self.request.forum.editions.filter(published=True).order_by("-year").first()
        return {**super().get_context_data(**kwargs),
                "coalitions": queries.listed(self.request.forum, include_proposed=staff),
                "latest_edition": latest, "staff": staff,
                "can_propose": self.can("community.propose_coalition")}


class CoalitionMixin:
    def get_target(self):
        return get_object_or_404(Coalition.objects.select_related("forum"),
                                 forum=self.request.forum, slug=self.kwargs["coalition"])


class DetailView(CoalitionMixin, CommunityPage):
    permission_required = "community.view_coalition"
    template_name = "community/coalitions/detail.html"

    def get_context_data(self, **kwargs):
        coalition = self.target
        members = list(coalition.members.all())
        groups = dict(StakeholderGroup.choices)
        by_group = {}
        for m in members:
            by_group[m.stakeholder_group] = by_group.get(m.stakeholder_group, 0) + 1
        return {**super().get_context_data(**kwargs), "coalition": coalition,
                "coordinators": [m for m in members if m.coordinator],
                "member_count": len(members),
                "groups": [(groups.get(g, g), n) for g, n in sorted(by_group.items())],
                "reports": coalition.reports.all(),
                "can_change": self.can("community.change_coalition"),
                "report_year": timezone.localdate().year - 1}


class ProposeView(CommunityFormPage):
    permission_required = "community.propose_coalition"
    template_name = "community/coalitions/form.html"
    form_class = forms.CoalitionForm

    def get_initial(self):
        return {"founded": timezone.localdate().year}

    def save(self, form):
        coalition = domain.coalition_propose(forum=self.request.forum, person=self.request.user,
                                             **form.cleaned_data)
        messages.success(self.request, _("The statement is filed. Add the members from at "
                                         "least three stakeholder groups; the Secretariat "
                                         "will then list the coalition."))
        return redirect("community:coalition_members", forum=self.request.forum.slug,
                        coalition=coalition.slug)


class EditView(CoalitionMixin, CommunityFormPage):
    permission_required = "community.change_coalition"
    template_name = "community/coalitions/form.html"

    def get_form_class(self):
        staff = self.can("community.manage_registry", self.request.forum)
        return forms.StaffCoalitionForm if staff else forms.CoalitionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": editable_copy(self.target)}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "coalition": self.target}

    def save(self, form):
        values = {f: form.cleaned_data[f] for f in form.changed_data}
        domain.coalition_update(coalition=self.target, actor=self.request.user, **values)
        messages.success(self.request, _("The coalition is saved."))
        return redirect(self.target.get_absolute_url())


class MembersView(CoalitionMixin, CommunityFormPage):
    permission_required = "community.change_coalition"
    template_name = "community/coalitions/members.html"
    form_class = forms.CoalitionMemberForm

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "coalition": self.target,
                "members": self.target.members.all()}

    def post(self, request, *args, **kwargs):
        if "remove" in request.POST:
            member = get_object_or_404(CoalitionMember, pk=request.POST["remove"],
                                       coalition=self.target)
            try:
                domain.coalition_member_remove(member=member, actor=request.user)
                messages.success(request, _("The member is removed."))
            except ApplicationError as exc:
                messages.error(request, exc.message)
            return redirect(request.path)
        return super().post(request, *args, **kwargs)

    def save(self, form):
        domain.coalition_member_add(coalition=self.target, actor=self.request.user,
                                    person=getattr(form, "person", None), **form.cleaned_data)
        messages.success(self.request, _("The member is added."))
        return redirect(self.request.path)


class ReportView(CoalitionMixin, CommunityFormPage):
    permission_required = "community.change_coalition"
    template_name = "community/coalitions/report.html"
    form_class = forms.CoalitionReportForm

    def dispatch(self, request, *args, **kwargs):
        if not 2006 <= kwargs["year"] <= timezone.localdate().year:
            raise Http404(_("No report can be filed for this year."))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        report = self.target.reports.filter(year=self.kwargs["year"]).first()
        return {**super().get_form_kwargs(), "instance": report}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "coalition": self.target,
                "year": self.kwargs["year"]}

    def save(self, form):
        fields = {f: form.cleaned_data[f] for f in forms.CoalitionReportForm._meta.fields}
        domain.coalition_report_file(coalition=self.target, year=self.kwargs["year"],
                                     actor=self.request.user, **fields)
        messages.success(self.request, _("The activity report is filed."))
        return redirect(self.target.get_absolute_url())


class EligibilityView(CommunityPage):
    """Which coalitions may hold a session at this edition, and why the others may not."""

    permission_required = "community.view_edition"
    template_name = "community/coalitions/eligibility.html"

    def get_context_data(self, **kwargs):
        rows = [r for r in queries.eligibility_of_all(self.request.edition)
                if r.coalition.status != CoalitionStatus.PROPOSED]
        return {**super().get_context_data(**kwargs), "rows": rows,
                "eligible": sum(1 for r in rows if r.eligible)}
