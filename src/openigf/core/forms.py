"""Form pieces shared by every app."""

import copy
import datetime

from django import forms
from django.conf import settings
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from openigf.core import translations, when


class ZonedDateTimeInput(forms.DateTimeInput):
    """A browser date-and-time picker; the value is in the active (the edition's) zone."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


_zoned_label = lazy(when.field_label, str)


class ZonedDateTimeField(forms.DateTimeField):
    """A datetime typed and shown in the edition's zone, the zone named in the label.

    Django converts between the active zone and UTC; the tenancy middleware activates the
    edition's zone, so what is typed is what is shown, whatever the server's zone. A time typed
    that does not exist or is ambiguous in that zone (daylight saving changes) is refused at the
    field. The value the form showed, sent back unchanged, is the value it showed, to the
    second, even in the hour that happens twice when the clocks go back.
    """

    widget = ZonedDateTimeInput
    input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M",
                     "%Y-%m-%d %H:%M:%S"]
    _shown = None  # (the text shown, the value it stands for), per form (fields are copied)

    def __init__(self, *, label=None, **kwargs):
        super().__init__(label=_zoned_label(label) if label is not None else None, **kwargs)

    def get_bound_field(self, form, field_name):
        initial = form.get_initial_for_field(self, field_name)
        if isinstance(initial, datetime.datetime):
            self._shown = (self.widget.format_value(self.prepare_value(initial)), initial)
        return super().get_bound_field(form, field_name)

    def to_python(self, value):
        if self._shown is not None and isinstance(value, str) and value.strip() == self._shown[0]:
            return self._shown[1]
        return super().to_python(value)


def zoned_formfield(model_field, **kwargs):
    """``Meta.formfield_callback`` for model forms: every DateTimeField becomes zoned."""
    if isinstance(model_field, models.DateTimeField):
        kwargs.setdefault("form_class", ZonedDateTimeField)
        kwargs.setdefault("widget", ZonedDateTimeInput)
        return model_field.formfield(**kwargs)
    return model_field.formfield(**kwargs)


def editable_copy(instance):
    """The object an edit form is given: a copy of the stored ``instance``. A model form writes
    what is typed into its instance while validating; the domain function, given the stored
    object, then sees what changed (and saves and records it)."""
    return copy.copy(instance)


class TranslationsMixin:
    """A form whose texts (``translated_fields``) may carry a version per UN language.

    The field itself holds the text in the forum's own language (``content_language``); a field
    ``<name>__<language>`` per other language holds that version, empty for none. The versions
    are read from ``translated_object`` (a ModelForm's instance by default); ``versions()``
    gives what to store: ``{name: {language: text}}`` for ``core.translations.versions_set``.
    """

    translated_fields: tuple = ()

    def __init__(self, *args, content_language=None, translated_object=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.content_language = translations.site_language(
            content_language or settings.LANGUAGE_CODE)
        obj = translated_object if translated_object is not None else getattr(
            self, "instance", None)
        self.translation_languages = [code for code, _name in settings.LANGUAGES
                                      if code != self.content_language]
        for name in self.translated_fields:
            field = self.fields[name]
            if obj is not None and getattr(obj, "pk", None):
                self.initial[name] = self._version(obj, name, self.content_language)
            for code in self.translation_languages:
                extra = copy.deepcopy(field)
                extra.required = False
                extra.label = _("%(label)s in %(language)s") % {
                    "label": field.label, "language": get_language_info(code)["name_translated"]}
                extra.help_text = _("Empty: readers of this language see the original.")
                extra.translation_of = name
                extra.widget.attrs.update({"lang": code, "dir": "rtl" if code == "ar" else "ltr"})
                if obj is not None and getattr(obj, "pk", None):
                    extra.initial = self._version(obj, name, code)
                self.fields[f"{name}__{code}"] = extra

    @staticmethod
    def _version(obj, name, code):
        column = build_localized_fieldname(name, code)
        return (getattr(obj, column, None) or "") if hasattr(obj, column) else ""

    def translation_fields(self):
        return [self[name] for name, field in self.fields.items()
                if getattr(field, "translation_of", None)]

    def original_fields(self):
        return [self[name] for name, field in self.fields.items()
                if not getattr(field, "translation_of", None) and not field.widget.is_hidden]

    def translations_open(self) -> bool:
        """Whether the versions are shown unfolded: one of them has an error."""
        return any(field.errors for field in self.translation_fields())

    def versions(self) -> dict:
        return {name: {code: self.cleaned_data.get(f"{name}__{code}") or ""
                       for code in self.translation_languages}
                for name in self.translated_fields}
