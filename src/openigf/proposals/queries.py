"""Reads of proposals used by several pages: the public overview, its statistics and CSV, the
Secretariat's screening list, and what other parts ask (``screened_in``)."""

from collections import Counter, defaultdict

from django.db.models import Prefetch
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


def _received(edition, *, kind="", theme="", status=""):
    qs = Proposal.objects.filter(edition=edition).received()
    if kind:
        qs = qs.filter(kind=kind)
    if theme:
        qs = qs.filter(theme__slug=theme)
    if status:
        qs = qs.filter(status=status)
    return qs


def received(edition, *, kind="", theme="", status=""):
    """Received proposals of an edition, filtered, with their theme and people loaded (three
    queries whatever the count)."""
    qs = _received(edition, kind=kind, theme=theme, status=status)
    people = ProposalPerson.objects.select_related("country").order_by("role", "order", "id")
    return (qs.select_related("theme").prefetch_related(Prefetch("people", queryset=people))
            .order_by("kind", "title", "id"))


def organisers(proposal) -> list:
    return [p for p in proposal.people.all() if p.role == PersonRole.ORGANISER]


def speakers(proposal) -> list:
    return [p for p in proposal.people.all() if p.role == PersonRole.SPEAKER]


def statistics(edition, proposals, *, themes=None) -> dict:
    """Counts of received proposals and of the people in them, as breakdowns (bars plus an
    accessible table). ``proposals`` have ``people`` (with country) and ``theme`` loaded."""
    by_kind, by_theme, by_status = Counter(), Counter(), Counter()
    org_groups, org_regions, spk_groups, spk_regions, spk_gender = (Counter() for _i in range(5))
    first_time = developing = special = 0
    for p in proposals:
        by_kind[p.kind] += 1
        by_theme[p.theme.name if p.theme else ""] += 1
        by_status[p.status] += 1
        first_time += p.first_time
        orgs = organisers(p)
        for o in orgs:
            org_groups[o.stakeholder_group] += 1
            org_regions[o.regional_group] += 1
        countries = [o.country for o in orgs if o.country]
        developing += any(c.developing for c in countries)
        special += any(c.ldc or c.lldc or c.sids for c in countries)
        for s in speakers(p):
            spk_groups[s.stakeholder_group] += 1
            spk_regions[s.regional_group] += 1
            spk_gender[s.gender] += 1
    themes = [(t.name, t.name) for t in (edition.themes.all() if themes is None else themes)]
    total = len(proposals)
    return {
        "total": total,
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
            breakdown(_("Speakers by gender"), spk_gender, slug="spk-gender",
                      choices=Gender.choices, unknown_label=str(_("Not given"))),
            breakdown(_("Proposers"), {
                "first_time": first_time, "developing": developing, "special": special},
                total=total, slug="proposers", choices=[
                    ("first_time", _("First-time proposers")),
                    ("developing", _("Organisers from developing countries")),
                    ("special", _("Organisers from LDCs, LLDCs or SIDS"))]),
        ],
    }


CSV_HEADER = ["id", "type", "title", "theme", "status", "format", "duration", "submitted",
              "organisation", "organiser_stakeholder_groups", "organiser_regional_groups",
              "speakers", "speakers_female", "speakers_male", "speakers_other",
              "speakers_onsite", "first_time_proposer", "developing_country", "ldc_lldc_sids",
              "tags"]


def csv_rows(proposals, tag_names: dict):
    """One row per proposal, no personal contact data (no names, no e-mails)."""
    kinds = dict(SessionKind.choices)
    for p in proposals:
        orgs, spk = organisers(p), speakers(p)
        countries = [o.country for o in orgs if o.country]
        genders = Counter(s.gender for s in spk)
        yield [p.pk, kinds.get(p.kind, p.kind), p.title, p.theme.name if p.theme else "",
               p.status, p.format, p.duration or "",
               p.submitted_at.date().isoformat() if p.submitted_at else "", p.organisation,
               ";".join(sorted({o.stakeholder_group for o in orgs} - {""})),
               ";".join(sorted({o.regional_group for o in orgs} - {""})),
               len(spk), genders["female"], genders["male"],
               len(spk) - genders["female"] - genders["male"],
               sum(1 for s in spk if s.onsite), int(p.first_time),
               int(any(c.developing for c in countries)),
               int(any(c.ldc or c.lldc or c.sids for c in countries)),
               ";".join(sorted(tag_names.get(p.pk, [])))]


def tag_names_of(proposals) -> dict:
    """proposal id -> tag names (one query)."""
    through = Proposal.tags.through
    result = defaultdict(list)
    for pid, name in through.objects.filter(proposal_id__in=[p.pk for p in proposals]
                                            ).values_list("proposal_id", "tag__name"):
        result[pid].append(name)
    return result


def for_screening(edition, *, kind="", status="", theme=""):
    """Submitted and screened proposals for the Secretariat, with what the rules need."""
    qs = _received(edition, kind=kind, theme=theme, status=status)
    return (qs.select_related("theme", "call", "created_by")
            .prefetch_related(Prefetch("people", queryset=ProposalPerson.objects.order_by(
                "role", "order", "id")))
            .order_by("kind", "title", "id"))


def of_person(edition, person):
    """The proposals ``person`` organises in ``edition`` (by account or by e-mail)."""
    from django.db.models import Q

    match = Q(people__person=person)
    if person.email:
        match |= Q(people__email__iexact=person.email)
    return (Proposal.objects.filter(edition=edition).filter(
        match, people__role=PersonRole.ORGANISER).distinct().select_related("call", "theme")
        .order_by("-updated"))


def invitations_of(edition, person):
    """Rows where ``person`` is named as speaker/moderator/rapporteur in ``edition``."""
    from django.db.models import Q

    match = Q(person=person)
    if person.email:
        match |= Q(email__iexact=person.email)
    return (ProposalPerson.objects.filter(match, proposal__edition=edition).exclude(
        role=PersonRole.ORGANISER).exclude(proposal__status=ProposalStatus.DRAFT)
        .select_related("proposal"))
