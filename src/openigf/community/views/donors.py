"""Donors and the trust fund. Amounts show only where ``community.view_donor_figures`` allows:
to the Secretariat, and to everyone for donors who agreed to publish them."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from openigf.community import forms
from openigf.community.domain import donors as domain
from openigf.community.models import Donor, Pledge
from openigf.community.queries import donors as queries
from openigf.community.views.base import CommunityFormPage, CommunityPage
from openigf.core.errors import ApplicationError, add_to_form


class ListView(CommunityPage):
    permission_required = "community.view_registry"
    template_name = "community/donors/list.html"

    def get_context_data(self, **kwargs):
        donors = list(queries.donors_with_money(self.request.forum))
        show_all = self.can("community.manage_donors")
        overview = queries.overview(donors, show_all=show_all)
        years = [line.year for line in overview["years"]]
        try:
            year = int(self.request.GET.get("year", ""))
        except ValueError:
            year = None
        if year not in years:
            now = timezone.localdate().year
            year = max((y for y in years if y <= now), default=years[-1] if years else None)
        return {**super().get_context_data(**kwargs), "donors": donors, "staff": show_all,
                "overview": overview, "year": year,
                "year_rows": queries.donors_of_year(donors, year, show_all=show_all)
                if year else []}


class DonorView(CommunityPage):
    permission_required = "community.view_registry"
    template_name = "community/donors/detail.html"

    def get_target(self):
        return get_object_or_404(queries.donors_with_money(self.request.forum),
                                 pk=self.kwargs["donor_id"])

    def get_permission_object(self):
        return self.request.forum

    def get_context_data(self, **kwargs):
        donor = self.target
        staff = self.can("community.manage_donors")
        return {**super().get_context_data(**kwargs), "donor": donor, "staff": staff,
                "show_figures": self.request.user.has_perm("community.view_donor_figures",
                                                           donor),
                "pledges": [(p, queries.pledge_share_usd(p)) for p in donor.pledges.all()],
                "pledge_form": kwargs.get("pledge_form") or forms.PledgeForm(prefix="pledge"),
                "receipt_form": kwargs.get("receipt_form") or forms.ReceiptForm(
                    prefix="receipt")}

    def post(self, request, *args, **kwargs):
        if not self.can("community.manage_donors"):
            return self.handle_no_permission()
        donor = self.target
        if "remove_pledge" in request.POST:
            pledge = get_object_or_404(Pledge, pk=request.POST["remove_pledge"], donor=donor)
            domain.pledge_remove(pledge=pledge, actor=request.user)
            return redirect(request.path)
        if "pledge-amount" in request.POST:
            form = forms.PledgeForm(request.POST, prefix="pledge")
            if form.is_valid():
                try:
                    domain.pledge_add(donor=donor, actor=request.user, **form.cleaned_data)
                    messages.success(request, _("The pledge is recorded."))
                    return redirect(request.path)
                except ApplicationError as exc:
                    add_to_form(form, exc)
            return self.render_to_response(self.get_context_data(pledge_form=form))
        form = forms.ReceiptForm(request.POST, prefix="receipt")
        pledge = Pledge.objects.filter(donor=donor, pk=request.POST.get("pledge")).first()
        if pledge is None:
            form.add_error(None, _("Choose the pledge this money pays."))
        if form.is_valid():
            try:
                domain.receipt_add(pledge=pledge, actor=request.user, **form.cleaned_data)
                messages.success(request, _("The receipt is recorded."))
                return redirect(request.path)
            except ApplicationError as exc:
                add_to_form(form, exc)
        return self.render_to_response(self.get_context_data(receipt_form=form))


class DonorEditView(CommunityFormPage):
    permission_required = "community.manage_donors"
    template_name = "community/donors/form.html"
    form_class = forms.DonorForm

    def get_donor(self):
        pk = self.kwargs.get("donor_id")
        return None if pk is None else get_object_or_404(Donor, pk=pk, forum=self.request.forum)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(),
                "instance": self.get_donor() or Donor(forum=self.request.forum)}

    def save(self, form):
        donor = domain.donor_save(forum=self.request.forum, donor=self.get_donor(),
                                  actor=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("The donor is saved."))
        return redirect(donor.get_absolute_url())
