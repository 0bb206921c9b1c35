"""NRI grants: the focal point's page, and the Secretariat's scores and decisions (previewed
and confirmed before any mail)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from openigf.community.models import Initiative
from openigf.core.errors import ApplicationError, add_to_form
from openigf.core.views import PermissionTemplateView
from openigf.funding import domain, forms
from openigf.funding.models import GRANT_CAPS, GrantApplication, GrantCall
from openigf.funding.queries import current_call


class GrantsView(PermissionTemplateView):
    permission_required = "funding.apply"
    template_name = "funding/grants.html"

    def initiatives(self):
        return Initiative.objects.filter(focal_points=self.request.user, status="recognised")

    def get_context_data(self, **kwargs):
        call = current_call(self.request.edition, "grant")
        return {**super().get_context_data(**kwargs), "call": call, "caps": GRANT_CAPS,
                "mine": GrantApplication.objects.filter(
                    call=call, initiative__in=self.initiatives()) if call else [],
                "form": kwargs.get("form") or forms.GrantForm(initiatives=self.initiatives())}

    def post(self, request, *args, **kwargs):
        call = current_call(request.edition, "grant")
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
        call = current_call(self.request.edition, "grant")
        return {**super().get_context_data(**kwargs), "call": call,
                "applications": call.applications.select_related("initiative").order_by(
                    "-score", "pk") if call else []}


class GrantsDecideView(PermissionTemplateView):
    """GET: each initiative's decision, its reason and which focal points are mailed, with a
    confirmation. POST: the decisions previewed are sent."""

    permission_required = "funding.manage"
    template_name = "funding/grants_decide.html"

    def get_call(self):
        return get_object_or_404(GrantCall, pk=self.kwargs["grant_call_id"],
                                 edition=self.request.edition)

    def get_context_data(self, **kwargs):
        call = self.get_call()
        return {**super().get_context_data(**kwargs), "call": call,
                "plan": domain.grant_plan(call=call)}

    def post(self, request, *args, **kwargs):
        call = self.get_call()
        fingerprint = request.POST.get("fingerprint", "")[:40]
        if not fingerprint:
            messages.error(request, _("Look at the preview, then confirm it."))
            return redirect(request.path)
        try:
            counts = domain.grant_decide(call=call, expected=fingerprint)
        except ApplicationError as error:
            messages.error(request, error.message)
            return redirect(request.path)
        messages.success(request, _(
            "Decisions sent for %(call)s: %(s)d granted (USD %(c)s), %(n)d not granted.") % {
            "call": call.name, "s": counts["selected"], "n": counts["not_selected"],
            "c": f"{counts['cost']:,.0f}"})
        if counts["mailed"]:
            messages.info(request, _("Mailed the focal points of: %(names)s.") % {
                "names": ", ".join(counts["mailed"])})
        else:
            messages.info(request, _("Nobody was mailed: every initiative had already been "
                                     "told this decision."))
        return redirect("funding:grants_manage", **request.edition.url_kwargs)
