"""The UN M49 countries shipped in ``people/data/countries.json`` (see its ``sources``)."""

import json
from functools import cache
from pathlib import Path

from openigf.people.models import Country

DATA = Path(__file__).resolve().parent / "data" / "countries.json"
FIELDS = ["iso2", "iso3", "name", "names", "region", "subregion", "regional_group", "ldc",
          "lldc", "sids", "developing", "un_member"]
# Codes once loaded that M49 does not list, and the country M49 counts each within.
COUNTED_WITHIN = {"158": "156"}


@cache
def rows() -> tuple[dict, ...]:
    return tuple(json.loads(DATA.read_text(encoding="utf-8"))["countries"])


def local_names(language: str) -> dict[str, str]:
    """M49 code -> the country's name in ``language`` (M49's English name where UNTERM gives
    none), without a query."""
    language = (language or "en").split("-")[0]
    return {row["m49"]: row["names"].get(language) or row["name"] for row in rows()}


def countries_load(country_model=None) -> int:
    """Create or update every country, and retire the codes M49 does not list: what refers
    to one moves to the country M49 counts it within. Returns how many there are. Idempotent.
    """
    country_model = country_model or Country
    existing = {c.m49: c for c in country_model.objects.all()}
    create, update = [], []
    for row in rows():
        country = existing.get(row["m49"])
        if country is None:
            create.append(country_model(m49=row["m49"], **{f: row[f] for f in FIELDS}))
        elif any(getattr(country, f) != row[f] for f in FIELDS):
            for f in FIELDS:
                setattr(country, f, row[f])
            update.append(country)
    country_model.objects.bulk_create(create)
    country_model.objects.bulk_update(update, FIELDS)
    retired = set(existing) - {row["m49"] for row in rows()}
    for code in retired:
        for relation in country_model._meta.related_objects:
            relation.related_model._base_manager.filter(**{relation.field.name: code}).update(
                **{relation.field.name: COUNTED_WITHIN.get(code)})
    country_model.objects.filter(m49__in=retired).delete()
    return len(rows())
