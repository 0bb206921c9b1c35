"""Registration pages: the participant's form, badge and cancellation, the check-in page for
venue staff, and the Secretariat's settings, approvals, figures, CSV and badges."""

import segno
from django.contrib import messages
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from openigf.core.audit import audit_log
from openigf.core.charts import breakdown
from openigf.core.csvexport import csv_response
from openigf.core.errors import ApplicationError, add_to_form
from openigf.core.forms import editable_copy
from openigf.core.views import PermissionRequiredMixin, PermissionTemplateView
from openigf.people.enums import Gender, RegionalGroup, StakeholderGroup
from openigf.registration import domain, forms
from openigf.registration.models import Registration, RegistrationStatus


def _active_registration(request):
    """The person's registration of the request's edition unless cancelled (or None)."""
    return (Registration.objects.filter(edition=request.edition, person=request.user)
            .exclude(status=RegistrationStatus.CANCELLED).first())


class RegisterView(PermissionTemplateView):
    permission_required = "registration.register"
    template_name = "registration/register.html"

    def get_context_data(self, **kwargs):
        edition = self.request.edition
        mine = Registration.objects.filter(edition=edition, person=self.request.user).first()
        settings = domain.settings_of(edition)
        ctx = {**super().get_context_data(**kwargs), "registration": mine,
               "settings": settings, "position": mine and domain.waitlist_position(mine)}
        if mine is None or mine.status == RegistrationStatus.CANCELLED:
            ctx["form"] = kwargs.get("form") or forms.RegisterForm(
                instance=self.request.user, questions=settings.questions)
        elif mine.status == RegistrationStatus.CONFIRMED:
            code = domain.badge_code(mine)
            ctx["code"] = code
            ctx["qr"] = segno.make(code, error="m").svg_inline(scale=4, title=_("Badge code"))
        return ctx

    def post(self, request, *args, **kwargs):
        settings = domain.settings_of(request.edition)
        form = forms.RegisterForm(request.POST, instance=request.user,
                                  questions=settings.questions)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            registration, created = domain.registration_submit(
                edition=request.edition, person=request.user,
                profile={f: form.cleaned_data[f] for f in forms.SHORT_PROFILE},
                attendance=form.cleaned_data["attendance"], answers=form.answers())
        except ApplicationError as error:
            add_to_form(form, error)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, _("You are registered: %(status)s.") % {
            "status": registration.get_status_display()} if created else
            _("You were already registered."))
        return redirect(request.path)


class CancelView(PermissionTemplateView):
    """Asks before cancelling: what is lost (the badge, an onsite place) and that one may
    register again while registration is open."""

    permission_required = "registration.register"
    template_name = "registration/cancel.html"

    def get(self, request, *args, **kwargs):
        mine = _active_registration(request)
        if mine is None:
            messages.info(request, _("You have no registration to cancel."))
            return redirect("registration:register", **request.edition.url_kwargs)
        return self.render_to_response(self.get_context_data(registration=mine))

    def post(self, request, *args, **kwargs):
        mine = _active_registration(request)
        if mine is not None:
            domain.registration_cancel(registration=mine)
            messages.success(request, _("Your registration is cancelled. You can register "
                                        "again below while registration is open."))
        return redirect("registration:register", **request.edition.url_kwargs)


class BadgeView(PermissionRequiredMixin, View):
    permission_required = "registration.register"

    def get(self, request, *args, **kwargs):
        mine = Registration.objects.filter(edition=request.edition, person=request.user,
                                           status=RegistrationStatus.CONFIRMED).first()
        if mine is None:
            raise Http404
        response = HttpResponse(domain.badges_pdf([mine]), content_type="application/pdf")
        response["Content-Disposition"] = 'inline; filename="badge.pdf"'
        return response


class CheckInView(PermissionTemplateView):
    """A phone page: the camera reads the badge's QR (where the browser can) or staff type
    the code; it shows only what check-in needs."""

    permission_required = "registration.check_in"
    template_name = "registration/checkin.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs),
                "form": kwargs.get("form") or forms.CheckInForm(),
                "result": kwargs.get("result"),
                "checked_in": Registration.objects.filter(
                    edition=self.request.edition, checked_in_at__isnull=False).count()}

    def post(self, request, *args, **kwargs):
        form = forms.CheckInForm(request.POST)
        result = None
        if form.is_valid():
            try:
                registration, first = domain.check_in(edition=request.edition,
                                                      code=form.cleaned_data["code"])
                result = {"name": registration.person.name,
                          "group": registration.person.get_stakeholder_group_display(),
                          "first": first, "at": registration.checked_in_at}
                form = forms.CheckInForm()
            except ApplicationError as error:
                add_to_form(form, error, field="code")
        return self.render_to_response(self.get_context_data(form=form, result=result))


