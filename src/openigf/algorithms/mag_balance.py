"""The composition rules of a Multistakeholder Advisory Group (MAG), checked on a roster.

The rules (from the IGF's terms of reference for the MAG):

- governments hold at most 40% of the seats;
- the other stakeholder groups (civil society, private sector, technical community with
  academia) hold equal shares, within ``group_tolerance`` seats of each other;
- every UN regional group holds a fair share: between ``region_min`` and ``region_max`` of
  the seats held by people from a region (intergovernmental organisations belong to none);
- gender parity: women hold between ``women_min`` and ``women_max`` of the seats of those who
  gave their gender;
- the host countries of the previous and of this meeting each have a member;
- nobody serves more than ``max_terms`` consecutive one-year terms.

Each broken rule is a :class:`Finding` with a code and the figures that break it; the caller
words it for people. A roster that breaks a rule is not refused: it is saved with a warning.
"""

from collections import Counter
from dataclasses import dataclass, field

GOVERNMENT = "government"
OTHER_GROUPS = {  # the groups that share the non-government seats equally
    "civil_society": "civil_society",
    "private_sector": "private_sector",
    "technical": "technical",
    "academia": "technical",  # academia sits with the technical community
}
REGIONS = ("african", "asia_pacific", "eeg", "grulac", "weog")


@dataclass(frozen=True)
class Seat:
    key: str
    stakeholder_group: str = ""
    regional_group: str = ""
    gender: str = ""
    country: str = ""  # ISO alpha-2 or any code, compared with ``hosts``
    term: int = 1


@dataclass(frozen=True)
class Rules:
    government_max: float = 0.40
    group_tolerance: int = 1
    region_min: float = 0.15
    region_max: float = 0.25
    women_min: float = 0.40
    women_max: float = 0.60
    max_terms: int = 3


@dataclass(frozen=True)
class Finding:
    code: str
    detail: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Composition:
    size: int
    by_group: dict
    by_region: dict
    by_gender: dict
    findings: list

    @property
    def balanced(self) -> bool:
        return not self.findings


def _group_findings(seats, rules) -> list[Finding]:
    findings = []
    size = len(seats)
    governments = sum(1 for s in seats if s.stakeholder_group == GOVERNMENT)
    if size and governments > rules.government_max * size:
        findings.append(Finding("government_share", {
            "count": governments, "size": size, "limit": round(rules.government_max * 100)}))
    shares = Counter(dict.fromkeys(set(OTHER_GROUPS.values()), 0))
    shares.update(OTHER_GROUPS[s.stakeholder_group] for s in seats
                  if s.stakeholder_group in OTHER_GROUPS)
    if size and max(shares.values()) - min(shares.values()) > rules.group_tolerance:
        findings.append(Finding("groups_unequal", {
            "counts": dict(sorted(shares.items())), "tolerance": rules.group_tolerance}))
    return findings


def _region_findings(seats, rules) -> list[Finding]:
    counts = Counter(dict.fromkeys(REGIONS, 0))
    counts.update(s.regional_group for s in seats if s.regional_group in REGIONS)
    regional = sum(counts.values())
    if not regional:
        return []
    low = sorted(r for r, n in counts.items() if n < rules.region_min * regional)
    high = sorted(r for r, n in counts.items() if n > rules.region_max * regional)
    if low or high:
        return [Finding("regions_unbalanced", {
            "under": low, "over": high, "counts": dict(counts),
            "min": round(rules.region_min * 100), "max": round(rules.region_max * 100)})]
    return []


def _gender_findings(seats, rules) -> list[Finding]:
    women = sum(1 for s in seats if s.gender == "female")
    known = sum(1 for s in seats if s.gender in ("female", "male", "non_binary",
                                                 "self_described"))
    if known and not (rules.women_min * known <= women <= rules.women_max * known):
        return [Finding("gender_parity", {"women": women, "known": known,
                                          "min": round(rules.women_min * 100),
                                          "max": round(rules.women_max * 100)})]
    return []


def check(seats: list[Seat], *, hosts: tuple[str, ...] = (), rules: Rules = Rules()
          ) -> Composition:
    """Count the roster and list every rule it breaks (an empty list: balanced)."""
    findings = [*_group_findings(seats, rules), *_region_findings(seats, rules),
                *_gender_findings(seats, rules)]
    present = {s.country for s in seats}
    missing_hosts = [h for h in dict.fromkeys(hosts) if h and h not in present]
    if missing_hosts:
        findings.append(Finding("host_missing", {"countries": missing_hosts}))
    over = sorted(s.key for s in seats if s.term > rules.max_terms)
    if over:
        findings.append(Finding("term_limit", {"keys": over, "max": rules.max_terms}))
    return Composition(
        size=len(seats),
        by_group=dict(Counter(s.stakeholder_group for s in seats)),
        by_region=dict(Counter(s.regional_group for s in seats)),
        by_gender=dict(Counter(s.gender for s in seats)),
        findings=findings,
    )


def next_term(previous_term: int | None) -> int:
    """The term a member starts: the one after a consecutive previous term, else the first."""
    return (previous_term or 0) + 1


def rotation_share(staying: int, leaving: int) -> float:
    """The share of the current roster that rotates out (about a third each year)."""
    total = staying + leaving
    return leaving / total if total else 0.0
