"""``{% load content %}``: mark a block written in another language than the page's.

Texts that people enter (descriptions, narratives, IGF Messages, session titles) are written in
one language; the interface around them follows the reader's. Screen readers, hyphenation and
the text direction need to know which is which (WCAG 2.1, 3.1.2 Language of Parts)::

    <div class="prose"{% content_lang %}>{{ edition.description|linebreaks }}</div>
    <h1{% content_lang session.language %}>{{ session.title }}</h1>

Without an argument the block is in the language of the current forum's own texts. Nothing is
written when the block's language is the page's.
"""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()

RIGHT_TO_LEFT = frozenset({"ar", "dv", "fa", "he", "ps", "ur", "yi"})


def _base(code: str) -> str:
    return (code or "").lower().replace("_", "-").split("-")[0]


def lang_attributes(language: str, page_language: str | None = None) -> str:
    """`` lang="..." dir="..."`` for a block in ``language`` on a page in ``page_language``
    (the active one by default); empty when they are the same or the block's is unknown."""
    block = _base(language)
    if not block or block == "other" or block == _base(page_language or get_language()
                                                           or settings.LANGUAGE_CODE):
        return ""
    return format_html(' lang="{}" dir="{}"', block, "rtl" if block in RIGHT_TO_LEFT else "ltr")


@register.simple_tag(takes_context=True)
def content_lang(context, language=None):
    if language is None:
        forum = context.get("current_forum")
        language = getattr(forum, "language", "") or settings.LANGUAGE_CODE
    return lang_attributes(language)
