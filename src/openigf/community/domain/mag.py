"""Writes on the MAG: members with their terms, working groups, the rotation plan.

Membership itself goes through ``forums.domain.membership_grant`` / ``membership_revoke``, so
that permissions and every other page keep reading one source.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from openigf.community import roles
from openigf.community.enums import MagSeat, PlanDecision
from openigf.community.models import MagPlanEntry, MagTerm, WorkingGroup, WorkingGroupMember
from openigf.community.queries import mag as mag_queries
from openigf.core.audit import audit_log, diff
from openigf.core.errors import ApplicationError, validate
from openigf.forums import domain as forums_domain
from openigf.forums.enums import Role
from openigf.forums.models import Membership


@transaction.atomic
def mag_member_add(*, edition, person, term: int | None = None, seat: str = MagSeat.MEMBER,
                   actor=None):
    """Appoint ``person`` to the MAG of ``edition``.

    The term defaults to the one after the person's term in the previous edition (1 if they
    did not serve). Side effects: the MAG membership (``membership_grant``: audit
    ``role.grant``); the term; audit log ``mag.term``. Returns the term and the composition of
    the roster afterwards: a roster that breaks a rule is saved, and the caller warns.
    """
    membership = forums_domain.membership_grant(forum=edition.forum, edition=edition,
                                                person=person, role=Role.MAG, actor=actor)
    term = term or mag_queries.default_term(edition, person)
    mag_term = mag_term_set(membership=membership, term=term, seat=seat, actor=actor)
    return mag_term, mag_queries.composition(edition)


def mag_term_set(*, membership: Membership, term: int, seat: str = MagSeat.MEMBER,
                 actor=None) -> MagTerm:
    """Record (or correct) the term and seat of a MAG membership. Side effects: save, audit
    log ``mag.term``."""
    mag_term = MagTerm.objects.filter(membership=membership).first() or MagTerm(
        membership=membership)
    changed = diff(mag_term, term=term, seat=seat)
    validate(mag_term)
    mag_term.save()
    if changed:
        audit_log(action="mag.term", obj=membership.edition, actor=actor,
                  changes={"person": str(membership.person), **changed})
    return mag_term


def mag_member_remove(*, membership: Membership, actor=None):
    """Side effects: the membership goes (``membership_revoke``), its term with it. Returns
    the composition of the roster afterwards."""
    if membership.role != Role.MAG:
        raise ApplicationError(_("This is not a MAG membership."))
    edition = membership.edition
    forums_domain.membership_revoke(membership=membership, actor=actor)
    return mag_queries.composition(edition)


def working_group_save(*, edition, group: WorkingGroup | None = None, actor=None,
                       **values) -> WorkingGroup:
    """Create or update a working group. Side effects: save, audit log ``mag.wg_save``."""
    group = group or WorkingGroup(edition=edition)
    changed = diff(group, **values)
    validate(group)
    group.save()
    audit_log(action="mag.wg_save", obj=group, actor=actor, changes=changed)
    return group


def working_group_member_set(*, group: WorkingGroup, person, role: str,
                             actor=None) -> WorkingGroupMember:
    """Add a member or change their role (chair, co-chair, member). Side effects: save, audit
    log ``mag.wg_member``."""
    member, _created = WorkingGroupMember.objects.update_or_create(
        group=group, person=person, defaults={"role": role})
    roles.forget(person)
    audit_log(action="mag.wg_member", obj=group, actor=actor,
              changes={"person": str(person), "role": role})
    return member


def working_group_member_remove(*, member: WorkingGroupMember, actor=None) -> None:
    member.delete()
    audit_log(action="mag.wg_member_remove", obj=member.group, actor=actor,
              changes={"person": str(member.person)})


@transaction.atomic
def mag_plan_save(*, edition, decisions: dict, newcomers=(), actor=None) -> list[MagPlanEntry]:
    """Save the plan for the MAG of the year after ``edition``: ``decisions`` maps each
    current member's person id to ``renew`` or ``leave``; ``newcomers`` join.

    Side effects: the plan's entries replace the previous ones; audit log ``mag.plan``.
    """
    MagPlanEntry.objects.filter(edition=edition).delete()
    entries = [MagPlanEntry(edition=edition, person_id=pid, decision=decision)
               for pid, decision in decisions.items()]
    planned = set(decisions)
    entries += [MagPlanEntry(edition=edition, person=p, decision=PlanDecision.JOIN)
                for p in newcomers if p.pk not in planned]
    MagPlanEntry.objects.bulk_create(entries)
    counts = {d: sum(1 for e in entries if e.decision == d) for d in PlanDecision.values}
    audit_log(action="mag.plan", obj=edition, actor=actor, changes=counts)
    return entries


@transaction.atomic
def mag_plan_apply(*, edition, next_edition, actor=None):
    """Appoint the planned MAG of ``next_edition``: those who renew (next term) and those who
    join (first term). Members already appointed there are kept.

    Side effects: one ``mag_member_add`` per planned member; audit log ``mag.plan_apply``.
    Returns the composition of the new roster.
    """
    if next_edition.forum_id != edition.forum_id or next_edition.year <= edition.year:
        raise ApplicationError(_("Choose a later edition of the same forum."))
    entries = MagPlanEntry.objects.filter(edition=edition).exclude(
        decision=PlanDecision.LEAVE).select_related("person")
    current = {m.person_id: m for m in Membership.objects.filter(
        edition=edition, role=Role.MAG).select_related("mag_term")}
    for entry in entries:
        membership = current.get(entry.person_id)
        term = 1
        if membership is not None and next_edition.year == edition.year + 1:
            term = mag_queries.term_of(membership) + 1
        mag_member_add(edition=next_edition, person=entry.person, term=term, actor=actor)
    audit_log(action="mag.plan_apply", obj=next_edition, actor=actor,
              changes={"from": edition.year, "members": len(entries)})
    return mag_queries.composition(next_edition)
