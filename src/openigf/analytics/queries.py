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

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from openigf.algorithms.suppression import suppress
from openigf.analytics import baseline
from openigf.community.models import Initiative
from openigf.forums.models import Edition, Membership
from openigf.funding.models import AppStatus, TravelApplication
from openigf.people.countries import COUNTED_WITHIN, local_names, rows
from openigf.people.enums import Attendance, Gender, RegionalGroup, StakeholderGroup
from openigf.programme.models import SessionPerson, SessionStatus
from openigf.proposals.enums import PersonRole, ProposalStatus
from openigf.proposals.models import ProposalPerson
from openigf.registration.models import Registration, RegistrationStatus
from openigf.transcripts.models import SpokenWords

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


def _counters():  # a module-level factory, so that a Funnel can be pickled into the cache
    return defaultdict(Counter)


@dataclass
class Funnel:
    """Counts of one edition: ``totals[stage]`` and ``cells[dimension][value][stage]`` (people;
    ``heard`` in words). ``words`` is every word of the transcripts, identified or not."""

    totals: dict = field(default_factory=Counter)
    cells: dict = field(default_factory=lambda: defaultdict(_counters))
    words: int = 0
    mag: dict = field(default_factory=lambda: defaultdict(Counter))

    def add(self, stage: str, values: dict, n: int = 1) -> None:
        self.totals[stage] += n
        for dim, value in values.items():
            for v in value if isinstance(value, list) else [value]:
                self.cells[dim][v][stage] += n

    def share_heard(self, counter) -> float:
        return 100.0 * counter["heard"] / self.words if self.words else 0.0


# For each source, how each classification reads on its rows ("_total" counts the whole
# stage once). Booleans are read as (true, false) values of the classification.
BOOLEANS = {"first_time": ("yes", "no"), "youth": ("yes", "no"), "funding": ("funded", "self"),
            "onsite": ("onsite", "online")}


def _columns(prefix: str, *, country: str, first_time: str, attendance: str,
             funded) -> dict:
    """``funded``: an expression, computed only in the part that groups by it."""
    return {"_total": None, "stakeholder_group": f"{prefix}stakeholder_group",
            "regional_group": f"{prefix}regional_group", "gender": f"{prefix}gender",
            "country": country, "first_time": first_time, "youth": "person__youth"
            if not prefix else f"{prefix}person__youth", "attendance": attendance,
            "funding": funded}


def _by_dimension(rows, columns: dict, measures: dict):
    """``rows`` counted by every classification of ``columns`` in one query: a UNION ALL of
    one GROUP BY each, so the database does the work whatever the size. Yields (dimension,
    value, *measures)."""
    parts = []
    for dim, column in columns.items():
        value = Value("") if column is None else Cast(column, CharField())
        parts.append(rows.annotate(dim=Value(dim), value=value).values("dim", "value")
                     .annotate(**measures).order_by())
    return parts[0].union(*parts[1:], all=True).values_list("dim", "value", *measures)


def _one_pass() -> bool:
    """Whether the database counts by every classification in one pass (GROUPING SETS)."""
    return connection.vendor == "postgresql"


def _by_grouping_sets(rows, columns: dict, fields: dict, measures: dict):
    """What ``_by_dimension`` gives, on PostgreSQL in one pass over the rows: the rows with
    each classification (and ``fields``) read once, then counted by every classification
    at once with GROUPING SETS (the empty set gives the totals, as ``_total``). ``measures``:
    name -> SQL aggregate over the names of ``fields``."""
    dims = [dim for dim, column in columns.items() if column is not None]
    values = {f"v{i}": Cast(columns[dim], CharField()) for i, dim in enumerate(dims)}
    inner = rows.annotate(**values, **fields).values(*values, *fields).order_by()
    sql, params = inner.query.sql_with_params()
    names = ", ".join(values)
    sets = ", ".join(f"({name})" for name in values)
    query = (f"SELECT GROUPING({names}), {names}, {', '.join(measures.values())} "
             f"FROM ({sql}) AS counted GROUP BY GROUPING SETS ({sets}, ())")
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        found = cursor.fetchall()
    every = (1 << len(dims)) - 1
    for mask, *rest in found:
        counts = rest[len(dims):]
        if mask == every:
            yield ("_total", "", *counts)
            continue
        i = next(i for i in range(len(dims)) if not mask & (1 << (len(dims) - 1 - i)))
        yield (dims[i], rest[i], *counts)


