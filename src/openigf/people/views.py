import json

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from openigf.core.forms import editable_copy
from openigf.core.views import PermissionRequiredMixin
from openigf.people import domain
from openigf.people.forms import (
    EmailAuthenticationForm,
    EraseForm,
    OutboxPasswordResetForm,
    ProfileForm,
    SignupForm,
)


class LoginView(auth_views.LoginView):
    form_class = EmailAuthenticationForm
    template_name = "people/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


class SignupView(FormView):
    form_class = SignupForm
    template_name = "people/signup.html"

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        person = domain.person_signup(email=data.pop("email"), password=data.pop("password"),
                                      name=data.pop("name"), **data)
        login(self.request, person, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(self.request, _("Welcome! Your account is ready."))
        return redirect(self.request.GET.get("next") or "people:profile")


class ProfileView(PermissionRequiredMixin, FormView):
    permission_required = "people.change_own_profile"
    form_class = ProfileForm
    template_name = "people/profile.html"

    def get_permission_object(self):
        return None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = editable_copy(self.request.user)
        return kwargs

    def form_valid(self, form):
        values = {f: form.cleaned_data[f] for f in form.changed_data}
        person = self.request.user
        domain.person_update_profile(person=person, **values)
        messages.success(self.request, _("Your profile is saved."))
        return redirect("people:profile")


class ExportView(PermissionRequiredMixin, View):
    permission_required = "people.view_own_data"

    def get_permission_object(self):
        return None

    def get(self, request):
        data = domain.person_export(person=request.user)
        response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False, default=str),
                                content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="my-openigf-data.json"'
        return response


class EraseView(PermissionRequiredMixin, View):
    permission_required = "people.view_own_data"
    template_name = "people/erase.html"

    def get_permission_object(self):
        return None

    def get(self, request):
        return render(request, self.template_name, {"form": EraseForm(person=request.user)})

    def post(self, request):
        form = EraseForm(request.POST, person=request.user)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        person = request.user
        logout(request)
        domain.person_erase(person=person, actor=None)
        messages.success(request, _("Your data has been erased."))
        return redirect("forums:home")


class PasswordResetView(auth_views.PasswordResetView):
    form_class = OutboxPasswordResetForm
    template_name = "people/password_reset.html"
    email_template_name = "people/mail/password_reset.txt"
    subject_template_name = "people/mail/password_reset.subject.txt"
    success_url = reverse_lazy("people:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "people/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "people/password_reset_confirm.html"
    success_url = reverse_lazy("people:login")
