"""Texts of themes that may carry a version per UN language (see settings.MODELTRANSLATION_*)."""

from modeltranslation.translator import TranslationOptions, register

from openigf.forums.models import PolicyQuestion, Theme


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name", "narrative")


@register(PolicyQuestion)
class PolicyQuestionTranslation(TranslationOptions):
    fields = ("text",)
