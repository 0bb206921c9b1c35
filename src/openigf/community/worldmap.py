"""The world map of the NRI directory, drawn on the server from the vendored world-atlas
TopoJSON (Natural Earth 1:110m, public domain; world-atlas ISC licence: see data/)."""

import json
from functools import lru_cache
from pathlib import Path

from django.utils.translation import get_language

from openigf.algorithms import worldmap
from openigf.people.countries import COUNTED_WITHIN, local_names

DATA = Path(__file__).resolve().parent / "data" / "world-atlas-countries-110m.json"
WIDTH = 960


@lru_cache(maxsize=1)
def base_map() -> tuple[tuple[worldmap.Shape, ...], float]:
    """Every country's outline as SVG path data (computed once per process, ~0.1 s)."""
    with DATA.open(encoding="utf-8") as f:
        shapes, height = worldmap.shapes(json.load(f), width=WIDTH)
    return tuple(shapes), height


def shaded_map(counts: dict[str, list[str]]) -> dict:
    """The map with each country (M49 code) that has initiatives shaded by how many, and a
    title naming them by their M49 name (an outline M49 counts within a country is drawn as
    part of it)."""
    shapes, height = base_map()
    m49_names = local_names(get_language())
    countries = []
    for shape in shapes:
        code = COUNTED_WITHIN.get(shape.id, shape.id)
        names = counts.get(code, [])
        level = 0 if not names else 1 if len(names) == 1 else 2
        countries.append({"id": shape.id, "name": m49_names.get(code, shape.name),
                          "path": shape.path, "level": level, "initiatives": names})
    return {"width": WIDTH, "height": height, "countries": countries}
