"""The MAG of an edition: roster with terms, composition against the rules, outgoing members."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from openigf.algorithms import mag_balance
from openigf.community.enums import MagSeat, PlanDecision
from openigf.community.models import MagPlanEntry, MagTerm
from openigf.forums.enums import Role
from openigf.forums.models import Edition, Membership
from openigf.people.enums import RegionalGroup, StakeholderGroup


def mag_memberships(edition):
    return (Membership.objects.filter(edition=edition, role=Role.MAG)
            .select_related("person", "person__country", "mag_term")
            .order_by("person__name"))


def previous_edition(edition) -> Edition | None:
    return Edition.objects.filter(forum_id=edition.forum_id, year=edition.year - 1).first()


def next_edition(edition) -> Edition | None:
    return Edition.objects.filter(forum_id=edition.forum_id, year=edition.year + 1).first()


def term_of(membership, previous_terms: dict | None = None) -> int:
    """The recorded term, else one more than the previous year's (1 if new)."""
    recorded = getattr(membership, "mag_term", None) if _has_term(membership) else None
    if recorded is not None:
        return recorded.term
    if previous_terms is None:
        prev = previous_edition(membership.edition)
        previous_terms = _terms(prev) if prev else {}
    return mag_balance.next_term(previous_terms.get(membership.person_id))


def _has_term(membership) -> bool:
    try:
        return membership.mag_term is not None
    except MagTerm.DoesNotExist:
        return False


def _terms(edition) -> dict:
    """person id -> term in ``edition`` (recorded, else computed one level back)."""
    rows = Membership.objects.filter(edition=edition, role=Role.MAG).values_list(
        "person_id", "mag_term__term")
    return {pid: term or 1 for pid, term in rows}


def default_term(edition, person) -> int:
    prev = previous_edition(edition)
    return mag_balance.next_term(_terms(prev).get(person.pk) if prev else None)


@dataclass
class RosterLine:
    membership: Membership
    term: int
    recorded: bool
    seat: str
    seat_label: str
    year: int = 0

    @property
    def person(self):
        return self.membership.person

    @property
    def first_year(self) -> int:
        """The first year of the consecutive terms that end in this one."""
        return self.year - self.term + 1


def roster(edition) -> list[RosterLine]:
    """The members of the MAG of ``edition`` with their terms (three queries)."""
    prev = previous_edition(edition)
    previous_terms = _terms(prev) if prev else {}
    seats = dict(MagSeat.choices)
    lines = []
    for m in mag_memberships(edition):
        recorded = _has_term(m)
        seat = m.mag_term.seat if recorded else MagSeat.MEMBER
        lines.append(RosterLine(m, term_of(m, previous_terms), recorded, seat, seats[seat],
                                edition.year))
    return lines


def host_codes(edition) -> tuple[str, ...]:
    """The host countries the MAG of ``edition`` must include: last year's and this year's."""
    prev = previous_edition(edition)
    hosts = [prev.host_country if prev else None, edition.host_country]
    return tuple(c.iso2 for c in hosts if c is not None)


def seats_of(lines: list[RosterLine]) -> list[mag_balance.Seat]:
    return [mag_balance.Seat(key=str(line.person.pk),
                             stakeholder_group=line.person.stakeholder_group,
                             regional_group=line.person.regional_group,
                             gender=line.person.gender,
                             country=line.person.country.iso2 if line.person.country else "",
                             term=line.term) for line in lines]


def composition(edition, lines: list[RosterLine] | None = None) -> mag_balance.Composition:
    lines = roster(edition) if lines is None else lines
    return mag_balance.check(seats_of(lines), hosts=host_codes(edition))


