"""The MAG of an edition: the public roster and working groups; the Secretariat's roster with
the rules checked live, the rotation plan, working groups and certificates."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from openigf.community import certificates, forms
from openigf.community.domain import mag as domain
from openigf.community.enums import PlanDecision
from openigf.community.models import MagTerm, WorkingGroup, WorkingGroupMember
from openigf.community.queries import mag as queries
from openigf.community.views.base import CommunityFormPage, CommunityPage
from openigf.core.charts import breakdown
from openigf.core.errors import ApplicationError
from openigf.forums.enums import Role
from openigf.forums.models import Edition, Membership
from openigf.people.enums import Gender, RegionalGroup, StakeholderGroup


def composition_context(result, lines) -> dict:
    names = {str(line.person.pk): line.person.name for line in lines}
    return {
        "composition": result,
        "findings": queries.finding_messages(result, names),
        "charts": [
            breakdown(_("By stakeholder group"), result.by_group,
                      choices=StakeholderGroup.choices, slug="mag-group"),
            breakdown(_("By regional group"), result.by_region,
                      choices=RegionalGroup.choices, slug="mag-region"),
            breakdown(_("By gender"), result.by_gender, choices=Gender.choices,
                      slug="mag-gender", keep_empty=False),
        ],
    }


def warn(request, result, lines=()) -> None:
    """A roster that breaks a rule is saved, and said so."""
    names = {str(line.person.pk): line.person.name for line in lines}
    for message in queries.finding_messages(result, names):
        messages.warning(request, _("Saved, but: %(rule)s") % {"rule": message})


class RosterView(CommunityPage):
    permission_required = "community.view_edition"
    template_name = "community/mag/roster.html"

    def get_context_data(self, **kwargs):
        lines = queries.roster(self.request.edition)
        result = queries.composition(self.request.edition, lines)
        return {**super().get_context_data(**kwargs), "lines": lines,
                **composition_context(result, lines),
                "can_manage": self.can("community.manage_mag")}


class ManageView(CommunityFormPage):
    permission_required = "community.manage_mag"
    template_name = "community/mag/manage.html"
    form_class = forms.MagMemberForm

    def get_context_data(self, **kwargs):
        edition = self.request.edition
        lines = queries.roster(edition)
        result = queries.composition(edition, lines)
        return {**super().get_context_data(**kwargs), "lines": lines,
                **composition_context(result, lines), "seats": MagTerm._meta.get_field(
                    "seat").choices, "hosts": queries.host_codes(edition)}

    def post(self, request, *args, **kwargs):
        edition = request.edition
        if "remove" in request.POST:
            membership = get_object_or_404(Membership, pk=request.POST["remove"],
                                           edition=edition, role=Role.MAG)
            result = domain.mag_member_remove(membership=membership, actor=request.user)
            messages.success(request, _("%(name)s leaves the MAG.")
                             % {"name": membership.person})
            warn(request, result, queries.roster(edition))
            return redirect(request.path)
        if "term_for" in request.POST:
            return self._set_term()
        return super().post(request, *args, **kwargs)

    def _set_term(self):
        request = self.request
        membership = get_object_or_404(Membership, pk=request.POST["term_for"],
                                       edition=request.edition, role=Role.MAG)
        form = forms.MagTermForm(request.POST, instance=MagTerm.objects.filter(
            membership=membership).first() or MagTerm(membership=membership))
        if not form.is_valid():
            for field, errors in form.errors.items():
                messages.error(request, f"{membership.person}: {field}: {' '.join(errors)}")
            return redirect(request.path)
        domain.mag_term_set(membership=membership, actor=request.user, **form.cleaned_data)
        lines = queries.roster(request.edition)
        messages.success(request, _("The term of %(name)s is saved.")
                         % {"name": membership.person})
        warn(request, queries.composition(request.edition, lines), lines)
        return redirect(request.path)

    def save(self, form):
        data = form.cleaned_data
        _term, result = domain.mag_member_add(edition=self.request.edition, person=form.person,
                                              term=data["term"], seat=data["seat"],
                                              actor=self.request.user)
        messages.success(self.request, _("%(name)s is on the MAG.") % {"name": form.person})
        warn(self.request, result, queries.roster(self.request.edition))
        return redirect(self.request.path)


class RotationView(CommunityFormPage):
    """The plan for next year's MAG: who renews, who rotates out, who joins; the composition
    it would have is checked on every change (htmx) or with the Check button."""

    permission_required = "community.manage_mag"
    template_name = "community/mag/rotation.html"
    form_class = forms.NewcomersForm

    def get_initial(self):
        return {"newcomers": "\n".join(p.email or "" for p in queries.planned_newcomers(
            self.request.edition))}

    def _decisions(self, lines):
        if self.request.method != "POST":
            return queries.plan_of(self.request.edition, lines)
        allowed = (PlanDecision.RENEW, PlanDecision.LEAVE)
        saved = queries.plan_of(self.request.edition, lines)
        return {line.person.pk: (self.request.POST.get(f"decision-{line.person.pk}")
                                 if self.request.POST.get(f"decision-{line.person.pk}")
                                 in allowed else saved[line.person.pk]) for line in lines}

    def get_context_data(self, **kwargs):
        edition = self.request.edition
        lines = queries.roster(edition)
        decisions = self._decisions(lines)
        form = kwargs.get("form")
        newcomers = (form.cleaned_data["newcomers"] if form is not None and form.is_bound
                     and form.is_valid() else queries.planned_newcomers(edition))
        result = queries.planned_composition(edition, lines, decisions, newcomers)
        leaving = sum(1 for d in decisions.values() if d == PlanDecision.LEAVE)
        return {**super().get_context_data(**kwargs),
                "rows": [(line, decisions[line.person.pk]) for line in lines],
                "newcomers": newcomers, "leaving": leaving,
                "rotation_share": 100 * leaving / len(lines) if lines else 0,
                "next_edition": queries.next_edition(edition),
                **composition_context(result, lines)}

    def get_template_names(self):
        if getattr(self.request, "htmx", False) and "preview" in self.request.POST:
            return ["community/mag/_plan_check.html"]
        return [self.template_name]

    def post(self, request, *args, **kwargs):
        if "apply" in request.POST:
            return self._apply()
        form = self.get_form()
        if "preview" in request.POST or not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        return self.form_valid(form)

    def save(self, form):
        lines = queries.roster(self.request.edition)
        domain.mag_plan_save(edition=self.request.edition, decisions=self._decisions(lines),
                             newcomers=form.cleaned_data["newcomers"], actor=self.request.user)
        messages.success(self.request, _("The rotation plan is saved."))
        return redirect(self.request.path)

    def _apply(self):
        request = self.request
        following = get_object_or_404(Edition, pk=request.POST.get("next_edition"),
                                      forum=request.forum)
        try:
            result = domain.mag_plan_apply(edition=request.edition, next_edition=following,
                                           actor=request.user)
        except ApplicationError as exc:
            messages.error(request, exc.message)
            return redirect(request.path)
        messages.success(request, _("The MAG of %(edition)s is appointed.")
                         % {"edition": following})
        warn(request, result, queries.roster(following))
        return redirect("community:manage_mag", **following.url_kwargs)


class WorkingGroupsView(CommunityPage):
    permission_required = "community.view_edition"
    template_name = "community/mag/working_groups.html"

    def get_context_data(self, **kwargs):
        groups = WorkingGroup.objects.filter(edition=self.request.edition).prefetch_related(
            "members__person")
        return {**super().get_context_data(**kwargs), "groups": groups,
                "can_manage": self.can("community.manage_mag")}


class WorkingGroupEditView(CommunityFormPage):
    permission_required = "community.manage_mag"
    template_name = "community/mag/working_group_form.html"
    form_class = forms.WorkingGroupForm

    def get_group(self):
        pk = self.kwargs.get("group_id")
        return None if pk is None else get_object_or_404(WorkingGroup, pk=pk,
                                                         edition=self.request.edition)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_group()}

    def get_context_data(self, **kwargs):
        group = self.get_group()
        return {**super().get_context_data(**kwargs), "group": group,
                "member_form": kwargs.get("member_form") or forms.WorkingGroupMemberForm(
                    prefix="member"),
                "members": group.members.select_related("person") if group else []}

    def post(self, request, *args, **kwargs):
        group = self.get_group()
        if group is not None and "remove" in request.POST:
            member = get_object_or_404(WorkingGroupMember, pk=request.POST["remove"],
                                       group=group)
            domain.working_group_member_remove(member=member, actor=request.user)
            return redirect(request.path)
        if group is not None and "member-email" in request.POST:
            form = forms.WorkingGroupMemberForm(request.POST, prefix="member")
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(
                    form=forms.WorkingGroupForm(instance=group), member_form=form))
            domain.working_group_member_set(group=group, person=form.person,
                                            role=form.cleaned_data["role"], actor=request.user)
            messages.success(request, _("%(name)s is in the working group.")
                             % {"name": form.person})
            return redirect(request.path)
        return super().post(request, *args, **kwargs)

    def save(self, form):
        group = domain.working_group_save(edition=self.request.edition, group=self.get_group(),
                                          actor=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("The working group is saved."))
        return redirect("community:working_group", **self.request.edition.url_kwargs,
                        group_id=group.pk)


class CertificatesView(CommunityPage):
    permission_required = "community.manage_mag"
    template_name = "community/mag/certificates.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs),
                "lines": queries.outgoing(self.request.edition)}


class CertificateView(CommunityPage):
    """The certificate of recognition of an outgoing member, as PDF."""

    permission_required = "community.view_certificate"

    def get_target(self):
        return get_object_or_404(Membership, pk=self.kwargs["membership_id"],
                                 edition=self.request.edition, role=Role.MAG)

    def get(self, request, *args, **kwargs):
        line = next((line for line in queries.outgoing(request.edition)
                     if line.membership.pk == self.target.pk), None)
        if line is None:
            raise Http404(_("This member serves on; a certificate comes at the end of the "
                            "last term."))
        pdf = certificates.certificate_pdf(line, request.edition)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = (
            f'inline; filename="mag-certificate-{request.edition.year}-{line.person.pk}.pdf"')
        return response
