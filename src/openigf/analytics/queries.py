"""Participation across every part of the cycle, read in a fixed number of queries.

The funnel of an edition follows people from registration to the microphone:
registered -> checked in -> proposed (organisers named in a submitted proposal) -> organised
(organisers of a confirmed session) -> spoke (speakers and moderators of a confirmed session)
-> was heard (their share of the words of the edition's transcripts). Each stage is cut by
stakeholder group, UN regional group, country, development status (developing, LDC, LLDC,
SIDS), gender, first time, youth, onsite/online and travel support. Each stage counts a person
once; its classifications are those given at that stage (registration and the programme keep
their own copy), the profile's where the stage has none.

No function here returns a person: only counts by classification.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import (
    BooleanField,
    CharField,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    Sum,
    Value,
)
from django.db.models.functions import Cast
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from openigf.people.countries import COUNTED_WITHIN, local_names, rows
from openigf.people.enums import Attendance, Gender, RegionalGroup, StakeholderGroup

STAGES = [
    ("registered", _("Registered")),
    ("checked_in", _("Checked in")),
    ("proposed", _("Proposed a session")),
    ("organised", _("Organised a session")),
    ("spoke", _("Spoke")),
    ("heard", _("Share of the words spoken")),
]
PEOPLE_STAGES = [key for key, _label in STAGES if key != "heard"]
SPEAKING_ROLES = ("speaker", "moderator", "online_moderator")
DEVELOPMENT = [
    ("developing", _("Developing country")),
    ("ldc", _("Least developed country (LDC)")),
    ("lldc", _("Landlocked developing country (LLDC)")),
    ("sids", _("Small island developing state (SIDS)")),
    ("developed", _("Not a developing country")),
]
YES_NO = [("yes", _("Yes")), ("no", _("No"))]
FUNDING = [("funded", _("Travel support")), ("self", _("No travel support"))]


def dimensions():
    """(key, title, choices or None) of every classification the funnel is cut by."""
    return [
        ("stakeholder_group", _("Stakeholder group"), StakeholderGroup.choices),
        ("regional_group", _("UN regional group"), RegionalGroup.choices),
        ("development", _("Development status"), DEVELOPMENT),
        ("country", _("Country"), None),
        ("gender", _("Gender"), Gender.choices),
        ("first_time", _("First time"), YES_NO),
        ("youth", _("Youth"), YES_NO),
        ("attendance", _("Onsite or online"), Attendance.choices),
        ("funding", _("Travel support"), FUNDING),
    ]


def member_states() -> dict[str, dict]:
    """The 193 UN member states (M49 code -> row of ``people/data/countries.json``), without
    a query."""
    return {row["m49"]: row for row in rows() if row["un_member"]}


def _country_flags() -> dict[str, list[str]]:
    flags = {}
    for row in rows():
        if row["developing"]:
            flags[row["m49"]] = ["developing"] + [f for f in ("ldc", "lldc", "sids") if row[f]]
        else:
            flags[row["m49"]] = ["developed"]
    return flags


def _yes(value) -> str:
    return "yes" if value else "no"


@dataclass
class Funnel:
    """Counts of one edition: ``totals[stage]`` and ``cells[dimension][value][stage]`` (people;
    ``heard`` in words). ``words`` is every word of the transcripts, identified or not."""

    totals: dict = field(default_factory=Counter)
    cells: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(Counter)))
    words: int = 0
    mag: dict = field(default_factory=lambda: defaultdict(Counter))

    def add(self, stage: str, values: dict, n: int = 1) -> None:
        self.totals[stage] += n
        for dim, value in values.items():
            for v in value if isinstance(value, list) else [value]:
                self.cells[dim][v][stage] += n

    def share_heard(self, counter) -> float:
        return 100.0 * counter["heard"] / self.words if self.words else 0.0


class _Classifier:
    def __init__(self, funded: set):
        self.flags = _country_flags()
        self.funded = funded

    def values(self, *, group, region, gender, country, first_time, youth, onsite, person_id):
        country = COUNTED_WITHIN.get(country, country) if country else ""
        return {
            "stakeholder_group": group or "", "regional_group": region or "",
            "development": self.flags.get(country, [""]) if country else [""],
            "country": country, "gender": gender or "", "first_time": _yes(first_time),
            "youth": _yes(youth),
            "attendance": Attendance.ONSITE if onsite else Attendance.ONLINE,
            "funding": "funded" if person_id in self.funded else "self",
        }


def _key(person_id, email, name) -> str:
    if person_id:
        return f"p{person_id}"
    return f"e{email.lower()}" if email else f"n{name.lower()}"


# How each classification reads on a registration (the funding one is an annotation).
REGISTRATION_COLUMNS = {
    "stakeholder_group": "stakeholder_group", "regional_group": "regional_group",
    "gender": "gender", "country": "country_id", "first_time": "first_time",
    "youth": "person__youth", "attendance": "attendance", "funding": "funded",
}
BOOLEAN_DIMENSIONS = {"first_time": ("yes", "no"), "youth": ("yes", "no"),
                      "funding": ("funded", "self")}


def _registration_cells(result: Funnel, edition, selected, flags) -> None:
    """Registered and checked in by every classification, counted by the database in one
    query (a UNION ALL of one GROUP BY per classification), so that the work does not grow
    with the registrations on the Python side."""
    from openigf.registration.models import Registration, RegistrationStatus

    regs = (Registration.objects.filter(edition=edition)
            .exclude(status=RegistrationStatus.CANCELLED)
            .annotate(funded=Exists(selected.filter(person=OuterRef("person")))))
    parts = [regs.annotate(dim=Value(dim), value=Cast(column, CharField()))
             .values("dim", "value")
             .annotate(n=Count("id"), checked=Count("id", filter=Q(checked_in_at__isnull=False)))
             .order_by()
             for dim, column in REGISTRATION_COLUMNS.items()]
    for dim, value, n, checked in parts[0].union(*parts[1:], all=True).values_list(
            "dim", "value", "n", "checked"):
        value = value or ""
        if dim in BOOLEAN_DIMENSIONS:
            yes, no = BOOLEAN_DIMENSIONS[dim]
            value = yes if value.lower() in ("true", "t", "1") else no
        if dim == "stakeholder_group":
            result.totals["registered"] += n
            result.totals["checked_in"] += checked
        if dim == "country":
            value = COUNTED_WITHIN.get(value, value)
            for flag in flags.get(value, [""]) if value else [""]:
                result.cells["development"][flag]["registered"] += n
                result.cells["development"][flag]["checked_in"] += checked
        result.cells[dim][value]["registered"] += n
        result.cells[dim][value]["checked_in"] += checked


def funnel(edition) -> Funnel:
    """The funnel of ``edition`` by every classification. Six queries whatever its size."""
    from openigf.forums.models import Membership
    from openigf.funding.models import AppStatus, TravelApplication
    from openigf.programme.models import SessionPerson, SessionStatus
    from openigf.proposals.enums import PersonRole, ProposalStatus
    from openigf.proposals.models import ProposalPerson
    from openigf.transcripts.models import Turn

    selected = TravelApplication.objects.filter(call__edition=edition,
                                                status=AppStatus.SELECTED)
    classify = _Classifier(set(selected.values_list("person_id", flat=True)))
    result = Funnel()

    _registration_cells(result, edition, selected, classify.flags)

    seen = set()
    proposers = (ProposalPerson.objects
                 .filter(proposal__edition=edition, role=PersonRole.ORGANISER,
                         proposal__status__in=ProposalStatus.received())
                 .values_list("person_id", "email", "name", "stakeholder_group",
                              "regional_group", "gender", "country_id", "proposal__first_time",
                              "person__youth", "onsite").order_by("pk"))
    for pid, email, name, group, region, gender, country, first, youth, onsite in proposers:
        key = _key(pid, email, name)
        if key not in seen:
            seen.add(key)
            result.add("proposed", classify.values(
                group=group, region=region, gender=gender, country=country, first_time=first,
                youth=youth, onsite=onsite, person_id=pid))

    speaker_values, seen = {}, set()
    people = (SessionPerson.objects
              .filter(session__edition=edition, session__status=SessionStatus.CONFIRMED)
              .values_list("pk", "role", "person_id", "email", "name", "stakeholder_group",
                           "regional_group", "gender", "person__country_id",
                           "person__first_time", "person__youth", "onsite").order_by("pk"))
    for pk, role, pid, email, name, group, region, gender, country, first, youth, onsite in people:
        values = classify.values(group=group, region=region, gender=gender, country=country,
                                 first_time=first, youth=youth, onsite=onsite, person_id=pid)
        stage = ("organised" if role == "organiser"
                 else "spoke" if role in SPEAKING_ROLES else None)
        if stage is None:
            continue
        speaker_values[pk] = values
        key = (stage, _key(pid, email, name))
        if key not in seen:
            seen.add(key)
            result.add(stage, values)

    unknown = {dim: "" for dim, _title, _choices in dimensions()}
    words = Turn.objects.filter(edition=edition).values_list("speaker_id").annotate(
        w=Sum("words")).order_by()
    for speaker_id, n in words:
        n = n or 0
        result.words += n
        values = speaker_values.get(speaker_id)
        if values is not None:
            result.add("heard", values, n)
        else:
            for dim, value in unknown.items():
                result.cells[dim][value]["heard"] += n

    mag = (Membership.objects.filter(edition=edition, role="mag")
           .values_list("person__stakeholder_group", "person__regional_group")
           .annotate(n=Count("id")).order_by())
    for group, region, n in mag:
        result.mag["stakeholder_group"][group or ""] += n
        result.mag["regional_group"][region or ""] += n
    return result


def labels_of(dim: str, choices) -> dict[str, str]:
    if dim == "country":
        return local_names(get_language())
    return {str(k): str(v) for k, v in (choices or [])}


def funnel_table(result: Funnel, dim: str, choices) -> list[dict]:
    """One row per value of ``dim``: its label and count at each stage (``heard`` as a share
    of all words, in %). Values in the choices' order, then the others by registrations."""
    names = labels_of(dim, choices)
    cells = result.cells.get(dim, {})
    keys = [k for k, _label in (choices or [])]
    others = sorted((k for k in cells if k not in keys),
                    key=lambda k: (k == "", -cells[k]["registered"], names.get(k, k)))
    rows_ = []
    for key in [*keys, *others]:
        counter = cells.get(key, Counter())
        rows_.append({"key": key, "label": names.get(key) or (key or str(_("Not given"))),
                      **{stage: counter[stage] for stage in PEOPLE_STAGES},
                      "heard": round(result.share_heard(counter), 1)})
    return rows_


