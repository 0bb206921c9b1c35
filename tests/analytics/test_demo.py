"""The demo's history of participation: five IGF editions, the member states missing from
2019 as a count straight from the rows gives them, and a funnel that adds up."""

import io

import pytest
from django.core.management import call_command

from openigf.analytics import queries
from openigf.forums.models import Edition
from openigf.programme.models import SessionPerson
from openigf.proposals.models import ProposalPerson
from openigf.registration.models import Registration

pytestmark = pytest.mark.slow


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())
    return Edition.objects.get(forum__slug="igf", year=2019)


def test_demo_missing_member_states_match_the_rows(demo):
    members = set(queries.member_states())
    present = set(Registration.objects.filter(edition=demo).exclude(status="cancelled")
                  .values_list("country_id", flat=True))
    present |= set(SessionPerson.objects.filter(session__edition=demo, session__status="confirmed")
                   .values_list("person__country_id", flat=True))
    present |= set(ProposalPerson.objects.filter(proposal__edition=demo, role="organiser")
                   .exclude(proposal__status__in=["draft", "withdrawn"])
                   .values_list("country_id", flat=True))
    editions, states = queries.member_states_presence(demo, 5)
    missing = {s.m49 for s in states if s.missing_all}
    assert missing == members - present
    assert [e.year for e in editions] == [2019, 2018, 2017, 2016, 2015]
    assert sum(s.editions_missing == 5 for s in states if s.missing_all) >= 30


def test_demo_trends_and_funnel_add_up(demo):
    lines = queries.trends(demo.forum)
    assert [line["year"] for line in lines] == [2015, 2016, 2017, 2018, 2019]
    for line in lines:
        assert line["registered"] == line["onsite"] + line["online"]
        assert line["registered"] == sum(line["by_region"].values())
        assert 0 < line["checked_in"] <= line["onsite"] and line["spoke"] > 0
    result = queries.funnel(demo)
    assert result.totals["registered"] == lines[-1]["registered"]
    regions = result.cells["regional_group"]
    assert sum(c["registered"] for c in regions.values()) == result.totals["registered"]
    afigf = Edition.objects.filter(forum__slug="afigf").order_by("year")
    assert [e.registrations.count() > 200 for e in afigf] == [True, True]
