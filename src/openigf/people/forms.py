from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from openigf.core import throttle
from openigf.core.throttle import client_address
from openigf.people import throttles
from openigf.people.models import Country, Person
from openigf.people.signals import mail_requested

PROFILE_FORM_FIELDS = [
    "name", "organisation", "job_title", "country", "stakeholder_group", "regional_group",
    "gender", "gender_description", "first_time", "youth", "parliamentarian",
    "accessibility_needs", "preferred_language", "biography",
]


class CountryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.local_name()


class ProfileForm(forms.ModelForm):
    country = CountryChoiceField(queryset=Country.objects.all(), required=False,
                                 label=_("Country"))

    class Meta:
        model = Person
        fields = PROFILE_FORM_FIELDS
        widgets = {
            "biography": forms.Textarea(attrs={"rows": 4}),
            "accessibility_needs": forms.Textarea(attrs={"rows": 2}),
        }


class SignupForm(ProfileForm):
    email = forms.EmailField(label=_("E-mail address"),
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    password = forms.CharField(label=_("Password"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                               help_text=password_validation.password_validators_help_text_html())

    class Meta(ProfileForm.Meta):
        fields = ["email", "password", "name", "organisation", "country", "stakeholder_group",
                  "gender", "first_time", "preferred_language"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.known = None  # the record of a person the platform knows under this address

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        for limit, who in ((throttles.SIGNUP_ACCOUNT, email),
                           (throttles.SIGNUP_NETWORK, client_address(self.request))):
            if throttle.exceeded(limit, who):
                raise forms.ValidationError(throttles.too_many(limit), code=throttles.THROTTLED)
        existing = Person.objects.filter(email__iexact=email).first()
        if existing and existing.has_usable_password():
            raise forms.ValidationError(
                _("An account with this e-mail address exists already. Sign in, or reset "
                  "your password."))
        self.known = existing
        return email

    def clean_password(self):
        password = self.cleaned_data["password"]
        candidate = Person(email=self.cleaned_data.get("email"),
                           name=self.cleaned_data.get("name", ""))
        password_validation.validate_password(password, candidate)
        return password

    def count_attempt(self) -> None:
        throttle.hit(throttles.SIGNUP_ACCOUNT, self.cleaned_data["email"])
        throttle.hit(throttles.SIGNUP_NETWORK, client_address(self.request))

    def _post_clean(self):
        # Saving goes through people.domain; skip ModelForm's instance checks of the e-mail's
        # uniqueness (a known record is mailed a link instead, see SignupView).
        pass


class ClaimForm(SetPasswordForm):
    """Choose the password of the record or account the mailed link names."""


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(label=_("E-mail address"),
                                widget=forms.EmailInput(attrs={"autofocus": True,
                                                               "autocomplete": "email"}))

    def clean(self):
        """Refused without looking at the password once the account or the network address
        failed too often (see ``people.throttles``); every failure is counted."""
        email = (self.cleaned_data.get("username") or "").strip().lower()
        network = client_address(self.request)
        for limit, who in ((throttles.LOGIN_ACCOUNT, email),
                           (throttles.LOGIN_NETWORK, network)):
            if who and throttle.exceeded(limit, who):
                raise forms.ValidationError(throttles.too_many(limit), code=throttles.THROTTLED)
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if email:
                throttle.hit(throttles.LOGIN_ACCOUNT, email)
            throttle.hit(throttles.LOGIN_NETWORK, network)
            raise
        throttle.reset(throttles.LOGIN_ACCOUNT, email)
        return cleaned


class OutboxPasswordResetForm(PasswordResetForm):
    """Password reset mail through the outbox, like every other mail; the link in it is made
    at delivery from ``SITE_URL`` and never stored (see ``people.links``)."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        for limit, who in ((throttles.RESET_ACCOUNT, email),
                           (throttles.RESET_NETWORK, client_address(self.request))):
            if throttle.hit(limit, who) > limit.count:
                raise forms.ValidationError(
                    _("A link was sent to this address a short while ago; check your mail "
                      "(and its spam folder). %(wait)s") % {"wait": throttles.too_many(limit)},
                    code=throttles.THROTTLED)
        return email

    def send_mail(self, subject_template_name, email_template_name, context, from_email,
                  to_email, html_email_template_name=None):
        user = context["user"]
        mail_requested.send(sender=type(user), to=to_email, template="people/mail/password_reset",
                            language=user.preferred_language, kind="person.password_reset",
                            context={"person": user}, link="people.password_reset")


class EraseForm(forms.Form):
    password = forms.CharField(label=_("Your password, to confirm"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete":
                                                                 "current-password"}))

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person

    def clean_password(self):
        if not self.person.check_password(self.cleaned_data["password"]):
            raise forms.ValidationError(_("This is not your password."))
        return self.cleaned_data["password"]
