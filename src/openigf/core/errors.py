"""The one family of errors a domain function raises for a refusal the user must see.

Views turn it into a message at the field (forms) or one JSON error body (the API).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models


class ApplicationError(Exception):
    status = 400
    code = "invalid"

    def __init__(self, message: str, *, fields: dict | None = None, code: str | None = None,
                 status: int | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}
        if code:
            self.code = code
        if status:
            self.status = status

    def as_dict(self) -> dict:
        return {"error": {"code": self.code, "message": str(self.message),
                          "fields": {k: [str(m) for m in (v if isinstance(v, list) else [v])]
                                     for k, v in self.fields.items()}}}


class NotAllowed(ApplicationError):
    status = 403
    code = "forbidden"


class Conflict(ApplicationError):
    status = 409
    code = "conflict"


def validate(instance, **kwargs) -> None:
    """``instance.full_clean(**kwargs)``, refusing with an :class:`ApplicationError` that names
    each field at fault (domain functions raise nothing else). A text longer than its field's
    ``max_length`` is refused too (Django checks that only in forms for a ``TextField``)."""
    too_long = _text_too_long(instance, kwargs.get("exclude") or ())
    try:
        instance.full_clean(**kwargs)
    except ValidationError as exc:
        if not too_long:
            raise refusal_from(exc) from exc
        too_long = exc.update_error_dict(too_long)
    if too_long:
        raise refusal_from(ValidationError(too_long))


def _text_too_long(instance, exclude) -> dict:
    errors = {}
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname, None)
        if isinstance(field, models.TextField) and field.max_length and field.name not in exclude \
                and isinstance(value, str):
            try:
                MaxLengthValidator(field.max_length)(value)
            except ValidationError as exc:
                errors[field.name] = exc.error_list
    return errors


def refusal_from(exc) -> ApplicationError:
    """The :class:`ApplicationError` saying what a Django ``ValidationError`` says."""
    if hasattr(exc, "error_dict"):
        fields = {f: [str(m) for m in messages] for f, messages in exc.message_dict.items()}
        return ApplicationError(" ".join(m for ms in fields.values() for m in ms), fields=fields)
    return ApplicationError(" ".join(str(m) for m in exc.messages))


def add_to_form(form, error: ApplicationError, *, field: str | None = None,
                names: dict | None = None) -> None:
    """Show a refusal on ``form``: each of its ``fields`` at the form field of that name (or
    the one ``names`` maps it to), what fits no field, and a refusal naming none, at ``field``
    (default: above the form)."""
    names = names or {}
    for key, messages in error.fields.items():
        name = names.get(key, key)
        form.add_error(name if name in form.fields else field, messages)
    if not error.fields:
        form.add_error(field, error.message)
