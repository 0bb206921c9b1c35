"""Texts of calls for proposals that may carry a version per UN language."""

from modeltranslation.translator import TranslationOptions, register

from openigf.proposals.models import Call


@register(Call)
class CallTranslation(TranslationOptions):
    fields = ("introduction",)
