"""Figures shown to people, written the way the reader's language writes them.

One mechanism for the whole platform: Django's ``USE_THOUSAND_SEPARATOR`` stays off, so ids,
years, form values, attributes, JSON and CSV print plain digits, and every figure a person
reads (counts, amounts, shares) goes through :func:`figure` or :func:`percent` (in templates
``{% load figures %}`` and ``{{ n|figure }}``, ``{{ amount|figure:2 }}``,
``{{ share|percent:1 }}``).

The separators come from the CLDR through Babel, as the languages' names do: 1,234 (English,
Arabic, Chinese), 1 234 (French, Russian), 1.234 (Spanish). Digits are always the Latin ones
(numbering system ``latn``), in Arabic too: the UN's Arabic documents write them so, and so do
the dates Django formats beside these figures.
"""

from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel import Locale
from babel.numbers import format_decimal
from django.utils import translation

NUMBERING = "latn"


@lru_cache(maxsize=16)
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(translation.to_locale(language or "en"))
    except (ValueError, LookupError):
        return Locale.parse("en")


def _number(value):
    """``value`` as a number, or None when it is not one (text, None, a boolean)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | Decimal):
        return value
    try:
        return Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None


def figure(value, digits: int | None = None, language: str | None = None) -> str:
    """``value`` grouped and with the decimal mark of ``language`` (the active one by default):
    ``digits`` decimals exactly, or, without it, an integer as it is and a fraction with up to
    three decimals. Anything that is not a number is returned as it is."""
    number = _number(value)
    if number is None:
        return value
    pattern = "#,##0" + ("." + "0" * digits if digits else "") if digits is not None else None
    return format_decimal(number, format=pattern, locale=_locale(language or _active()),
                          numbering_system=NUMBERING)


def percent(value, digits: int = 0, language: str | None = None) -> str:
    """A share given from 0 to 100 (``42.5``) as the language writes a percentage: "42.5%",
    "42,5 %" (French), "42,5 %" (Spanish)..."""
    number = _number(value)
    if number is None:
        return value
    locale = _locale(language or _active())
    pattern = locale.percent_formats[None].pattern.split(";")[0]
    if digits:
        pattern = pattern.replace("0", "0." + "0" * digits, 1)
    return format_decimal(Decimal(str(number)) / 100, format=pattern, locale=locale,
                          numbering_system=NUMBERING)


def _active() -> str:
    return translation.get_language() or "en"