def _counted(rows, columns: dict, measures: dict, fields: dict, sql: dict):
    """``rows`` counted by every classification: one pass with GROUPING SETS on PostgreSQL
    (``fields`` and ``sql``), a UNION ALL of GROUP BYs elsewhere (``measures``)."""
    if _one_pass():
        return list(_by_grouping_sets(rows, columns, fields, sql))
    return _by_dimension(rows, columns, measures)


def _read(value, dim: str, boolean: set) -> str:
    if value is None:
        return ""
    if dim in boolean:
        yes, no = BOOLEANS["onsite" if dim == "attendance" else dim]
        return yes if value.lower() in ("true", "t", "1") else no
    return COUNTED_WITHIN.get(value, value) if dim == "country" else value


def _add(result: Funnel, rows, flags: dict, boolean: set, cells: dict, totals: dict) -> None:
    """Put each (dimension, value, *measures) row in ``result``: ``cells`` names the stage
    each measure fills in the cells, ``totals`` the stage it fills in the totals."""
    for dim, value, *counts in rows:
        measured = dict(zip(cells, counts, strict=True))
        if dim == "_total":
            for measure, stage in totals.items():
                if stage == "words":
                    result.words += measured[measure] or 0
                else:
                    result.totals[stage] += measured[measure] or 0
            continue
        value = _read(value, dim, boolean)
        targets = [(dim, value)]
        if dim == "country":
            targets += [("development", flag) for flag in flags.get(value, [""])]
        for measure, stage in cells.items():
            if stage:
                for target_dim, target in targets:
                    result.cells[target_dim][target][stage] += measured[measure] or 0


def _people_sql(condition: str) -> str:
    """``_people`` in SQL over the fields ``p`` (the account, if any) and ``condition``."""
    return (f"(COUNT(DISTINCT p) FILTER (WHERE {condition})"
            f" + COUNT(*) FILTER (WHERE p IS NULL AND {condition}))")


def _people(role_filter: Q):
    """Distinct people in the rows ``role_filter`` selects: accounts once, each naming
    without an account once."""
    return (Count("person", distinct=True, filter=role_filter)
            + Count("id", filter=role_filter & Q(person__isnull=True)))


def _add_words(result: Funnel, edition, selected, flags: dict) -> None:
    """The words of the edition's transcripts by their speakers' classifications, summed by
    the database from the words kept per speaker when a transcript is stored (never from the
    turns); words no speaker is linked to go to "not given". One query."""

    spoken = SpokenWords.objects.filter(edition=edition)
    linked = Q(speaker__isnull=False)
    funded = Case(When(linked, then=Exists(selected.filter(person=OuterRef("speaker__person")))),
                  default=None, output_field=BooleanField())
    columns = _columns("speaker__", country="speaker__person__country_id",
                       first_time="speaker__person__first_time", attendance="speaker__onsite",
                       funded=funded)
    rows = _counted(spoken, columns, {"w": Sum("words"), "h": Sum("words", filter=linked)},
                    {"w": F("words"), "k": ExpressionWrapper(linked, output_field=BooleanField())},
                    {"w": "CAST(SUM(w) AS BIGINT)", "h": "CAST(SUM(w) FILTER (WHERE k) AS BIGINT)"})
    _add(result, rows, flags, {"first_time", "youth", "funding", "attendance"},
         {"w": "heard", "h": None}, {"w": "words", "h": "heard"})


def funnel(edition) -> Funnel:
    """The funnel of ``edition`` by every classification. Five queries whatever its size."""

    flags = _country_flags()
    selected = TravelApplication.objects.filter(call__edition=edition,
                                                status=AppStatus.SELECTED)
    result = Funnel()
    checked = Q(checked_in_at__isnull=False)
    funded = Exists(selected.filter(person=OuterRef("person")))
    regs = (Registration.objects.filter(edition=edition)
            .exclude(status=RegistrationStatus.CANCELLED))
    _add(result, _counted(regs, _columns("", country="country_id", first_time="first_time",
                                         attendance="attendance", funded=funded),
                          {"n": Count("id"), "checked": Count("id", filter=checked)},
                          {"c": ExpressionWrapper(checked, output_field=BooleanField())},
                          {"n": "COUNT(*)", "checked": "COUNT(*) FILTER (WHERE c)"}),
         flags, {"first_time", "youth", "funding"}, {"n": "registered", "checked": "checked_in"},
         {"n": "registered", "checked": "checked_in"})

    boolean = {"first_time", "youth", "funding", "attendance"}
    proposers = (ProposalPerson.objects
                 .filter(proposal__edition=edition, role=PersonRole.ORGANISER,
                         proposal__status__in=ProposalStatus.received()))
    _add(result, _counted(proposers, _columns(
        "", country="country_id", first_time="proposal__first_time", attendance="onsite",
        funded=funded), {"n": _people(Q())}, {"p": F("person_id")}, {"n": _people_sql("TRUE")}),
        flags, boolean, {"n": "proposed"}, {"n": "proposed"})

    people = SessionPerson.objects.filter(session__edition=edition,
                                          session__status=SessionStatus.CONFIRMED)
    stages = {"organised": _people(Q(role="organiser")),
              "spoke": _people(Q(role__in=SPEAKING_ROLES))}
    _add(result, _counted(people, _columns(
        "", country="person__country_id", first_time="person__first_time",
        attendance="onsite", funded=funded), stages,
        {"p": F("person_id"),
         "o": ExpressionWrapper(Q(role="organiser"), output_field=BooleanField()),
         "s": ExpressionWrapper(Q(role__in=SPEAKING_ROLES), output_field=BooleanField())},
        {"organised": _people_sql("o"), "spoke": _people_sql("s")}), flags, boolean,
        {"organised": "organised", "spoke": "spoke"}, {"organised": "organised", "spoke": "spoke"})

    _add_words(result, edition, selected, flags)

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


