import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def marked(value: str) -> str:
    """Escape a snippet, keeping only the search engine's <mark> highlights."""
    return mark_safe(escape(value or "").replace("&lt;mark&gt;", "<mark>")
                     .replace("&lt;/mark&gt;", "</mark>"))


@register.simple_tag
def turn_html(turn, find="", words=()):
    """A turn's text with its markers shown discreetly and the words looked for marked:
    ``find`` as typed, ``words`` (from the archive search) with their endings."""
    text = escape(turn.text)
    for marker in {m["text"] for m in turn.markers}:
        text = text.replace(escape(marker), f'<span class="marker">{escape(marker)}</span>')
    if find:
        pattern = re.compile(re.escape(escape(find)), re.IGNORECASE)
        text = pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", text)
    elif words:
        pattern = re.compile(r"(?<![\w&])(?:" + "|".join(re.escape(w) for w in words)
                             + r")\w*", re.IGNORECASE)
        text = pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", text)
    paragraphs = [p.replace("\n", "<br>") for p in text.split("\n\n")]
    return mark_safe("".join(f"<p>{p}</p>" for p in paragraphs))
