"""Reads of proposals used by several pages: the public overview, its statistics and CSV, the
Secretariat's screening list, and what other parts ask (``screened_in``)."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from openigf.core.charts import breakdown
from openigf.forums.enums import SessionKind
from openigf.people.enums import Gender, RegionalGroup, StakeholderGroup
from openigf.proposals.enums import PersonRole, ProposalStatus
from openigf.proposals.models import Proposal, ProposalPerson


def screened_in(edition, kind=None):
    """Proposals of ``edition`` that passed screening (screened in, or decided since)."""
    qs = Proposal.objects.filter(edition=edition).passed_screening()
    if kind:
        qs = qs.filter(kind=kind)
    return qs


@dataclass(slots=True)
class PersonRow:
    """Someone in a received proposal, as the lists and statistics need them (no contact
    data leaves this module except towards the screening rules)."""

    role: str
    person_id: int | None
    email: str
    name: str
    stakeholder_group: str
    regional_group: str
    gender: str
    onsite: bool
    confirmed: bool
    developing: bool
    special: bool  # LDC, LLDC or SIDS


@dataclass(slots=True)
class Row:
    """A received proposal as the overview, the CSV and the screening list show it."""

    id: int
    kind: str
    title: str
    theme: str
    status: str
    first_time: bool
    organisation: str
    format: str
    duration: int | None
    submitted_at: object
    call_id: int
    coalition_id: int | None
    screening_note: str
    people: list = field(default_factory=list)
    description: str = ""  # filled only where a page needs it

    def with_role(self, role) -> list:
        return [p for p in self.people if p.role == role]

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS.get(self.status, self.status))

    @property
    def organiser_groups(self) -> str:
        return "; ".join(str(GROUP_LABELS.get(o.stakeholder_group, "—"))
                         for o in self.with_role(PersonRole.ORGANISER))

    @property
    def organiser_regions(self) -> str:
        return "; ".join(str(REGION_LABELS.get(o.regional_group, "—"))
                         for o in self.with_role(PersonRole.ORGANISER))


KIND_LABELS = dict(SessionKind.choices)
STATUS_LABELS = dict(ProposalStatus.choices)
GROUP_LABELS = dict(StakeholderGroup.choices)
REGION_LABELS = dict(RegionalGroup.choices)
ROW_FIELDS = ["id", "kind", "title", "theme__name", "status", "first_time", "organisation",
              "format", "duration", "submitted_at", "call_id", "coalition_id",
              "screening_note"]
PERSON_FIELDS = ["proposal_id", "role", "person_id", "email", "name", "stakeholder_group",
                 "regional_group", "gender", "onsite", "confirmed", "country__developing",
                 "country__ldc", "country__lldc", "country__sids"]


def _received(edition, *, kind="", theme="", status=""):
    qs = Proposal.objects.filter(edition=edition).received()
    if kind:
        qs = qs.filter(kind=kind)
    if theme:
        qs = qs.filter(theme__slug=theme)
    if status:
        qs = qs.filter(status=status)
    return qs


def received(edition, *, kind="", theme="", status="", roles=None) -> list[Row]:
    """Received proposals of an edition, filtered, as light rows with their people (two
    queries whatever the count; no model instances, so that 1,200 stay fast)."""
    qs = _received(edition, kind=kind, theme=theme, status=status)
    rows = {}
    for values in qs.order_by("kind", "title", "id").values_list(*ROW_FIELDS):
        row = Row(*values[:3], values[3] or "", *values[4:])
        row.organisation = row.organisation or ""
        rows[row.id] = row
    people = ProposalPerson.objects.filter(proposal__in=qs)
    if roles:
        people = people.filter(role__in=roles)
    for v in people.order_by("role", "order", "id").values_list(*PERSON_FIELDS):
        rows[v[0]].people.append(PersonRow(*v[1:10], bool(v[10]), bool(v[11] or v[12] or v[13])))
    return list(rows.values())


def statistics(edition, rows, *, themes=None) -> dict:
    """Counts of received proposals and of the people in them, as breakdowns (bars plus an
    accessible table)."""
    by_kind, by_theme, by_status = Counter(), Counter(), Counter()
    org_groups, org_regions, spk_groups, spk_regions, spk_gender = (Counter() for _i in range(5))
    first_time = developing = special = 0
    for p in rows:
        by_kind[p.kind] += 1
        by_theme[p.theme] += 1
        by_status[p.status] += 1
        first_time += p.first_time
        orgs = p.with_role(PersonRole.ORGANISER)
        for o in orgs:
            org_groups[o.stakeholder_group] += 1
            org_regions[o.regional_group] += 1
        developing += any(o.developing for o in orgs)
        special += any(o.special for o in orgs)
        for s in p.with_role(PersonRole.SPEAKER):
            spk_groups[s.stakeholder_group] += 1
            spk_regions[s.regional_group] += 1
            spk_gender[s.gender] += 1
    themes = [(t.name, t.name) for t in (edition.themes.all() if themes is None else themes)]
    total = len(rows)
    return {
        "total": total,
        "gender_withheld": not gender_shown(spk_gender, proposals=total),
        "first_time": first_time,
        "developing": developing,
        "special": special,
        "charts": [
            breakdown(_("Proposals by session type"), by_kind, slug="kind",
                      choices=[(k.value, k.label) for k in SessionKind.proposable()],
                      keep_empty=False),
            breakdown(_("Proposals by theme"), by_theme, choices=themes, slug="theme",
                      unknown_label=str(_("No theme"))),
            breakdown(_("Proposals by status"), by_status, slug="status",
                      choices=ProposalStatus.choices, keep_empty=False),
            breakdown(_("Organisers by stakeholder group"), org_groups, slug="org-group",
                      choices=StakeholderGroup.choices, unknown_label=str(_("Not given"))),
            breakdown(_("Organisers by regional group"), org_regions, slug="org-region",
                      choices=RegionalGroup.choices, unknown_label=str(_("Not given"))),
            breakdown(_("Speakers by stakeholder group"), spk_groups, slug="spk-group",
                      choices=StakeholderGroup.choices, unknown_label=str(_("Not given"))),
            breakdown(_("Speakers by regional group"), spk_regions, slug="spk-region",
                      choices=RegionalGroup.choices, unknown_label=str(_("Not given"))),
            *([breakdown(_("Speakers by gender"), spk_gender, slug="spk-gender",
                         choices=Gender.choices, unknown_label=str(_("Not given")))]
              if gender_shown(spk_gender, proposals=total) else []),
            breakdown(_("Proposers"), {
                "first_time": first_time, "developing": developing, "special": special},
                total=total, slug="proposers", choices=[
                    ("first_time", _("First-time proposers")),
                    ("developing", _("Organisers from developing countries")),
                    ("special", _("Organisers from LDCs, LLDCs or SIDS"))]),
        ],
    }


GENDER_MIN_CELL = 5  # a published gender count is 0 or at least this
GENDER_MIN_PROPOSALS = 10  # and covers at least this many proposals


def gender_shown(counts: Counter, *, proposals: int) -> bool:
    """Whether counts of people by gender may be published beside their names: never for
    fewer than ``GENDER_MIN_PROPOSALS`` proposals, never with a cell of 1 to
    ``GENDER_MIN_CELL`` - 1 people, never when every given gender is the same (each named
    person's gender would follow). Per proposal, gender is never published."""
    given = {k: n for k, n in counts.items() if k and n}
    if proposals < GENDER_MIN_PROPOSALS or len(given) < 2:
        return False
    return all(n >= GENDER_MIN_CELL for n in counts.values() if n)


CSV_HEADER = ["id", "type", "title", "theme", "status", "format", "duration", "submitted",
              "organisation", "organiser_stakeholder_groups", "organiser_regional_groups",
              "speakers",
              "speakers_onsite", "first_time_proposer", "developing_country", "ldc_lldc_sids",
              "tags"]


def csv_rows(rows, tag_names: dict):
    """One row per proposal, no personal contact data (no names, no e-mails) and no gender:
    beside the public list of speakers, a proposal's gender counts would tell each
    speaker's gender."""
    for p in rows:
        orgs, spk = p.with_role(PersonRole.ORGANISER), p.with_role(PersonRole.SPEAKER)
        yield [p.id, p.kind_label, p.title, p.theme, p.status, p.format, p.duration or "",
               p.submitted_at.date().isoformat() if p.submitted_at else "", p.organisation,
               ";".join(sorted({o.stakeholder_group for o in orgs} - {""})),
               ";".join(sorted({o.regional_group for o in orgs} - {""})),
               len(spk), sum(1 for s in spk if s.onsite), int(p.first_time),
               int(any(o.developing for o in orgs)), int(any(o.special for o in orgs)),
               ";".join(sorted(tag_names.get(p.id, [])))]


def tag_names_of(edition, **filters) -> dict:
    """proposal id -> tag names of the received proposals (one query)."""
    through = Proposal.tags.through
    result = defaultdict(list)
    for pid, name in through.objects.filter(
            proposal__in=_received(edition, **filters)).values_list("proposal_id", "tag__name"):
        result[pid].append(name)
    return result


def of_person(edition, person):
    """The proposals ``person`` organises in ``edition`` (by account or by e-mail)."""
    match = Q(people__person=person)
    if person.verified_email:
        match |= Q(people__email__iexact=person.verified_email)
    return (Proposal.objects.filter(edition=edition).filter(
        match, people__role=PersonRole.ORGANISER).distinct().select_related("call", "theme")
        .order_by("-updated"))


def invitations_of(edition, person):
    """Rows where ``person`` is named as speaker/moderator/rapporteur in ``edition``."""
    match = Q(person=person)
    if person.verified_email:
        match |= Q(email__iexact=person.verified_email)
    return (ProposalPerson.objects.filter(match, proposal__edition=edition).exclude(
        role=PersonRole.ORGANISER).exclude(proposal__status=ProposalStatus.DRAFT)
        .select_related("proposal"))
