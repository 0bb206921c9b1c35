"""The UN M49 countries shipped in ``people/data/countries.json`` (see its ``sources``)."""

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "countries.json"
FIELDS = ["iso2", "iso3", "name", "names", "region", "subregion", "regional_group", "ldc",
          "lldc", "sids", "developing", "un_member"]


def countries_load(country_model=None) -> int:
    """Create or update every country; returns how many there are. Idempotent."""
    if country_model is None:
        from openigf.people.models import Country as country_model
    rows = json.loads(DATA.read_text(encoding="utf-8"))["countries"]
    existing = set(country_model.objects.values_list("m49", flat=True))
    country_model.objects.bulk_create(
        country_model(m49=row["m49"], **{f: row[f] for f in FIELDS})
        for row in rows if row["m49"] not in existing)
    return len(rows)
