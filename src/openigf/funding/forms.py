from django import forms
from django.utils.translation import gettext_lazy as _

from openigf.core import textlimits
from openigf.core.forms import zoned_formfield
from openigf.funding.models import GrantApplication, TravelApplication, TravelCall


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


FLOOR_HELP = _("One aim a line, as “attribute = value: minimum”, e.g. “gender = female: 35”, "
               "“region = african: 15”, “first_time = yes: 15”. Attributes: gender, region, "
               "stakeholder_group, first_time, youth, parliamentarian. The selection meets "
               "them where the budget allows and says which it could not.")
FLOOR_ATTRIBUTES = ("gender", "region", "stakeholder_group", "first_time", "youth",
                    "parliamentarian")
YES_NO = {"yes": True, "true": True, "no": False, "false": False}


class FloorsField(forms.CharField):
    """The call's floors typed as lines (``gender = female: 35``), kept as the model's JSON
    list."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(
                f"{f['attribute']} = "
                f"{({True: 'yes', False: 'no'}.get(f['value'], f['value']))}: {f['minimum']}"
                for f in value)
        return value

    def to_python(self, value):
        floors = []
        for number, line in enumerate((value or "").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                what, minimum = line.rsplit(":", 1)
                attribute, wanted = (part.strip() for part in what.split("=", 1))
                minimum = int(minimum.strip())
            except ValueError:
                raise forms.ValidationError(
                    _("Line %(n)d: write “attribute = value: minimum”.") % {"n": number}
                ) from None
            if attribute not in FLOOR_ATTRIBUTES or minimum < 0:
                raise forms.ValidationError(
                    _("Line %(n)d: the attribute is one of %(a)s and the minimum a whole "
                      "number.") % {"n": number, "a": ", ".join(FLOOR_ATTRIBUTES)})
            if attribute in ("first_time", "youth", "parliamentarian"):
                wanted = YES_NO.get(wanted.lower(), wanted)
            floors.append({"attribute": attribute, "value": wanted, "minimum": minimum})
        return floors


class TravelCallForm(forms.ModelForm):
    """A travel-support call: dates in the edition's zone, budget, the country groups it
    supports, whether applicants must have a role in the programme, and its aims."""

    floors = FloorsField(label=_("Aims of the selection"), required=False,
                         help_text=FLOOR_HELP)

    class Meta:
        model = TravelCall
        fields = ["name", "opens_at", "closes_at", "budget", "ldc", "lldc", "sids",
                  "developing", "contribution_required", "floors"]
        formfield_callback = zoned_formfield
