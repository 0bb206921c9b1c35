"""Form pieces shared by every app."""

import copy
import datetime

from django import forms
from django.db import models
from django.utils.functional import lazy

from openigf.core import when


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
