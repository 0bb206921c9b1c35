from django import forms
from django.utils.translation import gettext_lazy as _

from openigf.core import textlimits
from openigf.core.forms import zoned_formfield
from openigf.review.models import SCALE, LowScoreReason, Round


class RoundForm(forms.ModelForm):
    class Meta:
        model = Round
        fields = ["opens_at", "closes_at", "reviews_per_proposal", "by_theme", "blind",
                  "scores_visible", "publish_comments"]
        formfield_callback = zoned_formfield


class ReviewForm(forms.Form):
    score = forms.TypedChoiceField(label=_("Overall score"), choices=SCALE, coerce=int,
                                   widget=forms.RadioSelect)
    reason = forms.ChoiceField(label=_("Main reason (needed for a score of 3 or less)"),
                               choices=[("", "—")] + list(LowScoreReason.choices),
                               required=False)
    comment = forms.CharField(label=_("Comment"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}), max_length=textlimits.TEXT)
    merge_with = forms.ModelChoiceField(label=_("Could merge with"), required=False,
                                        queryset=None)

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["merge_with"].queryset = proposals


class ConflictForm(forms.Form):
    reason = forms.CharField(label=_("Your conflict of interest"), max_length=300,
                             help_text=_("For example: I am a speaker, my employer "
                                         "organises it, my network is a partner."))


class SelectionForm(forms.Form):
    slots = forms.IntegerField(label=_("Workshop slots"), min_value=1, max_value=1000,
                               initial=97)
    theme_cap = forms.IntegerField(label=_("At most this many per theme"), required=False,
                                   min_value=1)
    developing_share = forms.IntegerField(
        label=_("At least this share (%) with organisers from developing countries"),
        min_value=0, max_value=100, initial=30)
    first_time_share = forms.IntegerField(label=_("At least this share (%) of first-time "
                                                  "proposers"), min_value=0, max_value=100,
                                          initial=15)
    every_region = forms.BooleanField(label=_("Every regional group represented"),
                                      required=False, initial=True)
    every_group = forms.BooleanField(label=_("Every stakeholder group represented"),
                                     required=False, initial=True)

    @staticmethod
    def initial_from(run) -> dict | None:
        """The last run's settings in the form's units: shares as percentages (0.3 -> 30)."""
        if run is None:
            return None
        settings = dict(run.settings)
        for key in ("developing_share", "first_time_share"):
            if settings.get(key) is not None:
                settings[key] = round(settings[key] * 100)
        return settings

    def selection_settings(self) -> dict:
        """The cleaned values as :func:`review.domain.selection_run` takes them."""
        data = self.cleaned_data
        return {"slots": data["slots"], "theme_cap": data["theme_cap"],
                "developing_share": data["developing_share"] / 100,
                "first_time_share": data["first_time_share"] / 100,
                "every_region": data["every_region"], "every_group": data["every_group"]}


class OverrideForm(forms.Form):
    selected = forms.TypedChoiceField(label=_("Decision of the MAG"), coerce=lambda v: v == "1",
                                      choices=[("1", _("Select")), ("0", _("Do not select"))])
    note = forms.CharField(label=_("Why"), max_length=300)