def suppressed_table(table: list[dict], totals: dict | None = None) -> list[dict]:
    """``table`` as the public may see it: each stage's cells of fewer than five people hidden
    (``None``), and the share of words of a group hidden where its speakers are."""
    from openigf.algorithms.suppression import suppress

    shown = [dict(row) for row in table]
    for stage in PEOPLE_STAGES:
        column = suppress({str(i): row[stage] for i, row in enumerate(table)})
        for i, row in enumerate(shown):
            row[stage] = column[str(i)]
    for row in shown:
        if row["spoke"] is None:
            row["heard"] = None
    return shown


def headline(edition) -> dict:
    """The figures of an edition for its home page, the Chair's Summary and the command line:
    registrations (onsite, online), check-ins, countries and member states represented among
    registrations. Two queries (one without registrations)."""
    from openigf.registration.models import Registration, RegistrationStatus

    regs = Registration.objects.filter(edition=edition).exclude(
        status=RegistrationStatus.CANCELLED)
    figures = regs.aggregate(
        registered=Count("id"),
        onsite=Count("id", filter=Q(attendance="onsite")),
        online=Count("id", filter=Q(attendance="online")),
        checked_in=Count("id", filter=Q(checked_in_at__isnull=False)))
    countries = {COUNTED_WITHIN.get(c, c) for c in
                 regs.filter(country__isnull=False).values_list("country_id", flat=True)
                 .distinct().order_by()} if figures["registered"] else set()
    figures["countries"] = len(countries)
    figures["member_states"] = len(countries & set(member_states()))
    return figures


