from django import forms
from django.utils.translation import gettext_lazy as _

from openigf.core import textlimits
from openigf.funding.models import GrantApplication, TravelApplication


class TravelForm(forms.ModelForm):
    class Meta:
        model = TravelApplication
        fields = ["cost_estimate", "cost_breakdown", "contribution", "recommendation"]
        widgets = {f: forms.Textarea(attrs={"rows": 3})
                   for f in ("cost_breakdown", "contribution", "recommendation")}


class TripReportForm(forms.Form):
    trip_report = forms.CharField(label=_("Trip report"), widget=forms.Textarea(
        attrs={"rows": 6}), max_length=textlimits.LONG)


class GrantForm(forms.ModelForm):
    initiative = forms.ModelChoiceField(label=_("Initiative"), queryset=None)

    class Meta:
        model = GrantApplication
        fields = ["initiative", "amount", "co_funding", "purpose"]
        widgets = {"co_funding": forms.Textarea(attrs={"rows": 2}),
                   "purpose": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, initiatives, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["initiative"].queryset = initiatives
