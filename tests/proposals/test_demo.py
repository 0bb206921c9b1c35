"""The demo's proposals of 2019: every type, some breaking rules, and an overview whose
statistics match the database exactly."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Count

from openigf.forums.enums import SessionKind
from openigf.forums.models import Edition
from openigf.people.models import Person
from openigf.proposals.enums import ProposalStatus
from openigf.proposals.models import Proposal, ProposalPerson

pytestmark = pytest.mark.slow


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())
    return Edition.objects.get(forum__slug="igf", slug="2019")


def bars(chart):
    return {bar.key: bar.count for bar in chart.bars if bar.count}


def test_demo_overview_statistics_match_the_database(client, demo):
    received = Proposal.objects.filter(edition=demo).received()
    assert 380 <= received.count() <= 420
    assert set(received.values_list("kind", flat=True)) == {
        k.value for k in SessionKind.proposable()}
    response = client.get("/igf/2019/proposals/")
    stats = response.context["stats"]
    charts = {c.slug: c for c in stats["charts"]}
    assert stats["total"] == received.count() == response.context["page"].paginator.count
    assert bars(charts["kind"]) == dict(received.values_list("kind").annotate(n=Count("id")))
    assert bars(charts["status"]) == dict(received.values_list("status")
                                          .annotate(n=Count("id")))
    organisers = ProposalPerson.objects.filter(proposal__in=received, role="organiser")
    speakers = ProposalPerson.objects.filter(proposal__in=received, role="speaker")
    assert bars(charts["org-group"]) == dict(organisers.values_list("stakeholder_group")
                                             .annotate(n=Count("id")))
    assert bars(charts["spk-gender"]) == dict(speakers.values_list("gender")
                                              .annotate(n=Count("id")))
    assert stats["first_time"] == received.filter(first_time=True).count()
    developing = received.filter(people__role="organiser",
                                 people__country__developing=True).distinct().count()
    assert stats["developing"] == developing > 0


def test_demo_has_rule_breakers_screened_out_and_look_alikes(client, demo):
    proposals = Proposal.objects.filter(edition=demo)
    assert proposals.filter(status="screened_out").count() > 20
    assert proposals.filter(status__in=ProposalStatus.passed_screening()).count() > 250
    assert proposals.filter(status="draft", call__kind="networking").exists()
    client.force_login(Person.objects.get(email="secretariat@demo.openigf.org"))
    rows = client.get("/igf/2019/proposals/screening/?outcome=blocking").context["rows"]
    assert {r["failing"][0].rule for r in rows} >= {"speaker_gender", "onsite_presence",
                                                     "mag_members"}
    pairs = client.get("/igf/2019/proposals/similar/?kind=workshop").context["pairs"]
    assert sum(1 for p in pairs if p["score"] > 0.8) >= 4


def test_demo_load_twice_adds_nothing(demo):
    count = Proposal.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert Proposal.objects.count() == count
