"""Form pieces shared by every app."""

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
    edition's zone, so what is typed is what is shown, whatever the server's zone. A time that
    does not exist or is ambiguous in that zone (daylight saving changes) is refused at the field.
    """

    widget = ZonedDateTimeInput
    input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M",
                     "%Y-%m-%d %H:%M:%S"]

    def __init__(self, *, label=None, **kwargs):
        super().__init__(label=_zoned_label(label) if label is not None else None, **kwargs)


def zoned_formfield(model_field, **kwargs):
    """``Meta.formfield_callback`` for model forms: every DateTimeField becomes zoned."""
    if isinstance(model_field, models.DateTimeField):
        kwargs.setdefault("form_class", ZonedDateTimeField)
        kwargs.setdefault("widget", ZonedDateTimeInput)
        return model_field.formfield(**kwargs)
    return model_field.formfield(**kwargs)
