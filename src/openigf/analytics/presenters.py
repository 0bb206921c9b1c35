"""Turn the analytics queries into what pages and CSV files show: charts, tables and rows,
with small cells hidden for the public (``exact=False``)."""

from django.utils.translation import gettext as _

from openigf.algorithms.suppression import suppress
from openigf.analytics import queries
from openigf.analytics.worldmap import participation_map
from openigf.core.charts import line_chart, stacked_chart
from openigf.people.enums import RegionalGroup, StakeholderGroup

HIDDEN = "<5"

TREND_COLUMNS = [("registered", "Registered"), ("onsite", "Onsite"), ("online", "Online"),
                 ("checked_in", "Checked in"), ("countries", "Countries"),
                 ("proposed", "Proposed a session"), ("organised", "Organised a session"),
                 ("spoke", "Spoke")]


def _shown(values: list[int], exact: bool) -> list:
    if exact:
        return list(values)
    column = suppress({str(i): v for i, v in enumerate(values)})
    return [column[str(i)] for i in range(len(values))]


def trend_lines(lines: list[dict], exact: bool) -> list[dict]:
    """The per-edition rows with every count of fewer than five people hidden (``None``) for
    the public; a stacked column's cells are hidden with their complement."""
    out = []
    for line in lines:
        row = {"year": line["year"], "title": line["edition"].title}
        for key, _label in TREND_COLUMNS:
            n = line[key]
            row[key] = n if exact or not 0 < n < 5 or key == "countries" else None
        regions = _shown([line["by_region"][k] for k, _l in RegionalGroup.choices], exact)
        groups = _shown([line["by_group"][k] for k, _l in StakeholderGroup.choices], exact)
        row["by_region"] = dict(zip([k for k, _l in RegionalGroup.choices], regions,
                                    strict=True))
        row["by_group"] = dict(zip([k for k, _l in StakeholderGroup.choices], groups,
                                   strict=True))
        out.append(row)
    return out


def trend_charts(rows: list[dict]) -> list:
    years = [str(r["year"]) for r in rows]
    return [
        line_chart(_("Participants per edition"), years, [
            (_("Registered"), [r["registered"] for r in rows]),
            (_("Onsite"), [r["onsite"] for r in rows]),
            (_("Online"), [r["online"] for r in rows]),
            (_("Checked in"), [r["checked_in"] for r in rows])], slug="participants"),
        line_chart(_("From the room to the microphone"), years, [
            (_("Proposed a session"), [r["proposed"] for r in rows]),
            (_("Organised a session"), [r["organised"] for r in rows]),
            (_("Spoke"), [r["spoke"] for r in rows]),
            (_("Countries represented"), [r["countries"] for r in rows])], slug="voices"),
        stacked_chart(_("Registrations by UN regional group"), years, [
            (label, [r["by_region"][key] for r in rows])
            for key, label in RegionalGroup.choices], slug="by-region"),
        stacked_chart(_("Registrations by stakeholder group"), years, [
            (label, [r["by_group"][key] for r in rows])
            for key, label in StakeholderGroup.choices], slug="by-group"),
    ]


def trends_csv(rows: list[dict]) -> tuple[list[str], list[list]]:
    header = ["year", "edition", *[k for k, _l in TREND_COLUMNS],
              *[f"registered_{k}" for k, _l in RegionalGroup.choices],
              *[f"registered_{k}" for k, _l in StakeholderGroup.choices]]
    body = []
    for r in rows:
        cells = [r["year"], r["title"], *[r[k] for k, _l in TREND_COLUMNS],
                 *r["by_region"].values(), *r["by_group"].values()]
        body.append([HIDDEN if c is None else c for c in cells])
    return header, body


def funnel_tables(result: queries.Funnel, exact: bool) -> list[dict]:
    """A table per classification (country aside: the map shows it)."""
    tables = []
    for dim, title, choices in queries.dimensions():
        rows = queries.funnel_table(result, dim, choices)
        if dim == "country":
            rows = [r for r in rows if r["registered"] or r["spoke"] or r["organised"]]
        tables.append({"key": dim, "title": title,
                       "rows": rows if exact else queries.suppressed_table(rows)})
    return tables


