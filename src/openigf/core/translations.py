"""Texts people enter, in several languages (django-modeltranslation keeps one column per
language: ``name_en``, ``name_fr``...; ``name`` reads the reader's language with fallbacks).

- ``translated(obj, field)``: the version a reader sees and the language it is in;
- ``writing(language)``: assignments inside write the version of that language (the forum's
  own language, for what its forms call the text);
- ``versions_set(obj, versions)``: the versions in the other languages, as the forms give them;
- ``copy_originals``: for migrations, files the text already there under its forum's language.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname


def site_language(code: str | None = None) -> str:
    """The language of ``LANGUAGES`` that ``code`` (or the active language) names."""
    code = (code or get_language() or settings.LANGUAGE_CODE).lower()
    codes = [c for c, _ in settings.LANGUAGES]
    if code in codes:
        return code
    base = code.split("-")[0]
    return next((c for c in codes if c.split("-")[0] == base), settings.LANGUAGE_CODE)


@dataclass(frozen=True)
class Translated:
    value: str
    language: str  # the language the value is written in
    fallback: bool  # True when the reader's language has no version of its own


def translated(obj, field: str, language: str | None = None) -> Translated:
    """The version of ``obj.field`` for a reader of ``language`` (the active one): their own,
    else the first in ``MODELTRANSLATION_FALLBACK_LANGUAGES`` that exists."""
    reader = site_language(language)
    order = [reader] + [c for c in settings.MODELTRANSLATION_FALLBACK_LANGUAGES if c != reader]
    for code in order:
        value = getattr(obj, build_localized_fieldname(field, code), None)
        if value:
            return Translated(value, code, code != reader)
    return Translated("", reader, False)


def writing(language: str | None):
    """Within this block, ``obj.field = text`` writes the version in ``language``."""
    return translation.override(site_language(language))


def versions_set(obj, versions: dict | None) -> list[str]:
    """Set the versions ``{field: {language: text}}`` (empty text: no version); returns the
    columns that changed."""
    changed = []
    for field, by_language in (versions or {}).items():
        for code, text in by_language.items():
            column = build_localized_fieldname(field, site_language(code))
            value = text or None
            if (getattr(obj, column) or None) != value:
                setattr(obj, column, value)
                changed.append(column)
    return changed


def copy_originals(apps, label: str, fields: tuple, forum_path: str) -> None:
    """Migration step: put each row's existing text into the column of its forum's language
    (``forum_path``: how to reach the forum from the row, e.g. ``edition__forum``), where that
    column is still empty."""
    model = apps.get_model(*label.split("."))
    language_of = f"{forum_path}__language"
    columns = [build_localized_fieldname(f, c) for f in fields for c, _ in settings.LANGUAGES]
    for row in model.objects.values("pk", language_of, *fields, *columns):
        code = site_language(row[language_of] or settings.LANGUAGE_CODE)
        changes = {}
        for f in fields:
            column = build_localized_fieldname(f, code)
            if row[f] and not row[column]:
                changes[column] = row[f]
        if changes:
            model.objects.filter(pk=row["pk"]).update(**changes)
