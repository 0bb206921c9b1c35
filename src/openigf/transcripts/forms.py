from django import forms
from django.utils.translation import gettext_lazy as _


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Transcript file"),
                           help_text=_("Plain text as the captioners publish it (.txt or .md), "
                                       "at most 5 MB."))
    live = forms.BooleanField(label=_("Captioning is still in progress"), required=False)


class SearchForm(forms.Form):
    """The archive search. Forum and edition are chosen among those with published editions
    (``editions``: ``[(forum slug, forum name, [edition slug])]``); an edition is
    ``"<forum>/<edition>"``, so "2019" of two forums are two choices."""

    q = forms.CharField(label=_("Words or \"a phrase\""), required=False, max_length=200)
    forum = forms.ChoiceField(label=_("Forum"), required=False)
    edition = forms.ChoiceField(label=_("Edition"), required=False)
    theme = forms.CharField(label=_("Theme"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Session type"), required=False)
    speaker = forms.CharField(label=_("Speaker"), required=False, max_length=100)

    def __init__(self, *args, editions=(), kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["forum"].choices = every + [(slug, name) for slug, name, _e in editions]
        self.fields["edition"].choices = every + [
            (name, [(f"{slug}/{e}", f"{name} {e}") for e in years])
            for slug, name, years in editions]
        self.fields["kind"].choices = every + list(kinds)

    def clean(self):
        data = super().clean()
        forum, _slash, edition = (data.get("edition") or "").partition("/")
        if edition:
            if data.get("forum") and data["forum"] != forum:
                self.add_error("edition", _("This edition is not one of the chosen forum."))
            data["forum"], data["edition"] = forum, edition
        return data
