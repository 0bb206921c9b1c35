"""Travel support: the applicant's page, and the Secretariat's calls, scores and decisions
(previewed, confirmed, then sent as a job)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from openigf.core.errors import ApplicationError, add_to_form
from openigf.core.forms import editable_copy
from openigf.core.jobs import job_start
from openigf.core.views import PermissionRequiredMixin, PermissionTemplateView
from openigf.funding import domain, forms, tasks
from openigf.funding.models import TravelApplication, TravelCall
from openigf.funding.queries import current_call


class TravelView(PermissionTemplateView):
    """The current call: its dates; a notice when it is not open; why one is not eligible;
    the form for those who are; the decision and the trip report."""

    permission_required = "funding.apply"
    template_name = "funding/travel.html"

    def get_context_data(self, **kwargs):
        call = current_call(self.request.edition, "travel")
        mine = (TravelApplication.objects.filter(call=call, person=self.request.user).first()
                if call else None)
        now = timezone.now()
        state = None if call is None else "open" if call.is_open(now) else \
            "future" if now < call.opens_at else "closed"
        reasons = domain.travel_eligibility(call, self.request.user) \
            if state == "open" else []
        return {**super().get_context_data(**kwargs), "call": call, "application": mine,
                "state": state, "reasons": reasons,
                "can_apply": state == "open" and not reasons and (
                    mine is None or mine.status == "submitted"),
                "form": kwargs.get("form") or forms.TravelForm(instance=mine),
                "report_form": forms.TripReportForm()}

    def post(self, request, *args, **kwargs):
        call = current_call(request.edition, "travel")
        if call is None:
            return redirect(request.path)
        mine = TravelApplication.objects.filter(call=call, person=request.user).first()
        form = forms.TravelForm(request.POST, instance=editable_copy(mine) if mine else None)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            domain.travel_apply(call=call, person=request.user, **form.cleaned_data)
        except ApplicationError as error:
            add_to_form(form, error)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, _("Your application is submitted."))
        return redirect(request.path)


class TripReportView(PermissionRequiredMixin, View):
    permission_required = "funding.apply"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        back = redirect("funding:travel", **request.edition.url_kwargs)
        call = current_call(request.edition, "travel")
        application = get_object_or_404(TravelApplication, call=call, person=request.user)
        form = forms.TripReportForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Write the report."))
            return back
        try:
            domain.trip_report_save(application=application,
                                    text=form.cleaned_data["trip_report"])
            messages.success(request, _("Thank you for your trip report."))
        except ApplicationError as error:
            messages.error(request, error.message)
        return back


class TravelManageView(PermissionTemplateView):
    permission_required = "funding.manage"
    template_name = "funding/travel_manage.html"

    def get_context_data(self, **kwargs):
        call = current_call(self.request.edition, "travel")
        apps = list(call.applications.select_related("person__country").order_by(
            "-score", "pk")) if call else []
        eligibility = domain.travel_eligibility_of_all(call, [a.person for a in apps]) \
            if call else {}
        for a in apps:
            a.reasons = eligibility[a.person_id]
        return {**super().get_context_data(**kwargs), "call": call, "applications": apps,
                "calls": self.request.edition.travel_calls.order_by("-opens_at"),
                "floors": [domain.floor_words(f) for f in call.floors] if call else []}


class CallMixin:
    """The travel call named in the URL, of the request's edition only."""

    def get_call(self):
        return get_object_or_404(TravelCall, pk=self.kwargs["travel_call_id"],
                                 edition=self.request.edition)


class TravelCallFormView(CallMixin, PermissionTemplateView):
    """Open a call (no ``call_id``) or change one."""

    permission_required = "funding.manage"
    template_name = "funding/travel_call_form.html"

    def stored(self):
        return self.get_call() if "travel_call_id" in self.kwargs else None

    def get_context_data(self, **kwargs):
        stored = self.stored()
        return {**super().get_context_data(**kwargs), "call": stored,
                "form": kwargs.get("form") or forms.TravelCallForm(instance=stored)}

    def post(self, request, *args, **kwargs):
        stored = self.stored()
        form = forms.TravelCallForm(request.POST, instance=editable_copy(stored) if stored
                                    else TravelCall(edition=request.edition))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            domain.travel_call_save(edition=request.edition, call=stored, **form.cleaned_data)
        except ApplicationError as error:
            add_to_form(form, error)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, _("The travel-support call is saved."))
        return redirect("funding:travel_manage", **request.edition.url_kwargs)


class ScoreView(PermissionRequiredMixin, View):
    """Save the Secretariat's score (0-10) of one application of the request's edition."""

    permission_required = "funding.manage"
    http_method_names = ["post"]
    model = TravelApplication
    back = "funding:travel_manage"

    def post(self, request, **kwargs):
        (application_id,) = kwargs.values()
        application = get_object_or_404(self.model, pk=application_id,
                                        call__edition=request.edition)
        try:
            domain.score_set(application=application, score=int(request.POST.get("score")))
            messages.success(request, _("Score saved."))
        except (ApplicationError, TypeError, ValueError):
            messages.error(request, _("A score is a whole number from 0 to 10."))
        return redirect(self.back, **request.edition.url_kwargs)


class TravelDecideView(CallMixin, PermissionTemplateView):
    """GET: who will receive what (each applicant's decision and reason, who is mailed),
    and a confirmation. POST: the decisions previewed are sent, as a job."""

    permission_required = "funding.manage"
    template_name = "funding/travel_decide.html"

    def get_context_data(self, **kwargs):
        call = self.get_call()
        ctx = {**super().get_context_data(**kwargs), "call": call}
        try:
            ctx["plan"] = domain.travel_plan(call=call)
        except ApplicationError as error:
            ctx["refusal"] = error.message
        return ctx

    def post(self, request, *args, **kwargs):
        call = self.get_call()
        fingerprint = request.POST.get("fingerprint", "")[:40]
        if not fingerprint:  # only what was previewed is sent
            messages.error(request, _("Look at the preview, then confirm it."))
            return redirect(request.path)
        job = job_start(kind="funding.travel_decide", task=tasks.travel_decisions_send,
                        edition=request.edition, person=request.user, about=str(call.pk),
                        params={"call_id": call.pk, "fingerprint": fingerprint},
                        label=_("Send the travel-support decisions of %(call)s") % {
                            "call": call.name},
                        return_url=request.path)
        return redirect(job)
