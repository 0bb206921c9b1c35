from django import forms
from django.utils.translation import gettext_lazy as _

from openigf.people.enums import RegionalGroup, StakeholderGroup


class TrendsFilter(forms.Form):
    first = forms.TypedChoiceField(label=_("From"), required=False, coerce=int,
                                   empty_value=None)
    last = forms.TypedChoiceField(label=_("To"), required=False, coerce=int, empty_value=None)
    group = forms.ChoiceField(label=_("Stakeholder group"), required=False,
                              choices=[("", _("All groups")), *StakeholderGroup.choices])
    region = forms.ChoiceField(label=_("UN regional group"), required=False,
                               choices=[("", _("All regions")), *RegionalGroup.choices])

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("Any year")), *[(y, str(y)) for y in years]]
        self.fields["first"].choices = self.fields["last"].choices = choices

    def values(self) -> dict:
        if not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}


class MissingFilter(forms.Form):
    years = forms.TypedChoiceField(
        label=_("Editions looked at"), required=False, coerce=int, empty_value=5,
        choices=[(n, str(n)) for n in (1, 2, 3, 5, 10)])
    region = forms.ChoiceField(label=_("UN regional group"), required=False,
                               choices=[("", _("All regions")),
                                        *RegionalGroup.choices[:-1]])

    def values(self) -> tuple[int, str]:
        if not self.is_valid():
            return 5, ""
        return self.cleaned_data["years"] or 5, self.cleaned_data["region"]
