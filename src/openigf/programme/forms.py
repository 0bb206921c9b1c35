from django import forms
from django.utils.translation import gettext_lazy as _

from openigf.core import textlimits
from openigf.core.forms import ZonedDateTimeField
from openigf.forums.enums import SessionKind
from openigf.programme.models import Equipment, Room, Session


class SessionForm(forms.ModelForm):
    needs = forms.MultipleChoiceField(label=_("Equipment needed"), required=False,
                                      choices=Equipment.choices,
                                      widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Session
        fields = ["kind", "title", "description", "theme", "tags", "duration",
                  "expected_audience", "language", "format", "needs", "exclusive"]

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = edition.themes.all()
        self.fields["tags"].queryset = edition.tags.all()
        self.fields["tags"].required = False
        if self.instance.pk is None:
            self.fields["kind"].initial = SessionKind.MAIN


class PlaceForm(forms.Form):
    starts_at = ZonedDateTimeField(label=_("Starts"), required=False,
                                   help_text=_("Empty: take the session out of the schedule."))
    room = forms.ModelChoiceField(label=_("Room"), queryset=Room.objects.none(), required=False)
    fixed = forms.BooleanField(label=_("Keep this time and room when the schedule is solved "
                                       "again"), required=False)

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = Room.objects.filter(edition=edition)

    def clean(self):
        data = super().clean()
        if bool(data.get("starts_at")) != bool(data.get("room")):
            self.add_error("room" if data.get("starts_at") else "starts_at",
                           _("Give both a start and a room, or neither."))
        return data


class SolveForm(forms.Form):
    time_limit = forms.IntegerField(label=_("Time limit (seconds)"), min_value=1,
                                    max_value=300, initial=20)
    keep_placed = forms.BooleanField(label=_("Change as little as possible from the working "
                                             "schedule"), required=False)


class ReleaseForm(forms.Form):
    note = forms.CharField(label=_("Note for the public changelog"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}), max_length=textlimits.NOTE)
