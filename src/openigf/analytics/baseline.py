"""The world the participation is compared with: each country's population, as shipped in
``analytics/data/population.json`` (the World Bank's World Development Indicators, indicator
SP.POP.TOTL; the file names its source, year and licence), and the share of each UN regional
group in the population of the UN member states. No query."""

import json
from collections import Counter
from functools import cache
from pathlib import Path

from openigf.people.countries import rows
from openigf.people.enums import RegionalGroup

DATA = Path(__file__).resolve().parent / "data" / "population.json"


@cache
def _data() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def population() -> dict[str, int]:
    """M49 code -> population of the country, where the source gives one."""
    return {code: int(n) for code, n in _data()["population"].items()}


def source() -> dict:
    """What the figures are and where they come from: ``source``, ``year``, ``published``,
    ``licence`` and ``via``."""
    return {k: v for k, v in _data().items() if k != "population"}


def regions() -> list[tuple[str, str]]:
    """The UN regional groups member states belong to (intergovernmental organisations are
    none)."""
    return [(k, label) for k, label in RegionalGroup.choices
            if k != RegionalGroup.INTERGOVERNMENTAL]


def regional_population() -> dict[str, float]:
    """UN regional group -> its share (%) of the population of the 193 UN member states.
    The shares add up to 100."""
    people = population()
    by_group = Counter()
    for row in rows():
        if row["un_member"] and row["regional_group"]:
            by_group[row["regional_group"]] += people.get(row["m49"], 0)
    total = sum(by_group.values())
    return {key: 100.0 * by_group[key] / total if total else 0.0 for key, _l in regions()}


def regional_member_states() -> dict[str, float]:
    """UN regional group -> its share (%) of the 193 UN member states."""
    states = Counter(row["regional_group"] for row in rows() if row["un_member"])
    total = sum(states.values())
    return {key: 100.0 * states[key] / total if total else 0.0 for key, _l in regions()}


def regional_shares(registered: dict[str, int], spoke: dict[str, int] | None = None
                    ) -> list[dict]:
    """One line per UN regional group: its share (%) of the registered participants (people
    of a known regional group; intergovernmental organisations counted with no region) and
    of the speakers, beside its share of the member states' population and of the member
    states. A group is under its share when its share of participants is under 80% of its
    share of the population."""
    spoke = spoke or {}
    people = regional_population()
    states = regional_member_states()
    keys = [k for k, _l in regions()]
    total = sum(registered.get(k, 0) for k in keys)
    speakers = sum(spoke.get(k, 0) for k in keys)
    lines = []
    for key, label in regions():
        share = 100.0 * registered.get(key, 0) / total if total else 0.0
        lines.append({
            "key": key, "label": str(label), "population": round(people[key], 1),
            "member_states": round(states[key], 1), "registered": round(share, 1),
            "registered_people": registered.get(key, 0),
            "spoke": round(100.0 * spoke.get(key, 0) / speakers, 1) if speakers else 0.0,
            "spoke_people": spoke.get(key, 0),
            "under_population": bool(total) and share < 0.8 * people[key]})
    return lines
