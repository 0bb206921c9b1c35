"""Screening rules of the calls for proposals: a registry of rules, one module per rule.

``check_proposal(proposal)`` runs the rules of its call on one proposal (live while the form is
filled, and before submission); ``check_many(edition, proposals)`` runs them on a list for the
Secretariat's screening list, in a fixed number of queries. Other apps add sources of missing
reports with :func:`register_report_source`.
"""

from openigf.forums.enums import SessionKind
from openigf.proposals.models import Call
from openigf.proposals.screening import (  # noqa: F401  (each module registers its rule)
    coalition_eligible,
    confirmed_speakers,
    mag_members,
    onsite_presence,
    organiser_groups,
    past_reports,
    proposals_per_proposer,
    speaker_gender,
    speaker_sessions,
)
from openigf.proposals.screening.base import (
    BLOCK,
    REPORT_SOURCES,
    RULES,
    SEVERITIES,
    WARN,
    Rule,
    RuleResult,
    register,
    register_report_source,
)
from openigf.proposals.screening.context import build, snapshot, snapshot_row

__all__ = ["BLOCK", "REPORT_SOURCES", "RULES", "SEVERITIES", "WARN", "Rule", "RuleResult",
           "blocking_failures", "check_many", "check_proposal", "check_rows", "register",
           "register_report_source", "rules_of_call"]


def rules_of_call(call) -> list[tuple[Rule, dict]]:
    """The rules switched on for ``call``, each with its settings."""
    result = []
    for rule in RULES.values():
        settings = rule.settings(call.rules, call.kind)
        if settings is not None:
            result.append((rule, settings))
    return result


def run(call, submission, context) -> list[RuleResult]:
    return [rule.check(submission, context, settings) for rule, settings in rules_of_call(call)]


def check_proposal(proposal) -> list[RuleResult]:
    """Every rule of the proposal's call, on this proposal as it is saved now."""
    submission = snapshot(proposal)
    coalition = proposal.coalition if proposal.kind == SessionKind.DC_SESSION and \
        proposal.coalition_id else None
    context = build(proposal.edition, [submission], single_coalition=coalition)
    return run(proposal.call, submission, context)


def check_many(edition, proposals) -> dict[int, list[RuleResult]]:
    """proposal id -> rule results, for proposals with ``people`` and ``call`` loaded."""
    submissions = {p.pk: snapshot(p) for p in proposals}
    context = build(edition, list(submissions.values()))
    return {p.pk: run(p.call, submissions[p.pk], context) for p in proposals}


def check_rows(edition, rows, *, all_received: bool = False) -> dict[int, list[RuleResult]]:
    """proposal id -> rule results for the light rows of ``queries.received`` (the calls of
    the edition are read once). ``all_received``: the rows are every received proposal of
    the edition, so the counts across proposals come from them."""
    rules = {c.pk: [(rule, settings, (str(rule.title), rule.describe(settings)))
                    for rule, settings in rules_of_call(c)]
             for c in Call.objects.filter(edition=edition)}
    submissions = {r.id: snapshot_row(r) for r in rows}
    context = build(edition, list(submissions.values()),
                    all_received=list(submissions.values()) if all_received else None)
    return {r.id: [rule.check(submissions[r.id], context, settings, texts=texts)
                   for rule, settings, texts in rules[r.call_id]] for r in rows}


def blocking_failures(results) -> list[RuleResult]:
    return [r for r in results if r.blocking]
