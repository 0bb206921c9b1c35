"""``{% load when %}``: edition dates and times, in the edition's zone and labelled with it.

    {{ session.starts_at|when }}            Mon 25 Nov 2019, 10:00 CET
    {{ session.starts_at|when_time }}       10:00 CET
    {{ session.starts_at|when_date }}       Mon 25 Nov 2019
    {{ session.starts_at|when_span:session.ends_at }}   Mon 25 Nov 2019, 10:00–11:30 CET
    {% when_html session.starts_at %}      the same in a <time>, with the viewer's own time
    {% when_html start end %}               a span, likewise
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from openigf.core import when as w

register = template.Library()


@register.filter
def when(value):
    return w.format_datetime(value) if value else ""


@register.filter
def when_time(value):
    return w.format_time(value) if value else ""


@register.filter
def when_date(value):
    return w.format_date(value) if value else ""


@register.filter
def when_span(start, end):
    return w.format_span(start, end) if start else ""


@register.simple_tag
def when_html(start, end=None):
    """A ``<time>`` element; the script adds the viewer's own time where their zone differs."""
    if not start:
        return ""
    text = w.format_span(start, end) if end else w.format_datetime(start)
    return format_html('<time datetime="{}" data-when{} data-yours="{}">{}</time>',
                       w.iso(start),
                       format_html(' data-until="{}"', w.iso(end)) if end else "",
                       _("your time"), text)


@register.simple_tag
def zone_name():
    """The active zone ("Europe/Berlin"), to label a table of times once."""
    return w.zone_name()
