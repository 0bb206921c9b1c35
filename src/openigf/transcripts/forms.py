from django import forms
from django.utils.translation import gettext_lazy as _


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Transcript file"),
                           help_text=_("Plain text as the captioners publish it (.txt or .md), "
                                       "at most 5 MB."))
    live = forms.BooleanField(label=_("Captioning is still in progress"), required=False)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Words or \"a phrase\""), required=False, max_length=200)
    forum = forms.CharField(label=_("Forum"), required=False, max_length=50)
    edition = forms.CharField(label=_("Edition"), required=False, max_length=20)
    theme = forms.CharField(label=_("Theme"), required=False, max_length=200)
    kind = forms.CharField(label=_("Session type"), required=False, max_length=20)
    speaker = forms.CharField(label=_("Speaker"), required=False, max_length=100)
