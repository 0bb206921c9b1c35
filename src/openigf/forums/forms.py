from django import forms
from django.utils.translation import gettext_lazy as _

from openigf.core import textlimits
from openigf.core.forms import TranslationsMixin, zoned_formfield
from openigf.forums.enums import Phase, Role
from openigf.forums.models import Edition, Theme
from openigf.people.models import Person

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PHASE_FIELDS = [f"{p}_{edge}" for p in Phase.values for edge in ("opens", "closes")]


class EditionForm(forms.ModelForm):
    class Meta:
        model = Edition
        fields = ["title", "number", "theme", "host_city", "host_country", "start_date",
                  "end_date", "timezone", "published", "description", *PHASE_FIELDS]
        widgets = {"start_date": DATE, "end_date": DATE,
                   "description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"timezone": _("Every date and time of the edition is typed and shown in "
                                    "this zone. Changing it keeps the moments saved: check the "
                                    "dates below afterwards.")}
        formfield_callback = zoned_formfield


class ThemeForm(TranslationsMixin, forms.ModelForm):
    translated_fields = ("name", "narrative", "policy_questions")

    tags = forms.CharField(label=_("Suggested tags"), required=False,
                           help_text=_("One per line."), widget=forms.Textarea(attrs={"rows": 4}),
                           max_length=textlimits.TEXT)
    policy_questions = forms.CharField(label=_("Policy questions"), required=False,
                                       help_text=_("One per line."),
                                       widget=forms.Textarea(attrs={"rows": 5}),
                                       max_length=textlimits.LONG)

    class Meta:
        model = Theme
        fields = ["name", "slug", "narrative", "colour", "order"]
        widgets = {"colour": forms.TextInput(attrs={"type": "color"}),
                   "narrative": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["tags"].initial = "\n".join(t.name for t in self.instance.tags.all())
            questions = list(self.instance.policy_questions.all())
            self.initial["policy_questions"] = "\n".join(
                self._version(q, "text", self.content_language) for q in questions)
            for code in self.translation_languages:
                self.fields[f"policy_questions__{code}"].initial = "\n".join(
                    self._version(q, "text", code) for q in questions)
        for code in self.translation_languages:
            self.fields[f"policy_questions__{code}"].strip = False  # empty lines hold places
            self.fields[f"policy_questions__{code}"].help_text = _(
                "One per line, in the order of the questions above; an empty line where a "
                "question has no version in this language.")

    @staticmethod
    def _lines(value):
        return [line.strip() for line in value.splitlines() if line.strip()]

    def clean_tags(self):
        return self._lines(self.cleaned_data["tags"])

    def clean_policy_questions(self):
        return self._lines(self.cleaned_data["policy_questions"])

    def versions(self) -> dict:
        """The versions of name and narrative by field, and of each policy question by its
        position (``{"policy_questions": {language: [text, ...]}}``)."""
        versions = super().versions()
        versions["policy_questions"] = {
            code: [line.strip() for line in text.splitlines()]
            for code, text in versions["policy_questions"].items()}
        return versions


class GrantRoleForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        person = Person.objects.filter(email__iexact=email).first()
        if person is None:
            raise forms.ValidationError(
                _("Nobody with this e-mail address has an account yet. Ask them to sign up "
                  "first."))
        self.person = person
        return email
