"""Travel support and NRI grants: the applicants' pages and the Secretariat's pages."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from openigf.community.models import Initiative
from openigf.core.errors import ApplicationError, add_to_form
from openigf.core.views import PermissionTemplateView
from openigf.funding import domain, forms
from openigf.funding.models import GRANT_CAPS, GrantApplication, TravelApplication


def _call(request, model_attr):
    calls = getattr(request.edition, model_attr).order_by("-opens_at")
    now = timezone.now()
    return next((c for c in calls if c.opens_at <= now < c.closes_at), None) or calls.first()


class TravelView(PermissionTemplateView):
    permission_required = "funding.apply"
    template_name = "funding/travel.html"

    def get_context_data(self, **kwargs):
        call = _call(self.request, "travel_calls")
        mine = (TravelApplication.objects.filter(call=call, person=self.request.user).first()
                if call else None)
        return {**super().get_context_data(**kwargs), "call": call, "application": mine,
                "reasons": domain.travel_eligibility(call, self.request.user) if call else [],
                "open": call is not None and call.is_open(timezone.now()),
                "form": kwargs.get("form") or forms.TravelForm(instance=mine),
                "report_form": forms.TripReportForm()}

    def post(self, request, *args, **kwargs):
        call = _call(request, "travel_calls")
        if call is None:
            return redirect(request.path)
        if request.GET.get("do") == "report":
            application = get_object_or_404(TravelApplication, call=call, person=request.user)
            form = forms.TripReportForm(request.POST)
            if form.is_valid():
                try:
                    domain.trip_report_save(application=application,
                                            text=form.cleaned_data["trip_report"])
                    messages.success(request, _("Thank you for your trip report."))
                except ApplicationError as error:
                    messages.error(request, str(error))
            return redirect(request.path)
        form = forms.TravelForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            domain.travel_apply(call=call, person=request.user, **form.cleaned_data)
        except ApplicationError as error:
            add_to_form(form, error)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, _("Your application is submitted."))
        return redirect(request.path)


class TravelManageView(PermissionTemplateView):
    permission_required = "funding.manage"
    template_name = "funding/travel_manage.html"

    def get_context_data(self, **kwargs):
        call = _call(self.request, "travel_calls")
        apps = list(call.applications.select_related("person__country").order_by(
            "-score", "pk")) if call else []
        preview = kwargs.get("preview")
        for a in apps:
            a.reasons = domain.travel_eligibility(call, a.person)
            a.why = preview[1].get(a.pk, "") if preview else a.decision_note
            a.chosen = preview is not None and a.pk in set(preview[0].chosen)
        return {**super().get_context_data(**kwargs), "call": call, "applications": apps,
                "preview": preview[0] if preview else None}

    def post(self, request, *args, **kwargs):
        call = _call(request, "travel_calls")
        action = request.GET.get("do")
        try:
            if action == "score":
                application = get_object_or_404(TravelApplication, call=call,
                                                 pk=request.POST.get("application"))
                domain.score_set(application=application, score=int(request.POST["score"]))
            elif action == "preview":
                return self.render_to_response(self.get_context_data(
                    preview=domain.travel_select(call=call)))
            elif action == "decide":
                counts = domain.travel_decide(call=call)
                messages.success(request, _("%(s)d selected, %(n)d not selected; USD %(c)s of "
                                            "the budget.") % {"s": counts["selected"],
                                                              "n": counts["not_selected"],
                                                              "c": f"{counts['cost']:,.0f}"})
                for broken in counts["broken"]:
                    messages.warning(request, _("Floor not met: %(b)s") % {"b": broken})
        except (ApplicationError, ValueError, KeyError) as error:
            messages.error(request, str(error))
        return redirect(request.path)


class GrantsView(PermissionTemplateView):
    permission_required = "funding.apply"
    template_name = "funding/grants.html"

    def initiatives(self):
        return Initiative.objects.filter(focal_points=self.request.user, status="recognised")

    def get_context_data(self, **kwargs):
        call = _call(self.request, "grant_calls")
        return {**super().get_context_data(**kwargs), "call": call, "caps": GRANT_CAPS,
                "mine": GrantApplication.objects.filter(
                    call=call, initiative__in=self.initiatives()) if call else [],
                "form": kwargs.get("form") or forms.GrantForm(initiatives=self.initiatives())}

    def post(self, request, *args, **kwargs):
        call = _call(request, "grant_calls")
        form = forms.GrantForm(request.POST, initiatives=self.initiatives())
        if call is None or not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            domain.grant_apply(call=call, person=request.user, **form.cleaned_data)
        except ApplicationError as error:
            add_to_form(form, error)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, _("The grant application is submitted."))
        return redirect(request.path)


class GrantsManageView(PermissionTemplateView):
    permission_required = "funding.manage"
    template_name = "funding/grants_manage.html"

    def get_context_data(self, **kwargs):
        call = _call(self.request, "grant_calls")
        return {**super().get_context_data(**kwargs), "call": call,
                "applications": call.applications.select_related("initiative").order_by(
                    "-score", "pk") if call else []}

    def post(self, request, *args, **kwargs):
        call = _call(request, "grant_calls")
        try:
            if request.GET.get("do") == "score":
                application = get_object_or_404(GrantApplication, call=call,
                                                 pk=request.POST.get("application"))
                domain.score_set(application=application, score=int(request.POST["score"]))
            elif request.GET.get("do") == "decide":
                counts = domain.grant_decide(call=call)
                messages.success(request, _("%(s)d grants, USD %(c)s.") % {
                    "s": counts["selected"], "c": f"{counts['cost']:,.0f}"})
        except (ApplicationError, ValueError, KeyError) as error:
            messages.error(request, str(error))
        return redirect(request.path)