def recent_editions(edition, years: int) -> list:
    """The last ``years`` editions of the forum up to ``edition`` (itself included), newest
    first. One query."""
    from openigf.forums.models import Edition

    return list(Edition.objects.filter(forum_id=edition.forum_id, year__lte=edition.year)
                .order_by("-year", "-start_date")[:years])


def presence(editions) -> dict[int, dict[str, set[str]]]:
    """Edition id -> ``registered``, ``spoke`` and ``organised`` -> the M49 codes of the
    countries of those people. Four queries."""
    from openigf.programme.models import SessionPerson, SessionStatus
    from openigf.proposals.enums import ProposalStatus
    from openigf.proposals.models import ProposalPerson
    from openigf.registration.models import Registration, RegistrationStatus

    ids = [e.pk for e in editions]
    found = {pk: {"registered": set(), "spoke": set(), "organised": set()} for pk in ids}

    def put(kind, pairs):
        for edition_id, country in pairs:
            if country:
                found[edition_id][kind].add(COUNTED_WITHIN.get(country, country))

    put("registered", Registration.objects.filter(edition_id__in=ids).exclude(
        status=RegistrationStatus.CANCELLED).values_list("edition_id", "country_id")
        .distinct().order_by())
    sessions = SessionPerson.objects.filter(session__edition_id__in=ids,
                                            session__status=SessionStatus.CONFIRMED)
    put("spoke", sessions.filter(role__in=SPEAKING_ROLES).values_list(
        "session__edition_id", "person__country_id").distinct().order_by())
    put("organised", sessions.filter(role="organiser").values_list(
        "session__edition_id", "person__country_id").distinct().order_by())
    put("organised", ProposalPerson.objects.filter(
        proposal__edition_id__in=ids, role="organiser",
        proposal__status__in=ProposalStatus.received()).values_list(
        "proposal__edition_id", "country_id").distinct().order_by())
    return found