def finding_messages(result: mag_balance.Composition, names: dict | None = None) -> list[str]:
    """Each broken rule in words."""
    groups, regions = dict(StakeholderGroup.choices), dict(RegionalGroup.choices)
    groups["technical"] = _("Technical community and academia")
    names = names or {}
    messages = []
    for f in result.findings:
        d = f.detail
        if f.code == "government_share":
            messages.append(_("Governments hold %(count)s of %(size)s seats, more than "
                              "%(limit)s%%.") % d)
        elif f.code == "groups_unequal":
            counts = ", ".join(f"{groups.get(g, g)}: {n}" for g, n in d["counts"].items())
            messages.append(_("The non-governmental stakeholder groups do not hold equal "
                              "shares (%(counts)s).") % {"counts": counts})
        elif f.code == "regions_unbalanced":
            under = ", ".join(str(regions.get(r, r)) for r in d["under"])
            over = ", ".join(str(regions.get(r, r)) for r in d["over"])
            messages.append(_("Regional balance: each regional group should hold "
                              "%(min)s–%(max)s%% of the seats. Too few: %(under)s. Too many: "
                              "%(over)s.") % {**d, "under": under or "—", "over": over or "—"})
        elif f.code == "gender_parity":
            messages.append(_("Gender parity: %(women)s women of %(known)s members, outside "
                              "%(min)s–%(max)s%%.") % d)
        elif f.code == "host_missing":
            messages.append(_("No member from the host country %(countries)s.")
                            % {"countries": ", ".join(d["countries"])})
        elif f.code == "term_limit":
            who = ", ".join(names.get(k, k) for k in d["keys"])
            messages.append(_("More than %(max)s consecutive terms: %(who)s.")
                            % {"max": d["max"], "who": who})
    return messages


def outgoing(edition) -> list[RosterLine]:
    """Members of ``edition`` who do not serve the next year: those absent from the next
    edition's MAG when it is appointed, else those the rotation plan lets go."""
    following = next_edition(edition)
    lines = roster(edition)
    if following is not None and Membership.objects.filter(edition=following,
                                                            role=Role.MAG).exists():
        staying = set(Membership.objects.filter(edition=following, role=Role.MAG)
                      .values_list("person_id", flat=True))
        return [line for line in lines if line.person.pk not in staying]
    leaving = set(MagPlanEntry.objects.filter(edition=edition, decision=PlanDecision.LEAVE)
                  .values_list("person_id", flat=True))
    return [line for line in lines if line.person.pk in leaving]


def plan_of(edition, lines: list[RosterLine]) -> dict:
    """The saved plan for the year after ``edition``: person id -> decision, defaulting to
    ``renew`` for members with terms to go and ``leave`` for those at the limit."""
    saved = dict(MagPlanEntry.objects.filter(edition=edition).values_list("person_id",
                                                                          "decision"))
    limit = mag_balance.Rules().max_terms
    return {line.person.pk: saved.get(line.person.pk, PlanDecision.LEAVE if line.term >= limit
                                      else PlanDecision.RENEW) for line in lines}


def planned_newcomers(edition):
    return [e.person for e in MagPlanEntry.objects.filter(
        edition=edition, decision=PlanDecision.JOIN).select_related("person", "person__country")]


def planned_composition(edition, lines, decisions: dict, newcomers) -> mag_balance.Composition:
    """The composition the MAG of the next year would have under the plan."""
    seats = [mag_balance.Seat(key=str(line.person.pk),
                              stakeholder_group=line.person.stakeholder_group,
                              regional_group=line.person.regional_group,
                              gender=line.person.gender,
                              country=line.person.country.iso2 if line.person.country else "",
                              term=line.term + 1)
             for line in lines if decisions.get(line.person.pk) == PlanDecision.RENEW]
    current = {line.person.pk for line in lines}
    seats += [mag_balance.Seat(key=str(p.pk), stakeholder_group=p.stakeholder_group,
                               regional_group=p.regional_group, gender=p.gender,
                               country=p.country.iso2 if p.country else "", term=1)
              for p in newcomers if p.pk not in current]
    following = next_edition(edition)
    hosts = tuple(c.iso2 for c in (edition.host_country,
                                   following.host_country if following else None) if c)
    return mag_balance.check(seats, hosts=hosts)
