from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

from openigf.people.models import Country, Person

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

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        existing = Person.objects.filter(email__iexact=email).first()
        if existing and existing.has_usable_password():
            raise forms.ValidationError(
                _("An account with this e-mail address exists already. Sign in, or reset "
                  "your password."))
        return email

    def clean_password(self):
        password = self.cleaned_data["password"]
        candidate = Person(email=self.cleaned_data.get("email"),
                           name=self.cleaned_data.get("name", ""))
        password_validation.validate_password(password, candidate)
        return password

    def _post_clean(self):
        # Saving goes through people.domain.person_signup; skip ModelForm's instance checks
        # of the e-mail's uniqueness (an invited person may claim their record).
        pass


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(label=_("E-mail address"),
                                widget=forms.EmailInput(attrs={"autofocus": True,
                                                               "autocomplete": "email"}))


class OutboxPasswordResetForm(PasswordResetForm):
    """Password reset mail through the outbox, like every other mail."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email,
                  to_email, html_email_template_name=None):
        from django.template import loader

        from openigf.outbox.domain import mail_enqueue

        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        mail_enqueue(to=to_email, subject=subject, body=body, kind="person.password_reset")


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