@dataclass(frozen=True)
class MissingState:
    m49: str
    name: str
    regional_group: str
    flags: tuple[str, ...]
    registered: bool
    spoke: bool
    organised: bool
    editions_missing: int  # of the last N, those with nobody from the country
    missing_in_a_row: int  # editions in a row, up to this one, with nobody
    last_seen: int | None  # year of the last edition with somebody from it

    @property
    def region_label(self) -> str:
        return str(RegionalGroup(self.regional_group).label) if self.regional_group else ""

    @property
    def missing_all(self) -> bool:
        return not (self.registered or self.spoke or self.organised)


def member_states_presence(edition, years: int = 5) -> tuple[list, list[MissingState]]:
    """Every UN member state with whether it had a participant, a speaker or an organiser at
    ``edition``, and how many of the last ``years`` editions had nobody from it. Five
    queries. Returns (the editions looked at, newest first; the states by name)."""
    editions = recent_editions(edition, years)
    found = presence(editions)
    names = local_names(get_language())
    states = []
    for code, row in member_states().items():
        present = [any(code in found[e.pk][k] for k in ("registered", "spoke", "organised"))
                   for e in editions]
        in_a_row = next((i for i, p in enumerate(present) if p), len(present))
        last = next((e.year for e, p in zip(editions, present, strict=True) if p), None)
        this = found[edition.pk]
        states.append(MissingState(
            m49=code, name=names.get(code, row["name"]), regional_group=row["regional_group"],
            flags=tuple(f.upper() for f in ("ldc", "lldc", "sids") if row[f]),
            registered=code in this["registered"], spoke=code in this["spoke"],
            organised=code in this["organised"], editions_missing=present.count(False),
            missing_in_a_row=in_a_row, last_seen=last))
    states.sort(key=lambda s: s.name)
    return editions, states


def nris_without_participants(edition, states: list[MissingState]) -> list[dict]:
    """Recognised initiatives of the forum whose country sent nobody to ``edition``. One
    query."""
    from openigf.community.models import Initiative

    missing = {s.m49 for s in states if s.missing_all}
    names = local_names(get_language())
    initiatives = (Initiative.objects.listed().filter(forum_id=edition.forum_id,
                                                      country_id__in=missing)
                   .values_list("name", "kind", "country_id").order_by("name"))
    return [{"name": name, "kind": kind, "country": names.get(country, country)}
            for name, kind, country in initiatives]


def outreach(edition, years: int = 5) -> list[dict]:
    """The member states to reach first, ranked: missing longest, then LDC/LLDC/SIDS, then
    those with an NRI to work through. Six queries."""
    from openigf.community.models import Initiative

    editions, states = member_states_presence(edition, years)
    missing = [s for s in states if s.missing_all]
    nris = defaultdict(list)
    for name, country in Initiative.objects.listed().filter(
            forum_id=edition.forum_id, country_id__in=[s.m49 for s in missing]).values_list(
            "name", "country_id").order_by("name"):
        nris[country].append(name)
    ranked = sorted(missing, key=lambda s: (-s.missing_in_a_row, -s.editions_missing,
                                            -len(s.flags), not nris.get(s.m49), s.name))
    return [{"rank": i, "state": s, "nris": nris.get(s.m49, [])}
            for i, s in enumerate(ranked, start=1)]


