"""The participation map: the NRI directory's server-drawn world (community.worldmap) with
each country shaded by how many people from it took part."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from openigf.community.worldmap import WIDTH, base_map
from openigf.people.countries import COUNTED_WITHIN, local_names

# Upper bounds of the shades: 1-19, 20-99, 100 or more.
LEVELS = (20, 100)


def level_of(count: int) -> int:
    if not count:
        return 0
    return 1 + sum(count >= bound for bound in LEVELS)


def level_labels() -> list[tuple[int, str]]:
    return [(0, _("nobody")), (1, _("1 to 19 people")), (2, _("20 to 99 people")),
            (3, _("100 people or more"))]


def participation_map(counts: dict[str, int]) -> dict:
    """``counts``: M49 code -> people. Each outline gets a level and a title with its name."""
    shapes, height = base_map()
    names = local_names(get_language())
    labels = dict(level_labels())
    countries = []
    for shape in shapes:
        code = COUNTED_WITHIN.get(shape.id, shape.id)
        level = level_of(counts.get(code, 0))
        countries.append({"name": names.get(code, shape.name), "path": shape.path,
                          "level": level, "label": labels[level]})
    return {"width": WIDTH, "height": height, "countries": countries}
