"""Registration pages: the participant's form and badge, the check-in page for venue staff,
and the Secretariat's settings, approvals, figures and CSV."""


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
from openigf.core.views import PermissionRequiredMixin, PermissionTemplateView
from openigf.people.domain import person_update_profile
from openigf.people.enums import Gender, RegionalGroup, StakeholderGroup
from openigf.people.models import Person
from openigf.registration import domain, forms
from openigf.registration.models import Registration, RegistrationStatus


class RegisterView(PermissionTemplateView):
    permission_required = "registration.register"
    template_name = "registration/register.html"

    def get_context_data(self, **kwargs):
        edition = self.request.edition
        mine = Registration.objects.filter(edition=edition, person=self.request.user).first()
        settings = domain.settings_of(edition)
        ctx = {**super().get_context_data(**kwargs), "registration": mine,
               "settings": settings}
        if mine is None:
            ctx["form"] = kwargs.get("form") or forms.RegisterForm(
                instance=self.request.user, questions=settings.questions)
        elif mine.status == RegistrationStatus.CONFIRMED:
            code = domain.badge_code(mine)
            ctx["code"] = code
            ctx["qr"] = segno.make(code, error="m").svg_inline(scale=4, title=_("Badge code"))
        return ctx

    def post(self, request, *args, **kwargs):
        edition = request.edition
        if request.GET.get("do") == "cancel":
            mine = get_object_or_404(Registration, edition=edition, person=request.user)
            domain.registration_cancel(registration=mine)
            messages.success(request, _("Your registration is cancelled."))
            return redirect(request.path)
        settings = domain.settings_of(edition)
        form = forms.RegisterForm(request.POST, instance=request.user,
                                  questions=settings.questions)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))

        values = {f: form.cleaned_data[f] for f in forms.SHORT_PROFILE}
        # The form changed the request's copy in memory: save through a fresh one.
        person_update_profile(person=Person.objects.get(pk=request.user.pk), **values)
        registration, created = domain.register(
            edition=edition, person=request.user, attendance=form.cleaned_data["attendance"],
            answers=form.answers())
        messages.success(request, _("You are registered: %(status)s.") % {
            "status": registration.get_status_display()} if created else
            _("You were already registered."))
        return redirect(request.path)


class BadgeView(PermissionRequiredMixin, View):
    permission_required = "registration.register"

    def get_permission_object(self):
        return self.request.edition

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


class ManageView(PermissionTemplateView):
    permission_required = "registration.manage"
    template_name = "registration/manage.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            return self.csv()
        if request.GET.get("format") == "badges":
            regs = list(self.registrations().filter(status=RegistrationStatus.CONFIRMED,
                                                    attendance="onsite")[:500])
            audit_log(action="registration.export", obj=request.edition,
                      changes={"file": "badges.pdf", "rows": len(regs)})
            return HttpResponse(domain.badges_pdf(regs), content_type="application/pdf")
        return super().get(request, *args, **kwargs)

    def registrations(self):
        return Registration.objects.filter(edition=self.request.edition).select_related(
            "person", "country")

    def csv(self):
        rows = [[r.pk, r.person.name, r.person.email, r.person.organisation, r.attendance,
                 r.status, r.stakeholder_group, r.regional_group, r.gender,
                 r.country.name if r.country else "", int(r.first_time),
                 r.checked_in_at.isoformat() if r.checked_in_at else ""]
                for r in self.registrations().iterator(chunk_size=2000)]
        audit_log(action="registration.export", obj=self.request.edition,
                  changes={"file": "registrations.csv", "rows": len(rows)})
        return csv_response(
            "registrations.csv",
            ["id", "name", "email", "organisation", "attendance", "status", "stakeholder_group",
             "regional_group", "gender", "country", "first_time", "checked_in"], rows)

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
                "pending": self.registrations().filter(status=RegistrationStatus.PENDING)[:50],
                "form": kwargs.get("form") or forms.SettingsForm(
                    instance=domain.settings_of(self.request.edition))}

    def post(self, request, *args, **kwargs):
        if request.GET.get("do") == "decide":
            registration = get_object_or_404(Registration, edition=request.edition,
                                             pk=request.POST.get("registration"))
            domain.registration_decide(registration=registration,
                                       approve=request.POST.get("approve") == "1")
            return redirect(request.path)
        form = forms.SettingsForm(request.POST, instance=domain.settings_of(request.edition))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        form.save()
        messages.success(request, _("Registration settings saved."))
        return redirect(request.path)
