"""The public input form and the Secretariat's settings of the call."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from openigf.consultation.models import Language
from openigf.core import textlimits
from openigf.people.enums import StakeholderGroup
from openigf.people.models import Country


class InputForm(forms.Form):
    """Anonymous senders give a name (optional) and an address (to confirm the input); people
    signed in send as their account. ``website`` is a honeypot that people never see."""

    name = forms.CharField(label=_("Your name"), max_length=200, required=False,
                           help_text=_("Never published."))
    email = forms.EmailField(label=_("Your e-mail address"),
                             help_text=_("Never published: we mail you a link to confirm "
                                         "the input, and publish it once you open it."))
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False,
                                   help_text=_("Optional. Never published."))
    stakeholder_group = forms.ChoiceField(label=_("Stakeholder group"),
                                          choices=[("", "—"), *StakeholderGroup.choices])
    country = forms.ModelChoiceField(label=_("Country"), queryset=Country.objects.all(),
                                     help_text=_("Your UN regional group follows from it."))
    category = forms.ModelChoiceField(label=_("Category"), queryset=None, required=False)
    language = forms.ChoiceField(label=_("Language of your input"), choices=Language.choices)
    text = forms.CharField(label=_("The issue"), widget=forms.Textarea(attrs={"rows": 6}),
                           help_text=_("In any of the six UN languages."), strip=True)
    website = forms.CharField(label=_("Leave this field empty"), required=False,
                              widget=forms.TextInput(attrs={"tabindex": "-1",
                                                            "autocomplete": "off"}))

    def __init__(self, *args, edition, person=None, max_chars=2000, **kwargs):
        initial = kwargs.setdefault("initial", {})
        language = (get_language() or "en").split("-")[0]
        initial.setdefault("language", language if language in Language.values else "en")
        if person is not None:
            initial.setdefault("stakeholder_group", person.stakeholder_group)
            initial.setdefault("country", person.country_id)
            initial.setdefault("organisation", person.organisation)
        super().__init__(*args, **kwargs)
        if person is not None:
            del self.fields["name"], self.fields["email"]
        categories = edition.issue_categories.all()
        self.fields["category"].queryset = categories
        self.fields["category"].required = categories.exists()
        self.fields["text"].widget.attrs["maxlength"] = max_chars
        self.fields["text"].help_text = _("In any of the six UN languages; at most %(n)d "
                                          "characters.") % {"n": max_chars}

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))


class CallForm(forms.Form):
    introduction = forms.CharField(label=_("Introduction"), required=False,
                                   max_length=textlimits.LONG,
                                   widget=forms.Textarea(attrs={"rows": 4}))
    max_chars = forms.IntegerField(label=_("Longest input (characters)"), min_value=100,
                                   max_value=20000)
    categories = forms.CharField(label=_("Categories"), required=False,
                                 max_length=textlimits.TEXT,
                                 widget=forms.Textarea(attrs={"rows": 8}),
                                 help_text=_("One a line, in the order offered."))


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Why it is hidden"), max_length=300)
