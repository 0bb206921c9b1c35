from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from openigf.core import textlimits
from openigf.core.forms import TranslationsMixin, ZonedDateTimeField
from openigf.forums.enums import SessionKind
from openigf.programme.models import Equipment, Room, Session


class SessionForm(TranslationsMixin, forms.ModelForm):
    translated_fields = ("title", "description")
    needs = forms.MultipleChoiceField(label=_("Equipment needed"), required=False,
                                      choices=Equipment.choices,
                                      widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Session
        fields = ["kind", "title", "description", "theme", "tags", "duration",
                  "expected_audience", "language", "format", "livestream_url", "needs",
                  "exclusive"]

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
    move_placed = forms.BooleanField(
        label=_("Also move sessions already placed"), required=False,
        help_text=_("Off: sessions placed in the working schedule keep their time and room, and "
                    "only the others are placed. On: any session may move, published ones "
                    "too; their organisers and speakers are told when you publish."))

    def __init__(self, *args, published: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not published:  # before the first version everything is placed afresh
            del self.fields["move_placed"]


class ReleaseForm(forms.Form):
    """Publishing the working schedule: what the Secretariat saw (``base``, the broken
    constraints' ``confirmation``) travels with the confirmation."""

    note = forms.CharField(label=_("Note for the public changelog"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}), max_length=textlimits.NOTE)
    base = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    confirmation = forms.CharField(widget=forms.HiddenInput, required=False)
    confirm_broken = forms.BooleanField(required=False)
    notify = forms.BooleanField(required=False, initial=True)

    def __init__(self, *args, preview, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["base"].initial = preview.base
        self.fields["confirmation"].initial = preview.confirmation
        n = len(preview.broken)
        if n:
            self.fields["confirm_broken"].label = ngettext(
                "Publish although the constraint listed above is broken",
                "Publish although the %(n)d constraints listed above are broken", n) % {"n": n}
        else:
            del self.fields["confirm_broken"]
        if preview.recipients:
            self.fields["notify"].label = ngettext(
                "Mail the person listed above about their moved sessions",
                "Mail the %(n)d people listed above about their moved sessions",
                len(preview.recipients)) % {"n": len(preview.recipients)}
        else:
            del self.fields["notify"]

    def clean(self):
        data = super().clean()
        if "confirm_broken" in self.fields and not data.get("confirm_broken"):
            self.add_error("confirm_broken", _("Tick this to publish with the broken "
                                               "constraints, or fix them first."))
        return data
