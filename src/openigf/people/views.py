import json
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView
from django.views.i18n import set_language

from openigf.core import throttle
from openigf.core.audit import audit_log
from openigf.core.forms import editable_copy
from openigf.core.redirects import safe_next
from openigf.core.views import PermissionRequiredMixin
from openigf.people import domain, throttles
from openigf.people.forms import (
    ClaimForm,
    EmailAuthenticationForm,
    EraseForm,
    OutboxPasswordResetForm,
    ProfileForm,
    SignupForm,
)
from openigf.people.models import Person
from openigf.people.tokens import address_token

ACCOUNT_PAGES = ("/accounts/",)


def _next(request, fallback="/") -> str:
    """Back to the page one came from: the safe ``next``, else the same-site referer."""
    return safe_next(request, fallback, referer=True, avoid=ACCOUNT_PAGES)


def _next_context(request) -> dict:
    next_url = _next(request, "")
    return {"next": next_url, "next_encoded": quote(next_url, safe="")}


def _remember_language(response, person):
    """Sign-in speaks the person's language from now on."""
    if person.preferred_language:
        translation.activate(person.preferred_language)
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, person.preferred_language,
                            max_age=settings.LANGUAGE_COOKIE_AGE, samesite="Lax",
                            secure=settings.SESSION_COOKIE_SECURE)
    return response


def _throttled(form) -> bool:
    return any(e.code == throttles.THROTTLED for errors in form.errors.as_data().values()
               for e in errors)


class LoginView(auth_views.LoginView):
    form_class = EmailAuthenticationForm
    template_name = "people/login.html"
    redirect_authenticated_user = True

    def get_redirect_url(self):
        return _next(self.request, "")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **_next_context(self.request)}

    def form_valid(self, form):
        return _remember_language(super().form_valid(form), form.get_user())

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if _throttled(form):
            response.status_code = 429
        return response


class LogoutView(auth_views.LogoutView):
    pass


class SignupView(FormView):
    """A new address gets an account at once (unconfirmed until the mailed link is
    followed); the address of a person the platform knows gets only a mailed link."""

    form_class = SignupForm
    template_name = "people/signup.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def get_initial(self):
        return {"preferred_language": translation.get_language()}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **_next_context(self.request)}

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if _throttled(form):
            response.status_code = 429
        return response

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        next_url = _next(self.request, "")
        form.count_attempt()
        if form.known is not None:
            domain.person_claim_request(person=form.known, next_url=next_url)
            return redirect("people:signup_sent")
        person = domain.person_signup(email=data.pop("email"), password=data.pop("password"),
                                      name=data.pop("name"), next_url=next_url, **data)
        login(self.request, person, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(self.request, _(
            "Welcome! Your account is ready. We sent a link to %(email)s: follow it to confirm "
            "the address, so that what others gave to it (roles, proposals, sessions) "
            "becomes yours.") % {"email": person.email})
        return _remember_language(redirect(next_url or "forums:home"), person)


class SignupSentView(TemplateView):
    template_name = "people/signup_sent.html"


class ConfirmAddressView(View):
    """The link mailed to an address. Its account's holder, signed in, confirms it with one
    button; anyone else who has the link (so reads that mail) chooses the password and takes
    the record, which ends every other session of it."""

    template_name = "people/confirm_address.html"

    def dispatch(self, request, uidb64, token):
        try:
            pk = force_str(urlsafe_base64_decode(uidb64))
            self.person = Person.objects.filter(pk=pk, is_active=True).exclude(
                email=None).first()
        except (TypeError, ValueError, OverflowError, DjangoValidationError):
            self.person = None
        if self.person is None or not address_token.check_token(self.person, token):
            return render(request, self.template_name, {"invalid": True}, status=400)
        self.is_holder = request.user.is_authenticated and request.user.pk == self.person.pk \
            and self.person.has_usable_password()
        return super().dispatch(request)

    def _render(self, form=None, status=200):
        return render(self.request, self.template_name, {
            "person": self.person, "is_holder": self.is_holder, "next": _next(self.request, ""),
            "form": form or ClaimForm(self.person)}, status=status)

    def get(self, request):
        return self._render()

    def post(self, request):
        next_url = _next(request, "")
        if self.is_holder:
            domain.person_verify(person=self.person)
            messages.success(request, _("Your e-mail address is confirmed."))
            return redirect(next_url or "people:profile")
        form = ClaimForm(self.person, request.POST)
        if not form.is_valid():
            return self._render(form, status=400)
        person = domain.person_claim(person=self.person,
                                     password=form.cleaned_data["new_password1"])
        login(request, person, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Your address is confirmed and the account is yours."))
        return _remember_language(redirect(next_url or "people:profile"), person)


class ConfirmResendView(PermissionRequiredMixin, View):
    permission_required = "people.change_own_profile"

    def get_permission_object(self):
        return None

    def post(self, request):
        person = request.user
        if person.email_verified is None and person.email:
            if throttle.hit(throttles.SIGNUP_ACCOUNT, person.email) > \
                    throttles.SIGNUP_ACCOUNT.count:
                messages.error(request, throttles.too_many(throttles.SIGNUP_ACCOUNT))
            else:
                domain.person_confirm_resend(person=person)
                messages.success(request, _("We sent the link again to %(email)s.")
                                 % {"email": person.email})
        return redirect("people:profile")


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
        response = redirect("people:profile")
        if "preferred_language" in values:  # the pages follow the language chosen here too
            response = _remember_language(response, person)
        messages.success(self.request, _("Your profile is saved."))
        return response


class ExportView(PermissionRequiredMixin, View):
    permission_required = "people.view_own_data"

    def get_permission_object(self):
        return None

    def get(self, request):
        data = domain.person_export(person=request.user)
        audit_log(action="person.export", obj=request.user, actor=request.user)
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
    success_url = reverse_lazy("people:password_reset_done")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if _throttled(form):
            response.status_code = 429
        return response


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "people/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """A reset proves the address too: an unconfirmed account becomes the resetter's."""

    template_name = "people/password_reset_confirm.html"
    success_url = reverse_lazy("people:login")

    def form_valid(self, form):
        domain.person_claim(person=form.user, password=form.cleaned_data["new_password1"],
                            action="person.password_reset")
        throttle.reset(throttles.LOGIN_ACCOUNT, form.user.email)
        self.request.session.pop(auth_views.INTERNAL_RESET_SESSION_TOKEN, None)
        messages.success(self.request, _("Your password is changed. Sign in with it."))
        return redirect(self.success_url)


class LanguageView(View):
    """Change the language of the pages; a signed-in person's choice is remembered for their
    next sign-in and their mails."""

    def post(self, request):
        response = set_language(request)
        language = request.POST.get("language")
        if request.user.is_authenticated and language in dict(settings.LANGUAGES) and \
                language != request.user.preferred_language:
            domain.person_update_profile(person=request.user, preferred_language=language)
        return response
