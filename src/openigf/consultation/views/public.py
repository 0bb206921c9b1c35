"""Public pages of the call for issues: the form while the call is open, the results always
(figures, the list of inputs, the CSV), and the confirmation of an input sent by mail."""

from django.contrib import messages as flash
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from openigf.consultation import domain, queries
from openigf.consultation.forms import InputForm
from openigf.consultation.models import Language
from openigf.core.csvexport import csv_response
from openigf.core.errors import ApplicationError, add_to_form
from openigf.core.throttle import client_address
from openigf.core.views import PermissionRequiredMixin
from openigf.people.enums import RegionalGroup, StakeholderGroup


def call_url(edition) -> str:
    return reverse("consultation:call", kwargs=edition.url_kwargs)


class CallView(PermissionRequiredMixin, TemplateView):
    """The call: its introduction, the form while it is open, and the results."""

    permission_required = "consultation.view"
    template_name = "consultation/call.html"

    def form(self, data=None):
        edition = self.request.edition
        person = self.request.user if self.request.user.is_authenticated else None
        return InputForm(data, edition=edition, person=person,
                         max_chars=domain.call_of(edition).max_chars)

    def get_context_data(self, **kwargs):
        edition = self.request.edition
        is_open = edition.is_open("call_for_issues")
        return {**super().get_context_data(**kwargs), "call": domain.call_of(edition),
                "is_open": is_open,
                "form": kwargs.get("form") or (self.form() if is_open else None),
                "charts": [queries.svg_bars(c) for c in queries.figures(edition)]}

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if not request.edition.is_open("call_for_issues"):
            flash.error(request, _("The call for issues is not open."))
            return redirect(call_url(request.edition))
        if form.is_bot:  # a honeypot filled in: answer as if sent, keep nothing
            flash.success(request, _("Thank you. Check your mail to confirm your input."))
            return redirect(call_url(request.edition))
        if form.is_valid():
            data = form.cleaned_data
            person = request.user if request.user.is_authenticated else None
            sender = getattr(person, "pk", None) or data.get("email") or ""
            try:
                item = domain.input_submit(
                    edition=request.edition, person=person, name=data.get("name", ""),
                    email=data.get("email", ""), organisation=data["organisation"],
                    stakeholder_group=data["stakeholder_group"], country=data["country"],
                    category=data["category"], language=data["language"], text=data["text"],
                    sender=f"{client_address(request)}|{sender}")
            except ApplicationError as error:
                add_to_form(form, error)
            else:
                if item.confirmed_at:
                    flash.success(request, _("Thank you: your input is published."))
                else:
                    flash.success(request, _("Thank you. We have mailed you a link: your "
                                             "input is published once you open it."))
                return redirect(call_url(request.edition))
        return self.render_to_response(self.get_context_data(form=form))


def _labelled(rows):
    groups, regions = dict(StakeholderGroup.choices), dict(RegionalGroup.choices)
    languages = dict(Language.choices)
    for row in rows:
        yield {**row, "group": groups.get(row["stakeholder_group"], ""),
               "region": regions.get(row["regional_group"], ""),
               "language_name": languages.get(row["language"], row["language"])}


class InputsView(PermissionRequiredMixin, TemplateView):
    """Every published input: its text, stakeholder group, region and country, no names."""

    permission_required = "consultation.view"
    template_name = "consultation/inputs.html"

    def get_context_data(self, **kwargs):
        page = Paginator(queries.public_inputs(self.request.edition), 50).get_page(
            self.request.GET.get("page"))
        page.object_list = list(_labelled(page.object_list))
        return {**super().get_context_data(**kwargs), "page": page}


CSV_HEADER = ["id", "sent", "language", "stakeholder_group", "regional_group", "country",
              "category", "text"]


class ResultsCsvView(PermissionRequiredMixin, TemplateView):
    """The published inputs as CSV, without personal data."""

    permission_required = "consultation.view"

    def get(self, request, *args, **kwargs):
        edition = request.edition
        rows = ([r["id"], r["created"].date().isoformat(), r["language"],
                 r["stakeholder_group"], r["regional_group"], r["country__name"],
                 r["category__name"] or "", r["text"]] for r in queries.public_inputs(edition))
        return csv_response(f"{edition.forum.slug}-{edition.slug}-call-for-issues.csv",
                            CSV_HEADER, rows)


class ConfirmView(PermissionRequiredMixin, TemplateView):
    """The link mailed to an anonymous sender: a button that publishes the input (a POST, so
    that a mail scanner opening the link confirms nothing)."""

    permission_required = "consultation.view"
    template_name = "consultation/confirm.html"

    def post(self, request, *args, **kwargs):
        try:
            domain.input_confirm(token=kwargs["token"])
        except ApplicationError as error:
            return self.render_to_response(self.get_context_data(error=error.message,
                                                                 **kwargs))
        flash.success(request, _("Thank you: your input is confirmed and published."))
        return redirect(call_url(request.edition))
