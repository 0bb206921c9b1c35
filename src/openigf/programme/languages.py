"""The languages a session can be held in: ISO 639-1 codes (what frab, pretalx and iCalendar
files carry), the six UN languages first, and ``other`` for what no code names."""

import functools

from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext_lazy as _

UN_LANGUAGES = ("en", "ar", "zh", "fr", "ru", "es")

# ISO 639-1 codes, then ISO 639-2/3 codes without a two-letter one, which schedules also use.
CODES = (
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg",
    "bh", "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv",
    "cy", "da", "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi",
    "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr",
    "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja",
    "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw",
    "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml",
    "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv",
    "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro",
    "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr",
    "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr",
    "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi",
    "yo", "za", "zh", "zu", "ast", "ckb", "dsb", "fil", "hsb", "kab", "udm", "yue",
)


NOT_IN_CLDR = {"bh": "Bihari"}  # a collective code the CLDR dropped; files still use it


@functools.cache
def _cldr_names(locale: str) -> dict[str, str]:
    try:
        return Locale.parse(locale).languages
    except (UnknownLocaleError, ValueError):
        return {}


def localised_name(code: str, language: str | None = None) -> str:
    """The name of language ``code`` in ``language`` (the reader's by default), from the
    Unicode CLDR as Babel ships it; the English name where the CLDR has none in that language."""
    reader = to_locale(language or get_language() or settings.LANGUAGE_CODE)
    name = (_cldr_names(reader).get(code) or _cldr_names("en").get(code)
            or NOT_IN_CLDR.get(code, code))
    return name[:1].upper() + name[1:]


# The name of each language, in the reader's language when shown.
NAMES = {code: lazy(localised_name, str)(code) for code in CODES}
OTHER = "other"

# Older codes and the three-letter bibliographic ones, as files still write them.
ALIASES = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro", "sh": "sr",
           "eng": "en", "ara": "ar", "chi": "zh", "zho": "zh", "fre": "fr", "fra": "fr",
           "rus": "ru", "spa": "es", "ger": "de", "deu": "de", "por": "pt", "ita": "it",
           "dut": "nl", "nld": "nl", "jpn": "ja", "kor": "ko", "tur": "tr", "pol": "pl"}


def language_choices() -> list[tuple[str, str]]:
    """Every language a session may have: the UN languages first, then the others by name in
    the reader's language, then "other"."""
    rest = sorted(((code, name) for code, name in NAMES.items() if code not in UN_LANGUAGES),
                  key=lambda pair: str(pair[1]).casefold())
    return ([(code, NAMES[code]) for code in UN_LANGUAGES] + rest
            + [(OTHER, _("Other"))])


def language_code(text: str) -> str | None:
    """The code of a language as a schedule file writes it ("de", "de-DE", "pt_BR", "deu",
    "German"), or None when no known language matches."""
    value = (text or "").strip().replace("_", "-").casefold()
    if not value:
        return None
    for candidate in (value, value.split("-")[0]):
        candidate = ALIASES.get(candidate, candidate)
        if candidate in NAMES or candidate == OTHER:
            return candidate

    with translation.override("en"):
        by_name = {str(name).casefold(): code for code, name in NAMES.items()}
    return by_name.get(value)


def language_name(code: str) -> str:
    return str(NAMES.get(code, _("Other") if code == OTHER else code))
