"""Best Practice Forums of an edition: the public pages and the facilitators' pages."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from openigf.community import forms
from openigf.community.domain import bpfs as domain
from openigf.community.models import BestPracticeForum, BpfFacilitator, BpfMeeting, BpfOutput
from openigf.community.views.base import CommunityFormPage, CommunityPage
from openigf.core.forms import editable_copy


class ListView(CommunityPage):
    permission_required = "community.view_edition"
    template_name = "community/bpfs/list.html"

    def get_context_data(self, **kwargs):
        bpfs = (BestPracticeForum.objects.filter(edition=self.request.edition)
                .select_related("edition__forum")
                .prefetch_related("facilitator_roles__person", "outputs"))
        return {**super().get_context_data(**kwargs), "bpfs": bpfs,
                "can_add": self.can("community.manage_registry")}


class BpfMixin:
    def get_target(self):
        return get_object_or_404(BestPracticeForum.objects.select_related("edition__forum"),
                                 edition=self.request.edition, slug=self.kwargs["bpf"])

    def back(self):
        return redirect(self.target.get_absolute_url())


class DetailView(BpfMixin, CommunityPage):
    permission_required = "community.view_edition"
    template_name = "community/bpfs/detail.html"

    def get_context_data(self, **kwargs):
        bpf = self.target
        return {**super().get_context_data(**kwargs), "bpf": bpf,
                "facilitators": bpf.facilitator_roles.select_related("person"),
                "meetings": bpf.meetings.all(), "outputs": bpf.outputs.all(),
                "can_change": self.can("community.change_bpf")}


class NewView(CommunityFormPage):
    permission_required = "community.manage_registry"
    template_name = "community/bpfs/form.html"
    form_class = forms.BpfForm

    def save(self, form):
        bpf = domain.bpf_save(edition=self.request.edition, actor=self.request.user,
                              **form.cleaned_data)
        messages.success(self.request, _("The Best Practice Forum is created."))
        return redirect("community:bpf_edit", **self.request.edition.url_kwargs, bpf=bpf.slug)


class EditView(BpfMixin, CommunityFormPage):
    """The topic of a forum; for the Secretariat also its facilitators. Meetings and outputs
    listed here can be removed."""

    permission_required = "community.change_bpf"
    template_name = "community/bpfs/edit.html"
    form_class = forms.BpfForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": editable_copy(self.target)}

    def get_context_data(self, **kwargs):
        bpf = self.target
        staff = self.can("community.manage_registry", self.request.edition)
        return {**super().get_context_data(**kwargs), "bpf": bpf, "staff": staff,
                "facilitator_form": kwargs.get("facilitator_form") or forms.FacilitatorForm(
                    prefix="facilitator"),
                "facilitators": bpf.facilitator_roles.select_related("person"),
                "meetings": bpf.meetings.all(), "outputs": bpf.outputs.all()}

    def post(self, request, *args, **kwargs):
        staff = self.can("community.manage_registry", request.edition)
        for key, model in (("remove_meeting", BpfMeeting), ("remove_output", BpfOutput)):
            if key in request.POST:
                item = get_object_or_404(model, pk=request.POST[key], bpf=self.target)
                domain.bpf_item_remove(item=item, actor=request.user)
                messages.success(request, _("Removed."))
                return redirect(request.path)
        if staff and "remove_facilitator" in request.POST:
            facilitator = get_object_or_404(BpfFacilitator, bpf=self.target,
                                            pk=request.POST["remove_facilitator"])
            domain.bpf_facilitator_remove(facilitator=facilitator, actor=request.user)
            return redirect(request.path)
        if staff and "facilitator-email" in request.POST:
            form = forms.FacilitatorForm(request.POST, prefix="facilitator")
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(
                    form=forms.BpfForm(instance=self.target), facilitator_form=form))
            domain.bpf_facilitator_set(bpf=self.target, person=form.person,
                                       role=form.cleaned_data["role"], actor=request.user)
            messages.success(request, _("The facilitator is added."))
            return redirect(request.path)
        return super().post(request, *args, **kwargs)

    def save(self, form):
        values = {f: form.cleaned_data[f] for f in form.changed_data}
        domain.bpf_save(edition=self.request.edition, bpf=self.target,
                        actor=self.request.user, **values)
        messages.success(self.request, _("The Best Practice Forum is saved."))
        return self.back()


class MeetingView(BpfMixin, CommunityFormPage):
    permission_required = "community.change_bpf"
    template_name = "community/bpfs/item_form.html"
    form_class = forms.BpfMeetingForm

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "bpf": self.target,
                "title": _("Add a meeting")}

    def save(self, form):
        domain.bpf_meeting_add(bpf=self.target, actor=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("The meeting is added."))
        return self.back()


class OutputView(MeetingView):
    form_class = forms.BpfOutputForm

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "title": _("Add an output document")}

    def save(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if v is not None}
        domain.bpf_output_add(bpf=self.target, actor=self.request.user, **data)
        messages.success(self.request, _("The output document is added."))
        return self.back()
