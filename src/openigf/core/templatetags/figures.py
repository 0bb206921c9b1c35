"""``{% load figures %}``: counts, amounts and shares written the way the reader's language
writes them (``core.numbers``)::

    <td class="num">{{ line.registered|figure }}</td>
    <td class="num">{{ pledge.amount|figure:2 }} {{ pledge.currency }}</td>
    <td class="num">{{ bar.share|percent:1 }}</td>

Only for what people read: ids, years and values in attributes, URLs or scripts stay plain.
"""

from django import template

from openigf.core import numbers

register = template.Library()


@register.filter
def figure(value, digits=None):
    return numbers.figure(value, None if digits in (None, "") else int(digits))


@register.filter
def percent(value, digits=0):
    return numbers.percent(value, int(digits or 0))