def headline_of(result: Funnel) -> dict:
    """``headline`` read from an edition's funnel, without a query: the same figures, as the
    funnel counts the same registrations."""
    attendance = result.cells.get("attendance", {})
    countries = {code for code, counter in result.cells.get("country", {}).items()
                 if code and counter["registered"]}
    return {"registered": result.totals["registered"],
            "onsite": attendance.get("onsite", Counter())["registered"],
            "online": attendance.get("online", Counter())["registered"],
            "checked_in": result.totals["checked_in"], "countries": len(countries),
            "member_states": len(countries & set(member_states()))}


def version(*, edition=None, forum=None) -> tuple:
    """What changes when registrations of ``edition`` (or of every edition of ``forum``)
    change: their number and latest change. One query; the pages cache their figures under
    it (and for a few minutes at most, for what the programme changes)."""


    rows = Registration.objects.filter(**({"edition": edition} if edition else
                                          {"edition__forum": forum}))
    found = rows.aggregate(n=Count("id"), changed=Max("updated"),
                           checked=Max("checked_in_at"))
    return (found["n"], str(found["changed"]), str(found["checked"]))


def recent_editions(edition, years: int) -> list:
    """The last ``years`` editions of the forum up to ``edition`` (itself included), newest
    first. One query."""

    return list(Edition.objects.filter(forum_id=edition.forum_id, year__lte=edition.year)
                .order_by("-year", "-start_date")[:years])


def presence(editions) -> dict[int, dict[str, set[str]]]:
    """Edition id -> ``registered``, ``spoke`` and ``organised`` -> the M49 codes of the
    countries of those people. Three queries."""

    ids = [e.pk for e in editions]
    found = {pk: {"registered": set(), "spoke": set(), "organised": set()} for pk in ids}

    def put(kind, pairs):
        for edition_id, country in pairs:
            if country:
                found[edition_id][kind].add(COUNTED_WITHIN.get(country, country))

    put("registered", Registration.objects.filter(edition_id__in=ids).exclude(
        status=RegistrationStatus.CANCELLED).values_list("edition_id", "country_id")
        .distinct().order_by())
    sessions = (SessionPerson.objects.filter(session__edition_id__in=ids,
                                             session__status=SessionStatus.CONFIRMED,
                                             person__country__isnull=False)
                .filter(Q(role__in=SPEAKING_ROLES) | Q(role="organiser"))
                .annotate(spoke=ExpressionWrapper(Q(role__in=SPEAKING_ROLES),
                                                  output_field=BooleanField()))
                .values_list("session__edition_id", "person__country_id", "spoke")
                .distinct().order_by())
    for edition_id, country, spoke in sessions:
        put("spoke" if spoke else "organised", [(edition_id, country)])
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
    ``edition``, and how many of the last ``years`` editions had nobody from it. Four
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

    missing = {s.m49 for s in states if s.missing_all}
    names = local_names(get_language())
    initiatives = (Initiative.objects.listed().filter(forum_id=edition.forum_id,
                                                      country_id__in=missing)
                   .values_list("name", "kind", "country_id").order_by("name"))
    return [{"name": name, "kind": kind, "country": names.get(country, country)}
            for name, kind, country in initiatives]


