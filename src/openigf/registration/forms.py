from django import forms
from django.utils.translation import gettext_lazy as _

from openigf.people.enums import Attendance
from openigf.people.forms import CountryChoiceField
from openigf.people.models import Country, Person
from openigf.registration.models import RegistrationSettings

SHORT_PROFILE = ["stakeholder_group", "organisation", "country", "gender", "first_time",
                 "accessibility_needs", "parliamentarian", "youth"]


class RegisterForm(forms.ModelForm):
    """The short form: onsite or online, the profile fields the statistics use (kept in the
    profile for next time), and the edition's extra questions."""

    attendance = forms.ChoiceField(label=_("I will take part"), choices=Attendance.choices,
                                   widget=forms.RadioSelect, initial=Attendance.ONSITE)
    country = CountryChoiceField(queryset=Country.objects.all(), required=True,
                                 label=_("Country"))

    class Meta:
        model = Person
        fields = SHORT_PROFILE
        widgets = {"accessibility_needs": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stakeholder_group"].required = True
        self.questions = list(questions)
        for q in self.questions:
            self.fields[f"q_{q['key']}"] = forms.CharField(
                label=q["label"], required=bool(q.get("required")), max_length=1000)

    def answers(self):
        return {q["key"]: self.cleaned_data.get(f"q_{q['key']}", "") for q in self.questions}


class SettingsForm(forms.ModelForm):
    class Meta:
        model = RegistrationSettings
        fields = ["onsite_capacity", "approval_required", "join_link"]


class CheckInForm(forms.Form):
    code = forms.CharField(label=_("Badge code"), max_length=500,
                           widget=forms.TextInput(attrs={"autocomplete": "off",
                                                         "autofocus": True}))
