"""Texts of sessions that may carry a version per UN language."""

from modeltranslation.translator import TranslationOptions, register

from openigf.programme.models import Session


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "description")