def outreach(edition, years: int = 5) -> list[dict]:
    """The member states to reach first, ranked: missing longest, then LDC/LLDC/SIDS, then
    those with an NRI to work through. Five queries."""

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
    """Shares of regional and stakeholder groups: among member states and in the population
    of the member states (the baselines of regions: ``baseline``), among registrations,
    among speakers and among the MAG's seats. A group is under-represented among speakers
    when its share is under 80% of its share of registrations, and among registrations when
    under 80% of its share of member states (``under_registered``) or of the population
    (``under_population``)."""
    states = baseline.regional_member_states()
    people = baseline.regional_population()
    out = {}
    for dim, choices in (("regional_group", RegionalGroup.choices),
                         ("stakeholder_group", StakeholderGroup.choices)):
        cells = result.cells.get(dim, {})
        registered = sum(cells[k]["registered"] for k in cells if k)
        spoke = sum(cells[k]["spoke"] for k in cells if k)
        mag = result.mag.get(dim, Counter())
        seats = sum(n for k, n in mag.items() if k)
        lines = []
        for key, label in choices:
            if key == "igo" and dim == "regional_group":
                continue
            regional = dim == "regional_group"
            world = round(states[key], 1) if regional else None
            population = round(people[key], 1) if regional else None
            reg = 100.0 * cells[key]["registered"] / registered if registered else 0.0
            spk = 100.0 * cells[key]["spoke"] / spoke if spoke else 0.0
            lines.append({"key": key, "label": str(label), "world": world,
                          "population": population,
                          "registered": round(reg, 1), "spoke": round(spk, 1),
                          "mag": round(100.0 * mag[key] / seats, 1) if seats else None,
                          "registered_people": cells[key]["registered"],
                          "spoke_people": cells[key]["spoke"],
                          "under_registered": world is not None and reg < 0.8 * states[key],
                          "under_population": population is not None and bool(registered)
                          and reg < 0.8 * people[key],
                          "under_spoke": bool(registered) and spk < 0.8 * reg})
        out[dim] = lines
    return out


def regional_registrations(edition) -> dict[str, int]:
    """UN regional group -> registrations of ``edition`` (not cancelled), as the funnel counts
    them. One query."""
    return dict(Registration.objects.filter(edition=edition)
                .exclude(status=RegistrationStatus.CANCELLED)
                .values_list("regional_group").annotate(n=Count("id")).order_by())


def _trend_cube(regs):
    """Registrations by edition, regional and stakeholder group, attendance and check-in
    (``country`` None), then the countries of each edition (the classifications None): on
    PostgreSQL in one pass with GROUPING SETS, elsewhere with a UNION ALL."""
    checked = ExpressionWrapper(Q(checked_in_at__isnull=False), output_field=BooleanField())
    if _one_pass():
        inner = (regs.annotate(c=checked).values("edition_id", "regional_group",
                                                  "stakeholder_group", "attendance", "c",
                                                  "country_id").order_by())
        sql, params = inner.query.sql_with_params()
        columns = "edition_id, regional_group, stakeholder_group, attendance, c"
        query = (f"SELECT {columns}, country_id, COUNT(*) FROM ({sql}) AS counted "
                 f"GROUP BY GROUPING SETS (({columns}), (edition_id, country_id)) "
                 "HAVING GROUPING(country_id) = 1 OR country_id IS NOT NULL")
        with connection.cursor() as cursor:
            cursor.execute(query, params)
            return cursor.fetchall()
    cube = (regs.annotate(checked=checked)
            .values_list("edition_id", "regional_group", "stakeholder_group", "attendance",
                         "checked").annotate(n=Count("id")).order_by())
    by_country = (regs.filter(country__isnull=False).values_list("edition_id", "country_id")
                  .distinct().order_by())
    return ([(*row[:5], None, row[5]) for row in cube]
            + [(edition_id, None, None, None, None, country, 0)
               for edition_id, country in by_country])


def trends(forum, *, first: int | None = None, last: int | None = None, group: str = "",
           region: str = "") -> list[dict]:
    """One row per edition of ``forum`` (oldest first, between the years ``first`` and
    ``last``), counting registrations (onsite, online, checked in, by region and stakeholder
    group), countries represented, proposers, organisers and speakers, of the people of
    ``group`` and ``region`` when given. Four queries on PostgreSQL."""

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
    cube = _trend_cube(regs)
    countries = defaultdict(set)
    for edition_id, reg_group, stakeholder, attendance, checked, country, n in cube:
        line = lines[edition_id]
        if country is not None:  # the countries of the edition, one row each
            countries[edition_id].add(country)
            continue
        line["registered"] += n
        line["onsite" if attendance == "onsite" else "online"] += n
        line["checked_in"] += n if checked else 0
        line["by_region"][reg_group] += n
        line["by_group"][stakeholder] += n
    for edition_id, found in countries.items():
        lines[edition_id]["countries"] = len(found)
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