def funnel_csv(table: dict) -> tuple[list[str], list[list]]:
    header = ["key", "label", *queries.PEOPLE_STAGES, "heard_percent"]
    return header, [[r["key"], r["label"],
                     *[HIDDEN if r[s] is None else r[s] for s in queries.PEOPLE_STAGES],
                     "" if r["heard"] is None else r["heard"]] for r in table["rows"]]


def funnel_totals(result: queries.Funnel) -> list[tuple[str, str]]:
    totals = []
    for key, label in queries.STAGES:
        if key == "heard":
            share = 100.0 * result.totals["heard"] / result.words if result.words else 0.0
            totals.append((label, f"{share:.1f}%"))
        else:
            totals.append((label, f"{result.totals[key]:,}"))
    return totals


def country_map(tables: list[dict]) -> dict:
    country = next(t for t in tables if t["key"] == "country")
    counts = {r["key"]: (r["registered"] or 0) + (r["spoke"] or 0) for r in country["rows"]}
    return participation_map(counts)


def missing_rows(states, region: str) -> list:
    return [s for s in states if s.missing_all and (not region or s.regional_group == region)]


def missing_csv(rows, editions) -> tuple[list[str], list[list]]:
    header = ["m49", "country", "regional_group", "flags", "registered", "spoke", "organised",
              f"editions_missing_of_last_{len(editions)}", "missing_in_a_row", "last_seen"]
    return header, [[s.m49, s.name, s.regional_group, " ".join(s.flags), int(s.registered),
                     int(s.spoke), int(s.organised), s.editions_missing, s.missing_in_a_row,
                     s.last_seen or ""] for s in rows]


def outreach_csv(ranked) -> tuple[list[str], list[list]]:
    header = ["rank", "m49", "country", "regional_group", "flags", "missing_in_a_row",
              "editions_missing", "last_seen", "nris"]
    return header, [[r["rank"], r["state"].m49, r["state"].name, r["state"].regional_group,
                     " ".join(r["state"].flags), r["state"].missing_in_a_row,
                     r["state"].editions_missing, r["state"].last_seen or "",
                     "; ".join(r["nris"])] for r in ranked]


def public_shares(shares: dict, exact: bool) -> dict:
    """The shares of a group made of fewer than five people hidden (``None``) for the public,
    and their flags with them."""
    if exact:
        return shares
    shown = {}
    for dim, lines in shares.items():
        shown[dim] = []
        for line in lines:
            line = dict(line)
            for measure in ("registered", "spoke"):
                if 0 < line[f"{measure}_people"] < 5:
                    line[measure], line[f"under_{measure}"] = None, False
                    if measure == "registered":
                        line["under_population"] = False
            shown[dim].append(line)
    return shown


def summary_csv(headline: dict, result: queries.Funnel, shares: dict):
    """The page's figures outside the tables, one per row: the headline, the funnel's totals
    and each group's shares."""
    rows = [["headline", key, "", value] for key, value in headline.items()]
    for stage, _label in queries.STAGES:
        value = (round(100.0 * result.totals["heard"] / result.words, 1) if result.words
                 else 0.0) if stage == "heard" else result.totals[stage]
        rows.append(["funnel", stage, "", value])
    for dim, lines in shares.items():
        for line in lines:
            for measure in ("world", "population", "registered", "spoke", "mag"):
                value = line[measure]
                if value is not None or measure in ("registered", "spoke"):
                    rows.append([f"share_{measure}", dim, line["key"],
                                 HIDDEN if value is None else round(value, 1)])
    return ["figure", "key", "group", "value"], rows


def population_rows(lines: list[dict], exact: bool) -> list[dict]:
    """The regional groups' shares of participants beside the world's (``baseline``): for
    the public, the share of a group of fewer than five people hidden, with the one that
    would give it away (the shares add up to 100)."""
    if exact:
        return lines
    column = suppress({line["key"]: line["registered_people"] for line in lines})
    shown = []
    for line in lines:
        line = dict(line)
        if column[line["key"]] is None:
            line["registered"], line["under_population"] = None, False
        shown.append(line)
    return shown
