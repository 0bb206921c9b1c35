"""Dynamic Coalitions: which may hold a session at an annual meeting.

A coalition is eligible for a session at an edition of year Y when it is active, its members
come from at least three stakeholder groups, it has a coordinator to contact, and it filed its
activity report of year Y-1 (a coalition founded in Y-1 or Y has none to file yet).
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _

from openigf.community.enums import CoalitionStatus
from openigf.community.models import Coalition, CoalitionReport
from openigf.community.models.coalitions import MIN_MEMBER_GROUPS


def _annotated(forum_id, year):
    return Coalition.objects.filter(forum_id=forum_id).select_related("forum").annotate(
        group_count=Count("members__stakeholder_group", distinct=True),
        coordinator_count=Count("members", filter=Q(members__coordinator=True), distinct=True),
        reported=Exists(CoalitionReport.objects.filter(coalition=OuterRef("pk"),
                                                       year=year - 1)),
    )


def _eligible_q(year):
    return (Q(status=CoalitionStatus.ACTIVE) & Q(group_count__gte=MIN_MEMBER_GROUPS)
            & Q(coordinator_count__gte=1) & (Q(reported=True) | Q(founded__gte=year - 1)))


def eligible_coalitions(edition):
    """The coalitions of the edition's forum that may hold a session at ``edition`` (one
    query)."""
    return _annotated(edition.forum_id, edition.year).filter(_eligible_q(edition.year))


def coalition_is_eligible(coalition, edition) -> bool:
    """Whether ``coalition`` may hold a session at ``edition`` (one query)."""
    if coalition.forum_id != edition.forum_id:
        return False
    return eligible_coalitions(edition).filter(pk=coalition.pk).exists()


@dataclass
class Eligibility:
    coalition: Coalition
    eligible: bool
    reasons: list = field(default_factory=list)


def _reasons(c, year) -> list[str]:
    reasons = []
    if c.status != CoalitionStatus.ACTIVE:
        reasons.append(_("The coalition is not active."))
    if c.group_count < MIN_MEMBER_GROUPS:
        reasons.append(_("Members come from %(n)s stakeholder groups; at least %(min)s are "
                         "needed.") % {"n": c.group_count, "min": MIN_MEMBER_GROUPS})
    if not c.coordinator_count:
        reasons.append(_("No coordinator to contact."))
    if not c.reported and c.founded < year - 1:
        reasons.append(_("The activity report of %(year)s is missing.") % {"year": year - 1})
    return reasons


def eligibility_of_all(edition) -> list[Eligibility]:
    """Every coalition of the forum with its eligibility at ``edition`` and the reasons why
    not (one query)."""
    result = []
    for c in _annotated(edition.forum_id, edition.year).order_by("name"):
        reasons = _reasons(c, edition.year)
        result.append(Eligibility(c, not reasons, reasons))
    return result


def coalition_eligibility(coalition, edition) -> Eligibility:
    c = _annotated(edition.forum_id, edition.year).get(pk=coalition.pk)
    reasons = _reasons(c, edition.year)
    return Eligibility(c, not reasons, reasons)


def listed(forum, *, include_proposed: bool = False):
    """The forum's coalitions as the public list shows them (proposed ones only for the
    Secretariat), with their members."""
    coalitions = Coalition.objects.filter(forum=forum).select_related("forum")
    if not include_proposed:
        coalitions = coalitions.exclude(status=CoalitionStatus.PROPOSED)
    return coalitions.prefetch_related("members").order_by("status", "name")
