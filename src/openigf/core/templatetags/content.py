"""``{% load content %}``: texts people entered, in the reader's language where they can be.

Texts that people enter (descriptions, narratives, IGF Messages, session titles) are written in
one language; the interface around them follows the reader's. Screen readers, hyphenation and
the text direction need to know which is which (WCAG 2.1, 3.1.2 Language of Parts)::

    <div class="prose"{% content_lang %}>{{ edition.description|linebreaks }}</div>
    <h1{% content_lang session.language %}>{{ session.title }}</h1>

Without an argument the block is in the language of the current forum's own texts. Nothing is
written when the block's language is the page's.

A text kept in several languages (see ``core.translations``) is shown in the reader's version,
else in the first that exists, marked with its language, visibly and for screen readers::

    <h3>{% translated theme "name" %}</h3>
    {% translated theme "narrative" block=True %}
"""

from django import template
from django.conf import settings
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from openigf.core import translations

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


def _language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


@register.simple_tag
def translated(obj, field, block=False):
    """``obj.field`` in the reader's version, or the one there is, marked as such; ``block``
    renders paragraphs (``linebreaks``) in a ``div.prose``."""
    text = translations.translated(obj, field)
    if not text.value:
        return ""
    attributes = lang_attributes(text.language)
    if block:
        html = format_html('<div class="prose"{}>{}</div>', attributes,
                           linebreaks_filter(text.value, autoescape=True))
        if text.fallback:
            html += format_html('<p class="translation-note">{}</p>',
                                _("Not translated yet: shown in %(language)s.")
                                % {"language": _language_name(text.language)})
        return html
    html = (format_html("<span{}>{}</span>", attributes, text.value) if attributes
            else format_html("{}", text.value))
    if text.fallback:
        html += format_html(' <small class="translation-note">({})</small>',
                            _language_name(text.language))
    return html
