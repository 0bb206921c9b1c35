"""IGF Messages and the Chair's Summary introduction may carry a version per UN language."""

from modeltranslation.translator import TranslationOptions, register

from openigf.outcomes.models import ChairsSummary, ChairsSummaryVersion, IgfMessage


@register(IgfMessage)
class MessageTranslation(TranslationOptions):
    fields = ("subheading", "text")


@register(ChairsSummary)
class ChairsSummaryTranslation(TranslationOptions):
    fields = ("introduction",)


@register(ChairsSummaryVersion)
class ChairsSummaryVersionTranslation(TranslationOptions):
    fields = ("introduction",)
