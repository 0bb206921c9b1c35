from django import forms
from django.utils.translation import gettext_lazy as _

from openigf.api.domain import DEFAULT_DAYS, MAX_DAYS
from openigf.api.scopes import SCOPES, scopes_allowed


class TokenForm(forms.Form):
    name = forms.CharField(label=_("What is the token for?"), max_length=100)
    scopes = forms.MultipleChoiceField(
        label=_("What it may change"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Every token reads what you may read. Tick only what the program needs "
                    "to change; only what your roles allow is offered."))
    days = forms.IntegerField(label=_("Valid for (days)"), min_value=1, max_value=MAX_DAYS,
                              initial=DEFAULT_DAYS)

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scopes"].choices = [(s, SCOPES[s]) for s in scopes_allowed(person)]
