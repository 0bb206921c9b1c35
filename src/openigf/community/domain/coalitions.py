"""Writes on Dynamic Coalitions: statement, members, yearly activity report."""

from django.db import transaction
from django.utils.translation import gettext as _

from openigf.community import roles
from openigf.community.domain.nris import unique_slug
from openigf.community.enums import CoalitionStatus
from openigf.community.models import Coalition, CoalitionMember, CoalitionReport
from openigf.core.audit import audit_log, diff
from openigf.core.errors import ApplicationError, validate
from openigf.forums.queries import secretariat_of
from openigf.outbox.domain import mail_enqueue_template

STATEMENT_FIELDS = ["name", "acronym", "need", "action_plan", "mailing_list", "website",
                    "founded"]


@transaction.atomic
def coalition_propose(*, forum, person, members: list[dict] = (), **statement) -> Coalition:
    """Someone files the statement of a new coalition and becomes its first coordinator.

    Side effects: the coalition (status ``proposed``) and its members are saved, the proposer
    first, as coordinator; audit log ``coalition.propose``; mail to the forum's Secretariat.
    """
    coalition = Coalition(forum=forum, status=CoalitionStatus.PROPOSED,
                          slug=unique_slug(Coalition, {"forum": forum}, statement["name"]),
                          **{k: v for k, v in statement.items() if k in STATEMENT_FIELDS})
    validate(coalition)
    coalition.save()
    rows = [CoalitionMember(coalition=coalition, person=person, name=person.name,
                            organisation=person.organisation, email=person.email or "",
                            stakeholder_group=person.stakeholder_group or "civil_society",
                            coordinator=True)]
    rows += [CoalitionMember(coalition=coalition, **m) for m in members]
    for row in rows:
        validate(row, exclude=["coalition"])
    CoalitionMember.objects.bulk_create(rows)
    roles.forget(person)
    audit_log(action="coalition.propose", obj=coalition, actor=person,
              changes={"members": len(rows)})
    for membership in secretariat_of(forum):
        if membership.person.email:
            mail_enqueue_template(to=membership.person.email,
                                  template="community/mail/coalition_proposed",
                                  language=membership.person.preferred_language, forum=forum,
                                  context={"coalition": coalition, "proposer": person})
    return coalition


def coalition_update(*, coalition: Coalition, actor=None, **values) -> dict:
    """Change the statement (or, for the Secretariat, the status). Side effects: save, audit
    log ``coalition.update``."""
    changed = diff(coalition, **values)
    if changed:
        validate(coalition)
        coalition.save()
        audit_log(action="coalition.update", obj=coalition, actor=actor, changes=changed)
    return changed


def coalition_member_add(*, coalition: Coalition, actor=None, **fields) -> CoalitionMember:
    """Side effects: the member is saved; audit log ``coalition.member_add``."""
    member = CoalitionMember(coalition=coalition, **fields)
    validate(member)
    member.save()
    if member.person_id:
        roles.forget(member.person)
    audit_log(action="coalition.member_add", obj=coalition, actor=actor,
              changes={"member": member.name, "stakeholder_group": member.stakeholder_group,
                       "coordinator": member.coordinator})
    return member


def coalition_member_remove(*, member: CoalitionMember, actor=None) -> None:
    """A coalition keeps at least one coordinator. Side effects: delete, audit log."""
    coalition = member.coalition
    if member.coordinator and not coalition.members.filter(coordinator=True).exclude(
            pk=member.pk).exists():
        raise ApplicationError(_("A coalition keeps at least one coordinator."))
    member.delete()
    audit_log(action="coalition.member_remove", obj=coalition, actor=actor,
              changes={"member": member.name})


def coalition_report_file(*, coalition: Coalition, year: int, actor=None,
                          **fields) -> CoalitionReport:
    """File or correct the activity report of a year. Side effects: save, audit log
    ``coalition.report``."""
    report = CoalitionReport.objects.filter(coalition=coalition, year=year).first() or \
        CoalitionReport(coalition=coalition, year=year)
    changed = diff(report, **fields)
    report.filed_by = report.filed_by or actor
    validate(report)
    report.save()
    audit_log(action="coalition.report", obj=coalition, actor=actor,
              changes={"year": year, **changed})
    return report