LABELS = {
    "stakeholder_group": (gettext_lazy("stakeholder group"), dict(StakeholderGroup.choices)),
    "regional_group": (gettext_lazy("regional group"), dict(RegionalGroup.choices)),
    "gender": (gettext_lazy("gender"), dict(Gender.choices)),
    "attendance": (gettext_lazy("onsite or online"),
                   {"onsite": gettext_lazy("Onsite"), "online": gettext_lazy("Online")}),
    "first_time": (gettext_lazy("first time"),
                   {True: gettext_lazy("First time"), False: gettext_lazy("Returning")}),
}


def _registrations(edition):
    return Registration.objects.filter(edition=edition).select_related("person", "country")


class ManageView(PermissionTemplateView):
    permission_required = "registration.manage"
    template_name = "registration/manage.html"

    def get_context_data(self, **kwargs):
        regs = Registration.objects.filter(edition=self.request.edition).exclude(
            status=RegistrationStatus.CANCELLED)
        charts = []
        for field, (title, labels) in LABELS.items():
            counts = {str(labels.get(row[field], row[field] or _("Not known"))): row["n"]
                      for row in regs.values(field).annotate(n=Count("id")).order_by()}
            charts.append(breakdown(_("By %(what)s") % {"what": title}, counts))
        return {**super().get_context_data(**kwargs), "charts": charts, "total": regs.count(),
                "by_status": dict(regs.values_list("status").annotate(n=Count("id"))),
                "pending": _registrations(self.request.edition).filter(
                    status=RegistrationStatus.PENDING)[:50],
                "form": kwargs.get("form") or forms.SettingsForm(
                    instance=domain.settings_of(self.request.edition))}

    def post(self, request, *args, **kwargs):
        settings = domain.settings_of(request.edition)
        form = forms.SettingsForm(request.POST, instance=editable_copy(settings))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            domain.settings_update(settings=settings, **form.cleaned_data)
        except ApplicationError as error:
            add_to_form(form, error)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, _("Registration settings saved."))
        return redirect(request.path)


class DecideView(PermissionRequiredMixin, View):
    """Approve or decline one registration waiting for approval (a button each)."""

    permission_required = "registration.manage"
    http_method_names = ["post"]
    approve = True

    def post(self, request, registration_id):
        registration = get_object_or_404(Registration.objects.select_related("person"),
                                         edition=request.edition, pk=registration_id)
        domain.registration_decide(registration=registration, approve=self.approve)
        messages.success(request, _("%(name)s: %(status)s.") % {
            "name": registration.person.name, "status": registration.get_status_display()})
        return redirect("registration:manage", **request.edition.url_kwargs)


class CsvView(PermissionRequiredMixin, View):
    permission_required = "registration.manage"

    def get(self, request, *args, **kwargs):
        rows = [[r.pk, r.person.name, r.person.email, r.person.organisation, r.attendance,
                 r.status, r.stakeholder_group, r.regional_group, r.gender,
                 r.country.name if r.country else "", int(r.first_time),
                 r.checked_in_at.isoformat() if r.checked_in_at else ""]
                for r in _registrations(request.edition).iterator(chunk_size=2000)]
        audit_log(action="registration.export", obj=request.edition,
                  changes={"file": "registrations.csv", "rows": len(rows)})
        return csv_response(
            "registrations.csv",
            ["id", "name", "email", "organisation", "attendance", "status", "stakeholder_group",
             "regional_group", "gender", "country", "first_time", "checked_in"], rows)


class BadgesView(PermissionRequiredMixin, View):
    permission_required = "registration.manage"

    def get(self, request, *args, **kwargs):
        regs = list(_registrations(request.edition).filter(
            status=RegistrationStatus.CONFIRMED, attendance="onsite")[:500])
        audit_log(action="registration.export", obj=request.edition,
                  changes={"file": "badges.pdf", "rows": len(regs)})
        return HttpResponse(domain.badges_pdf(regs), content_type="application/pdf")
