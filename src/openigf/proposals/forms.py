"""Forms of the call for proposals: they turn input into domain calls, nothing more."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from openigf.community.models import Coalition
from openigf.core.forms import TranslationsMixin, zoned_formfield
from openigf.forums.enums import SessionKind
from openigf.proposals.enums import SDGS, Format, QuestionKind
from openigf.proposals.models import OPTIONAL_FIELDS, Call, CallQuestion, Proposal, ProposalPerson
from openigf.proposals.screening import RULES, SEVERITIES


class ProposalForm(forms.ModelForm):
    """The proposal form of one call: only the fields that call asks for, its durations and
    formats, its themes, and its extra questions. Only the title is needed to save a draft;
    submission checks the rest."""

    write_in_tags = forms.CharField(
        label=_("Other tags"), required=False, max_length=300,
        help_text=_("Your own tags, separated by commas, when none above fits."))

    class Meta:
        model = Proposal
        fields = ["title", "theme", "tags", "policy_questions", "description", "format",
                  "duration", "sdg_targets", "interaction_plan", "previous_messages",
                  "background_paper", "coalition", "organisation"]
        widgets = {"tags": forms.CheckboxSelectMultiple,
                   "policy_questions": forms.CheckboxSelectMultiple,
                   "description": forms.Textarea(attrs={"rows": 10}),
                   "interaction_plan": forms.Textarea(attrs={"rows": 4}),
                   "previous_messages": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        edition = call.edition
        themes = list(call.themes.all()) or list(edition.themes.all())
        self.fields["theme"].queryset = edition.themes.filter(pk__in=[t.pk for t in themes])
        tags = Q(suggested=True)
        if self.instance.pk:  # the proposal's own write-ins are offered (ticked) too
            tags |= Q(proposals=self.instance)
        self.fields["tags"].queryset = edition.tags.filter(tags).distinct()
        self.fields["policy_questions"].queryset = edition.policy_questions.select_related(
            "theme")
        self.fields["format"] = forms.ChoiceField(
            label=_("Format"), required=False,
            choices=[("", "—")] + [c for c in Format.choices
                                   if not call.formats or c[0] in call.formats])
        self.fields["duration"] = forms.TypedChoiceField(
            label=_("Duration"), required=False, coerce=int, empty_value=None,
            choices=[("", "—")] + [(d, _("%(n)s minutes") % {"n": d}) for d in call.durations])
        sdgs = [c for c in SDGS if not call.sdgs or c[0] in call.sdgs]
        self.fields["sdg_targets"] = forms.MultipleChoiceField(
            label=_("Sustainable Development Goals"), required=False, choices=sdgs,
            widget=forms.CheckboxSelectMultiple)
        words = call.word_limit
        self.fields["description"].help_text = _("At most %(n)s words.") % {"n": words}
        for field, _label in OPTIONAL_FIELDS:
            if not call.asks(field) and field in self.fields:
                del self.fields[field]
        if not call.asks("tags"):
            del self.fields["write_in_tags"]
        if "coalition" in self.fields:
            self.fields["coalition"].queryset = Coalition.objects.filter(
                forum=edition.forum).order_by("name")
        answers = self.instance.answers or {}
        for question in call.questions.all():
            name = f"question_{question.pk}"
            if question.kind == QuestionKind.YES_NO:
                field = forms.ChoiceField(choices=[("", "—"), ("yes", _("Yes")),
                                                   ("no", _("No"))])
            elif question.kind == QuestionKind.SHORT:
                field = forms.CharField(max_length=300)
            else:
                field = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}),
                                        max_length=5000)
            field.label, field.help_text, field.required = question.text, question.help_text, False
            field.initial = answers.get(str(question.pk), "")
            self.fields[name] = field

    def clean_description(self):
        text = self.cleaned_data.get("description", "")
        n = len(text.split())
        if n > self.call.word_limit:
            raise forms.ValidationError(
                _("The description has %(n)s words; the limit is %(limit)s. Shorten it (your "
                  "text is kept below).") % {"n": n, "limit": self.call.word_limit})
        refusal = self.call.description_refusal(text)  # characters: one long "word"
        if refusal:
            raise forms.ValidationError(refusal)
        return text

    def values(self) -> dict:
        """Keyword arguments for ``proposal_create`` / ``proposal_update``."""
        data = {k: v for k, v in self.cleaned_data.items()
                if k in self._meta.fields and k not in ("tags", "policy_questions")}
        if data.get("background_paper") is None:
            data.pop("background_paper", None)
        if "duration" in data and data["duration"] is not None:
            data["duration"] = int(data["duration"])
        data["answers"] = {name.split("_", 1)[1]: value for name, value in
                           self.cleaned_data.items() if name.startswith("question_")}
        for m2m in ("tags", "policy_questions"):
            if m2m in self.cleaned_data:
                data[m2m] = list(self.cleaned_data[m2m])
        if self.cleaned_data.get("write_in_tags"):
            data["write_in_tags"] = self.cleaned_data["write_in_tags"].split(",")
        return data


class PersonForm(forms.ModelForm):
    class Meta:
        model = ProposalPerson
        fields = ["role", "name", "email", "organisation", "stakeholder_group",
                  "regional_group", "gender", "country", "onsite"]
        help_texts = {"email": _("Speakers and co-organisers receive a link to confirm. "
                                 "Never shown publicly."),
                      "onsite": _("Ticked: in the room; unticked: online.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = self.fields["country"].queryset.order_by("name")

    def clean(self):
        data = super().clean()
        if data.get("role") in ("organiser", "speaker") and not data.get("email"):
            self.add_error("email", _("Organisers and speakers need an e-mail address to "
                                      "confirm."))
        return data


class ScreenForm(forms.Form):
    decision = forms.ChoiceField(label=_("Screening"), widget=forms.RadioSelect, choices=[
        ("in", _("Screened in: goes to the evaluation")),
        ("out", _("Screened out"))])
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Required when screening out; the proposers read it."))


class DurationsField(forms.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        try:
            durations = [int(v) for v in value.replace(";", ",").split(",") if v.strip()]
        except ValueError as error:
            raise forms.ValidationError(_("Give minutes separated by commas, e.g. 60, 90."),
                                        ) from error
        if not durations:
            raise forms.ValidationError(_("Give at least one duration."))
        return durations

    def prepare_value(self, value):
        return ", ".join(str(v) for v in value) if isinstance(value, list) else value


class CallForm(TranslationsMixin, forms.ModelForm):
    """A call's settings and its screening rules (each rule: on or off, whether it refuses
    submission, and its numbers); its introduction in the forum's language and others."""

    translated_fields = ("introduction",)

    durations = DurationsField(label=_("Durations (minutes)"))
    formats = forms.MultipleChoiceField(label=_("Formats offered"), required=False,
                                        choices=Format.choices,
                                        widget=forms.CheckboxSelectMultiple,
                                        help_text=_("None ticked: every format."))
    fields = forms.MultipleChoiceField(label=_("Optional fields asked"), required=False,
                                       choices=OPTIONAL_FIELDS,
                                       widget=forms.CheckboxSelectMultiple)
    sdgs = forms.MultipleChoiceField(label=_("SDGs offered"), required=False, choices=SDGS,
                                     widget=forms.CheckboxSelectMultiple,
                                     help_text=_("None ticked: all seventeen."))

    class Meta:
        model = Call
        fields = ["kind", "introduction", "opens_at", "closes_at", "durations", "formats",
                  "fields", "themes", "sdgs", "word_limit"]
        widgets = {"themes": forms.CheckboxSelectMultiple}
        formfield_callback = zoned_formfield

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.edition = edition
        self.fields["themes"].queryset = edition.themes.all()
        if self.instance.pk:
            del self.fields["kind"]
        kind = self.instance.kind or SessionKind.WORKSHOP
        for rule in RULES.values():
            current = rule.settings(self.instance.rules, kind)
            # A rule switched off keeps the settings saved with it, to switch it on again.
            saved = {"severity": rule.severity, **{n: d for n, (d, _l) in rule.params.items()},
                     **((self.instance.rules or {}).get(rule.key) or {})}
            prefix = f"rule_{rule.key}_"
            self.fields[prefix + "enabled"] = forms.BooleanField(
                label=rule.title, required=False, initial=current is not None,
                help_text=rule.describe({k: d for k, (d, _l) in rule.params.items()}))
            self.fields[prefix + "severity"] = forms.ChoiceField(
                label=_("When it fails"), choices=SEVERITIES, initial=saved["severity"])
            for name, (_default, label) in rule.params.items():
                self.fields[prefix + name] = forms.IntegerField(
                    label=label, min_value=0, max_value=50, initial=saved[name])

    def rules_value(self) -> dict:
        result = {}
        for rule in RULES.values():
            prefix = f"rule_{rule.key}_"
            result[rule.key] = {"enabled": self.cleaned_data[prefix + "enabled"],
                                "severity": self.cleaned_data[prefix + "severity"],
                                **{n: self.cleaned_data[prefix + n] for n in rule.params}}
        return result

    def values(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items()
                if k in self._meta.fields and k != "themes"}
        data["rules"] = self.rules_value()
        data["versions"] = self.versions()
        return data


class CallQuestionForm(forms.ModelForm):
    class Meta:
        model = CallQuestion
        fields = ["text", "help_text", "kind", "required", "order"]
