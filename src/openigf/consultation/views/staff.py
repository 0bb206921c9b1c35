"""The Secretariat's pages of the call for issues: its settings and categories, and the
moderation of inputs (every input with its sender; hide with a reason, show again)."""

from django.contrib import messages as flash
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from openigf.consultation import domain
from openigf.consultation.forms import CallForm, HideForm
from openigf.consultation.models import Input, InputStatus
from openigf.core.errors import ApplicationError, add_to_form
from openigf.core.models import AuditEntry
from openigf.core.views import PermissionRequiredMixin


def manage_url(edition) -> str:
    return reverse("consultation:manage", kwargs=edition.url_kwargs)


class ManageView(PermissionRequiredMixin, TemplateView):
    """Settings of the call and the list of categories."""

    permission_required = "consultation.manage"
    template_name = "consultation/manage.html"

    def form(self, data=None):
        call = domain.call_of(self.request.edition)
        return CallForm(data, initial={
            "introduction": call.introduction, "max_chars": call.max_chars,
            "categories": "\n".join(c.name for c in self.request.edition.issue_categories.all())})

    def get_context_data(self, **kwargs):
        edition = self.request.edition
        counts = dict.fromkeys(InputStatus.values, 0)
        counts.update(Input.objects.filter(edition=edition).values_list("status")
                      .annotate(n=Count("id")).order_by())
        return {**super().get_context_data(**kwargs), "form": kwargs.get("form") or self.form(),
                "counts": [(label, counts[value]) for value, label in InputStatus.choices],
                "throttled": AuditEntry.objects.filter(
                    edition=edition, action="issue_input.throttle").count()}

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                domain.call_update(edition=request.edition, introduction=data["introduction"],
                                   max_chars=data["max_chars"],
                                   categories=data["categories"].splitlines())
            except ApplicationError as error:
                add_to_form(form, error)
            else:
                flash.success(request, _("Call for issues saved."))
                return redirect(manage_url(request.edition))
        return self.render_to_response(self.get_context_data(form=form))


class ModerationView(PermissionRequiredMixin, TemplateView):
    """Every input with who sent it, newest first; hidden ones show why."""

    permission_required = "consultation.manage"
    template_name = "consultation/moderation.html"

    def get_context_data(self, **kwargs):
        inputs = (Input.objects.filter(edition=self.request.edition)
                  .select_related("country", "category").order_by("-created", "-id"))
        status = self.request.GET.get("status")
        if status in InputStatus.values:
            inputs = inputs.filter(status=status)
        page = Paginator(inputs, 50).get_page(self.request.GET.get("page"))
        return {**super().get_context_data(**kwargs), "page": page, "statuses":
                InputStatus.choices, "status": status, "hide_form": HideForm()}


class InputActionView(PermissionRequiredMixin, View):
    permission_required = "consultation.manage"
    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        self.item = get_object_or_404(Input, edition=request.edition, pk=kwargs["input_id"])
        return super().dispatch(request, *args, **kwargs)

    def done(self):
        url = reverse("consultation:moderation", kwargs=self.request.edition.url_kwargs)
        return redirect(f"{url}#i{self.item.pk}")


class HideView(InputActionView):
    """Hide an input from the public and from the grouping, with a reason (POST only)."""

    def post(self, request, *args, **kwargs):
        reason = request.POST.get("reason", "")
        try:
            domain.input_hide(item=self.item, reason=reason)
        except ApplicationError as error:
            # The list again, the refused reason kept in its box with the message beside it.
            page = ModerationView(request=request, kwargs=self.kwargs, args=args)
            context = page.get_context_data(refused={"pk": self.item.pk,
                                                     "values": {"reason": reason},
                                                     "fields": error.fields})
            return page.render_to_response(context, status=400)
        flash.success(request, _("Input hidden."))
        return self.done()


class ShowView(InputActionView):
    """Publish a hidden input again (POST only)."""

    def post(self, request, *args, **kwargs):
        domain.input_show(item=self.item)
        flash.success(request, _("Input shown again."))
        return self.done()
