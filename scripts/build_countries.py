"""Build ``src/openigf/people/data/countries.json`` from the public UN data in ``shared/data``.

Run from the repository root: ``python scripts/build_countries.py ../shared/data/countries``.
The output is shipped with the package; the data migration of the people app loads it.
"""

import csv
import json
import re
import sys
from pathlib import Path

GROUPS = {
    "African Group": "african",
    "Asia and the Pacific Group": "asia_pacific",
    "Eastern European Group": "eeg",
    "Latin American and Caribbean Group": "grulac",
    "Western European and Others Group": "weog",
}
LANGS = {"ar": "Arabic", "zh": "Chinese", "fr": "French", "ru": "Russian", "es": "Spanish"}
OFFICIAL = {"ar": "official_name_ar", "zh": "official_name_cn", "fr": "official_name_fr",
            "ru": "official_name_ru", "es": "official_name_es"}
# UN M49 stopped publishing its "developed regions" column in 2021. Its last version counted
# Europe, Northern America, Australia and New Zealand, Japan, Israel and Cyprus as developed;
# every other country or area with a region is counted as developing.
DEVELOPED_ISO2 = {"JP", "IL", "CY"}
# UNTERM short names carry the article in brackets ("Allemagne (l')", "Argentina (la)").
ARTICLE = re.compile(r"\s*\((?:l'|la|le|les|el|los|las)\)\s*$", re.IGNORECASE)
DEVELOPED_SUBREGIONS = {"Northern America", "Australia and New Zealand"}
# The mirror departs from UNSD's own M49 list in two rows: it calls 384 "Ivory Coast" where
# UNSD writes "Côte d’Ivoire", and it adds 158 "Taiwan", which M49 does not list (M49 counts
# it within China). The list shipped is UNSD's.
M49_NAMES = {"384": "Côte d’Ivoire"}
NOT_IN_M49 = {"158"}


def _fallback_group(row):
    """Regional group of a non-member territory, from its M49 geography."""
    region, sub = row["Region Name"], row["Sub-region Name"]
    if region == "Africa":
        return "african"
    if region == "Asia" or (region == "Oceania" and sub != "Australia and New Zealand"):
        return "asia_pacific"
    if sub == "Latin America and the Caribbean":
        return "grulac"
    if sub == "Eastern Europe":
        return "eeg"
    if region in ("Europe", "Americas", "Oceania"):
        return "weog"
    return ""


def build(source: Path) -> dict:
    with open(source / "un-membership-regional-groups.csv", encoding="utf-8") as f:
        membership = {r["cca3"]: r for r in csv.DictReader(f)}
    with open(source / "country-codes.csv", encoding="utf-8") as f:
        names = {r["ISO3166-1-Alpha-3"]: r for r in csv.DictReader(f) if r["ISO3166-1-Alpha-3"]}
    countries = []
    with open(source / "unsd-m49-en.csv", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if row["M49 Code"] in NOT_IN_M49:
                continue
            row["Country or Area"] = M49_NAMES.get(row["M49 Code"], row["Country or Area"])
            iso3 = row["ISO-alpha3 Code"]
            member = membership.get(iso3, {})
            group = GROUPS.get(member.get("unRegionalGroup", ""), "") or _fallback_group(row)
            localised = {"en": row["Country or Area"]}
            extra = names.get(iso3, {})
            for code, lang in LANGS.items():
                value = extra.get(f"UNTERM {lang} Short") or extra.get(OFFICIAL[code]) or ""
                if value:
                    localised[code] = ARTICLE.sub("", value)
            developed = (
                row["Region Name"] == "Europe"
                or row["Sub-region Name"] in DEVELOPED_SUBREGIONS
                or row["ISO-alpha2 Code"] in DEVELOPED_ISO2
            )
            countries.append({
                "m49": row["M49 Code"],
                "iso2": row["ISO-alpha2 Code"],
                "iso3": iso3,
                "name": row["Country or Area"],
                "names": localised,
                "region": row["Region Name"],
                "subregion": row["Sub-region Name"],
                "regional_group": group,
                "ldc": row["Least Developed Countries (LDC)"] == "x",
                "lldc": row["Land Locked Developing Countries (LLDC)"] == "x",
                "sids": row["Small Island Developing States (SIDS)"] == "x",
                "developing": bool(row["Region Name"]) and not developed,
                "un_member": bool(member.get("unRegionalGroup")),
            })
    return {
        "sources": [
            "UNSD M49 standard country or area codes (English), via github.com/datasets/"
            "country-codes tmp/UNSD-en.csv; ODC-PDDL-1.0: codes, regions, LDC/LLDC/SIDS flags; "
            "its two departures from UNSD undone (384 named Côte d’Ivoire, 158 not listed)",
            "github.com/datasets/country-codes data/country-codes.csv (ODC-PDDL-1.0): UNTERM names"
            " in the six UN languages",
            "github.com/mledoze/countries countries.json (ODbL 1.0): UN membership and UN "
            "regional groups",
            "Developing status: the last published M49 'developed regions' (Europe, Northern "
            "America, Australia and New Zealand, Japan, Israel, Cyprus); all other areas "
            "developing. Non-member territories take the regional group of their M49 geography.",
        ],
        "countries": sorted(countries, key=lambda c: c["name"]),
    }


if __name__ == "__main__":
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/countries")
    out = Path(__file__).resolve().parent.parent / "src/openigf/people/data/countries.json"
    data = build(src)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                   encoding="utf-8")
    c = data["countries"]
    print(f"{len(c)} countries; {sum(x['un_member'] for x in c)} UN members; "
          f"{sum(x['ldc'] for x in c)} LDC, {sum(x['lldc'] for x in c)} LLDC, "
          f"{sum(x['sids'] for x in c)} SIDS, {sum(x['developing'] for x in c)} developing")
