"""The proposers' pages: start, edit, name people, check the rules live, submit, withdraw;
the invited speakers' confirmation page; a person's own proposals."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from openigf.core.errors import ApplicationError
from openigf.core.forms import editable_copy
from openigf.proposals import domain, forms, queries
from openigf.proposals.models import Call, ProposalPerson
from openigf.proposals.screening import check_proposal
from openigf.proposals.views.base import (
    FormPage,
    Page,
    ProposalMixin,
    add_errors,
    flash_error,
)


def screening_context(proposal) -> dict:
    results = check_proposal(proposal)
    return {"proposal": proposal, "results": results,
            "failing": [r for r in results if not r.passed],
            "blocking": [r for r in results if r.blocking]}


class CreateView(FormPage):
    """Start a proposal to the call of one session type (saved as a draft)."""

    permission_required = "proposals.propose"
    template_name = "proposals/form.html"

    def dispatch(self, request, *args, **kwargs):
        self.call = get_object_or_404(Call.objects.select_related("edition__forum"),
                                      edition=request.edition, kind=kwargs["call_kind"])
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        return forms.ProposalForm(**self.get_form_kwargs(), call=self.call)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "call": self.call,
                "is_open": self.call.is_open()}

    def save(self, form):
        values = form.values()
        write_ins = values.pop("write_in_tags", [])
        proposal = domain.proposal_create(call=self.call, person=self.request.user, **values)
        if write_ins:
            domain.proposal_update(proposal=proposal, write_in_tags=write_ins)
        messages.success(self.request, _("Your draft is saved. Now name the organisers, "
                                         "speakers and moderators."))
        return redirect("proposals:edit", proposal_id=proposal.pk,
                        **self.request.edition.url_kwargs)


class EditView(ProposalMixin, FormPage):
    """The proposal form with its people and the live rule check; save or submit."""

    permission_required = "proposals.change_proposal"
    template_name = "proposals/form.html"

    person_form = None

    def get_form(self, form_class=None):
        kwargs = self.get_form_kwargs()
        if self.person_form is not None:  # re-shown after a person's form failed
            kwargs.pop("data", None), kwargs.pop("files", None)
        return forms.ProposalForm(**kwargs, instance=editable_copy(self.proposal),
                                  call=self.proposal.call)

    def get_context_data(self, **kwargs):
        proposal = self.proposal
        people = list(proposal.people.select_related("country"))
        editing = next((r for r in people if str(r.pk) == self.request.GET.get("person")),
                       None)
        form = self.person_form or forms.PersonForm(instance=editing)
        return {**super().get_context_data(**kwargs), "call": proposal.call,
                "proposal": proposal, "is_open": proposal.call.is_open(),
                "people": people, "person_form": form, "editing": editing,
                "protected_id": domain.protected_row_id(proposal),
                **screening_context(proposal)}

    def save(self, form):
        proposal = self.proposal
        domain.proposal_update(proposal=proposal, **form.values())
        if "submit" in self.request.POST:
            domain.proposal_submit(proposal=proposal, person=self.request.user)
            messages.success(self.request, _("Your proposal is submitted. You can still change "
                                             "it until the deadline."))
            return redirect(proposal.get_absolute_url())
        messages.success(self.request, _("Saved."))
        return redirect(self.request.path)


class PeopleView(ProposalMixin, Page):
    """Add, change or remove someone named in the proposal. With htmx it answers with the
    people section and asks the rule check to refresh; without JavaScript it redirects."""

    permission_required = "proposals.change_proposal"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        proposal = self.proposal
        row = None
        if kwargs.get("proposal_person_id"):
            row = get_object_or_404(ProposalPerson, pk=kwargs["proposal_person_id"],
                                    proposal=proposal)
        form = forms.PersonForm(request.POST)
        try:
            if row is not None and "remove" in request.POST:
                domain.proposal_person_remove(row=row)
                form = forms.PersonForm()
            elif row is not None and "invite" in request.POST:
                domain.person_invite(row=row)
                form = forms.PersonForm()
            elif form.is_valid():
                domain.proposal_person_save(proposal=proposal, row=row, **form.cleaned_data)
                form = forms.PersonForm()
        except (ValidationError, ApplicationError) as exc:
            if not ({"remove", "invite"} & set(request.POST)):  # at the field at fault
                add_errors(form, exc)
            else:
                flash_error(request, exc)
        if not request.htmx:
            if form.errors:
                view = EditView()
                view.setup(request, *args, **kwargs)
                view.person_form = form
                return view.get(request)
            return redirect("proposals:edit", proposal_id=proposal.pk,
                            **request.edition.url_kwargs)
        html = render_to_string("proposals/includes/people.html", {
            "proposal": proposal, "people": list(proposal.people.select_related("country")),
            "person_form": form, "is_open": proposal.call.is_open(),
            "protected_id": domain.protected_row_id(proposal)}, request=request)
        response = HttpResponse(html)
        response["HX-Trigger"] = "peopleChanged"
        return response


class ScreeningView(ProposalMixin, Page):
    """The rule check of a proposal (htmx fragment, or a page): as it is saved (GET), or with
    the organisation and coalition being typed in the form, not yet saved (POST)."""

    permission_required = "proposals.view_screening"

    def get_template_names(self):
        return ["proposals/includes/screening.html" if self.request.htmx
                else "proposals/screening_page.html"]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **screening_context(self.proposal)}

    def post(self, request, *args, **kwargs):
        proposal = self.proposal
        if "organisation" in request.POST:
            proposal.organisation = request.POST["organisation"][:200]
        if "coalition" in request.POST:
            value = request.POST["coalition"]
            proposal.coalition_id = int(value) if value.isdigit() else None
        return self.get(request, *args, **kwargs)


class WithdrawView(ProposalMixin, Page):
    permission_required = "proposals.withdraw_proposal"
    template_name = "proposals/withdraw.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "proposal": self.proposal}

    def post(self, request, *args, **kwargs):
        try:
            domain.proposal_withdraw(proposal=self.proposal, person=request.user)
            messages.success(request, _("The proposal is withdrawn."))
        except ApplicationError as exc:
            flash_error(request, exc)
        return redirect("proposals:mine", **request.edition.url_kwargs)


class MineView(Page):
    permission_required = "proposals.propose"
    template_name = "proposals/mine.html"

    def get_context_data(self, **kwargs):
        edition, person = self.request.edition, self.request.user
        return {**super().get_context_data(**kwargs),
                "proposals": list(queries.of_person(edition, person)),
                "invitations": list(queries.invitations_of(edition, person)),
                "calls": list(Call.objects.filter(edition=edition).order_by("kind"))}


class ConfirmView(TemplateView):
    """An invited speaker (or co-organiser) answers through the signed link of their
    invitation; no account is needed. Anyone holding the link may answer: it is the key."""

    template_name = "proposals/confirm.html"

    def dispatch(self, request, *args, **kwargs):
        try:
            self.row = domain.row_for_token(kwargs["invitation"])
        except ApplicationError as exc:
            self.error = exc.message
            self.row = None
        else:
            if self.row.proposal.edition_id != request.edition.pk:
                raise Http404
            self.error = ""
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "row": self.row, "error": self.error,
                "proposal": self.row.proposal if self.row else None}

    def post(self, request, *args, **kwargs):
        if self.row is None:
            return self.get(request, *args, **kwargs)
        accept = request.POST.get("answer") == "yes"
        domain.person_confirm(row=self.row, accept=accept, person=request.user)
        messages.success(request, _("Thank you: the organisers see that you confirmed.")
                         if accept else _("Thank you: the organisers see that you declined."))
        return redirect(request.path)
