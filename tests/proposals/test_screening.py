"""Each screening rule on plain snapshots, the call settings, and the report sources."""

import pytest

from openigf.proposals.screening import RULES, base, check_proposal, register_report_source
from openigf.proposals.screening.base import Context, Named, Submission
from tests.community.factories import CoalitionFactory
from tests.factories import EditionFactory, PersonFactory, mag_member_of
from tests.proposals.factories import CallFactory, ProposalFactory, complete, person_row


def named(key, role="speaker", **values):
    return Named(key=key, person_id=values.pop("person_id", None), name=key.upper(), role=role,
                 **values)


def submission(*people, kind="workshop", organisation="", pid=1, coalition_id=None):
    return Submission(id=pid, edition_id=1, kind=kind, organisation=organisation,
                      people=tuple(people), coalition_id=coalition_id)


def run(key, sub, context=None, **settings):
    rule = RULES[key]
    values = rule.settings({key: settings} if settings else {}, sub.kind) or {}
    return rule.check(sub, context or Context(), values)


def test_confirmed_speakers_counts_only_confirmed():
    sub = submission(named("a", confirmed=True), named("b", confirmed=True), named("c"))
    result = run("confirmed_speakers", sub)
    assert (result.passed, result.message, result.blocking) == (
        False, "2 of the speakers have confirmed; at least 3 must.", False)
    assert run("confirmed_speakers", sub, minimum=2).passed


def test_speaker_gender_needs_two_known_genders():
    same = submission(named("a", gender="female"), named("b", gender="female"),
                      named("c", gender="undisclosed"))
    assert not run("speaker_gender", same).passed
    assert run("speaker_gender", submission(named("a", gender="female"),
                                            named("b", gender="male"))).passed
    assert run("speaker_gender", submission()).message == "No speaker is named yet."


def test_onsite_presence_names_what_is_missing():
    sub = submission(named("m", role="moderator", onsite=False), named("a", onsite=True),
                     named("b", onsite=False))
    assert run("onsite_presence", sub).message == (
        "Not enough people in the room: no onsite moderator is named; 1 speakers are onsite, "
        "2 are needed.")
    ok = submission(named("m", role="moderator"), named("a"), named("b"))
    assert run("onsite_presence", ok).passed


def test_organiser_groups_is_a_warning():
    sub = submission(named("a", role="organiser", stakeholder_group="academia"),
                     named("b", role="organiser", stakeholder_group="academia"))
    result = run("organiser_groups", sub)
    assert (result.passed, result.blocking, result.severity) == (False, False, "warn")
    sub2 = submission(named("a", role="organiser", stakeholder_group="academia"),
                      named("b", role="organiser", stakeholder_group="government"))
    assert run("organiser_groups", sub2).passed


def test_proposals_per_proposer_counts_other_received_proposals():
    context = Context(organiser_proposals_by_kind={("workshop", "ea"): {10, 11, 12}},
                      organisation_proposals={("workshop", "acme"): {10, 11}})
    sub = submission(named("ea", role="organiser"), organisation="ACME ", pid=None)
    assert run("proposals_per_proposer", sub, context).message == (
        "Organisers with 3 proposals of this type already: EA.")
    # the proposal itself is among the three: it passes
    assert run("proposals_per_proposer", submission(named("ea", role="organiser"), pid=12),
               context).passed
    over_org = Context(organisation_proposals={("workshop", "acme"): {10, 11, 12}})
    assert "ACME" in run("proposals_per_proposer", submission(organisation="ACME", pid=None),
                         over_org).message
    assert run("proposals_per_proposer", sub, context, maximum=4).passed


def test_speaker_sessions_at_most_three():
    context = Context(speaks={"ex": {1, 2, 3}, "ey": {2}})
    result = run("speaker_sessions", submission(named("ex"), named("ey"), pid=9), context)
    assert result.message == "Speakers already in 3 proposed sessions: EX."
    assert run("speaker_sessions", submission(named("ex"), pid=3), context).passed


def test_mag_members_cannot_organise_workshops_only_by_default():
    context = Context(mag_keys={"em"})
    sub = submission(named("em", role="organiser"))
    assert not run("mag_members", sub, context).passed
    assert RULES["mag_members"].settings({}, "open_forum") is None
    assert RULES["mag_members"].settings({"mag_members": {"enabled": True}}, "open_forum")


def test_past_reports_names_each_missing_report():
    context = Context(missing_reports={7: "Report of “Old session” (2018) never filed."})
    sub = submission(named("a", role="organiser", person_id=7))
    assert run("past_reports", sub, context).message == (
        "Ineligible until the missing reports are filed. A: Report of “Old session” (2018) "
        "never filed.")


def test_coalition_eligible_only_for_dc_sessions():
    assert RULES["coalition_eligible"].settings({}, "workshop") is None
    context = Context(eligible_coalitions={3}, coalition_reasons={4: ["No coordinator."]})
    assert run("coalition_eligible", submission(kind="dc_session", coalition_id=3),
               context).passed
    assert run("coalition_eligible", submission(kind="dc_session", coalition_id=4),
               context).message == "The coalition may not hold a session this year. " \
                                   "No coordinator."
    assert run("coalition_eligible", submission(kind="dc_session"), context).field == "coalition"


def test_every_rule_explains_itself():
    for rule in RULES.values():
        defaults = {k: d for k, (d, _label) in rule.params.items()}
        assert rule.title and rule.describe(defaults) and "%(" not in rule.describe(defaults)


def test_rule_switched_off_or_softened_per_call():
    settings = {"speaker_gender": {"enabled": False}, "onsite_presence": {"severity": "warn"}}
    assert RULES["speaker_gender"].settings(settings, "workshop") is None
    assert RULES["onsite_presence"].settings(settings, "workshop")["severity"] == "warn"


@pytest.fixture
def report_source():
    calls = []

    def source(edition, person_ids):
        calls.append(set(person_ids))
        return dict.fromkeys(person_ids, "The report of your 2018 session is missing.")

    register_report_source(source)
    yield calls
    base.REPORT_SOURCES.remove(source)


@pytest.mark.django_db
def test_check_proposal_asks_every_report_source(report_source):
    proposal = complete(ProposalFactory())
    results = {r.rule: r for r in check_proposal(proposal)}
    assert report_source == [{proposal.created_by_id}]
    assert not results["past_reports"].passed and results["past_reports"].blocking
    assert all(r.passed for k, r in results.items() if k != "past_reports")


@pytest.mark.django_db
def test_check_proposal_sees_mag_members_and_other_proposals():
    edition = EditionFactory()
    call = CallFactory(edition=edition)
    mag = mag_member_of(edition)
    proposal = complete(ProposalFactory(call=call, created_by=mag))
    busy = PersonFactory()
    for _i in range(3):
        person_row(ProposalFactory(call=call), busy)
    person_row(proposal, busy)
    failing = {r.rule for r in check_proposal(proposal) if not r.passed}
    assert failing == {"mag_members", "speaker_sessions"}


@pytest.mark.django_db
def test_dc_session_rule_calls_the_coalition_eligibility():
    edition = EditionFactory()
    coalition = CoalitionFactory(forum=edition.forum, status="active", founded=2010)
    call = CallFactory(edition=edition, kind="dc_session", fields=["coalition"])
    proposal = complete(ProposalFactory(call=call, coalition=coalition))
    [result] = [r for r in check_proposal(proposal) if r.rule == "coalition_eligible"]
    assert not result.passed
    assert "at least 3 are needed" in result.message