def representation(result: Funnel) -> dict:
    """Shares of regional and stakeholder groups: among member states (the baseline of
    regions: the UN's 193 member states by regional group, from ``countries.json``), among
    registrations and among speakers; a group is under-represented among speakers when its
    share is under 80% of its share of registrations, and among registrations when under 80%
    of its share of member states."""
    states = Counter(row["regional_group"] for row in member_states().values())
    out = {}
    for dim, choices in (("regional_group", RegionalGroup.choices),
                         ("stakeholder_group", StakeholderGroup.choices)):
        cells = result.cells.get(dim, {})
        registered = sum(cells[k]["registered"] for k in cells if k)
        spoke = sum(cells[k]["spoke"] for k in cells if k)
        lines = []
        for key, label in choices:
            if key == "igo" and dim == "regional_group":
                continue
            baseline = 100.0 * states[key] / 193 if dim == "regional_group" else None
            reg = 100.0 * cells[key]["registered"] / registered if registered else 0.0
            spk = 100.0 * cells[key]["spoke"] / spoke if spoke else 0.0
            lines.append({"key": key, "label": str(label), "world": baseline,
                          "registered": round(reg, 1), "spoke": round(spk, 1),
                          "under_registered": baseline is not None and reg < 0.8 * baseline,
                          "under_spoke": bool(registered) and spk < 0.8 * reg})
        out[dim] = lines
    return out


def trends(forum, *, first: int | None = None, last: int | None = None, group: str = "",
           region: str = "") -> list[dict]:
    """One row per edition of ``forum`` (oldest first, between the years ``first`` and
    ``last``), counting registrations (onsite, online, checked in, by region and stakeholder
    group), countries represented, proposers, organisers and speakers, of the people of
    ``group`` and ``region`` when given. Five queries."""
    from openigf.forums.models import Edition
    from openigf.programme.models import SessionPerson, SessionStatus
    from openigf.proposals.enums import ProposalStatus
    from openigf.proposals.models import ProposalPerson
    from openigf.registration.models import Registration, RegistrationStatus

    editions = Edition.objects.filter(forum=forum, published=True)
    if first:
        editions = editions.filter(year__gte=first)
    if last:
        editions = editions.filter(year__lte=last)
    editions = list(editions.order_by("year", "start_date"))
    ids = [e.pk for e in editions]
    who = {}
    if group:
        who["stakeholder_group"] = group
    if region:
        who["regional_group"] = region
    lines = {e.pk: {"edition": e, "year": e.year, "registered": 0, "onsite": 0, "online": 0,
                    "checked_in": 0, "countries": 0, "proposed": 0, "organised": 0,
                    "spoke": 0, "by_region": Counter(), "by_group": Counter()}
             for e in editions}
    regs = (Registration.objects.filter(edition_id__in=ids, **who)
            .exclude(status=RegistrationStatus.CANCELLED))
    cube = (regs.annotate(checked=ExpressionWrapper(Q(checked_in_at__isnull=False),
                                                    output_field=BooleanField()))
            .values_list("edition_id", "regional_group", "stakeholder_group", "attendance",
                         "checked").annotate(n=Count("id")).order_by())
    for edition_id, reg_group, stakeholder, attendance, checked, n in cube:
        line = lines[edition_id]
        line["registered"] += n
        line["onsite" if attendance == "onsite" else "online"] += n
        line["checked_in"] += n if checked else 0
        line["by_region"][reg_group] += n
        line["by_group"][stakeholder] += n
    for edition_id, n in regs.filter(country__isnull=False).values_list("edition_id").annotate(
            n=Count("country", distinct=True)).order_by():
        lines[edition_id]["countries"] = n
    people = who
    proposers = ProposalPerson.objects.filter(
        proposal__edition_id__in=ids, role="organiser",
        proposal__status__in=ProposalStatus.received(), **people)
    for edition_id, named, unnamed in proposers.values_list("proposal__edition_id").annotate(
            named=Count("person", distinct=True),
            unnamed=Count("id", filter=Q(person__isnull=True))).order_by():
        lines[edition_id]["proposed"] = named + unnamed
    sessions = SessionPerson.objects.filter(session__edition_id__in=ids,
                                            session__status=SessionStatus.CONFIRMED, **people)
    for edition_id, organised, organised_unnamed, spoke, spoke_unnamed in (
            sessions.values_list("session__edition_id").annotate(
                organised=Count("person", distinct=True, filter=Q(role="organiser")),
                organised_unnamed=Count("id", filter=Q(role="organiser", person__isnull=True)),
                spoke=Count("person", distinct=True, filter=Q(role__in=SPEAKING_ROLES)),
                spoke_unnamed=Count("id", filter=Q(role__in=SPEAKING_ROLES,
                                                   person__isnull=True))).order_by()):
        lines[edition_id]["organised"] = organised + organised_unnamed
        lines[edition_id]["spoke"] = spoke + spoke_unnamed
    return list(lines.values())
