"""The community demo: the figures of January 2020 and the rules it shows."""

import io

import pytest
from django.core.management import call_command

from openigf.community.enums import NriStatus
from openigf.community.models import BestPracticeForum, Coalition, Initiative, Recommendation
from openigf.community.queries import coalitions, mag
from openigf.forums.models import Edition

pytestmark = pytest.mark.slow


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_demo_has_125_listed_nris_and_some_lapsed_or_waiting(demo):
    listed = Initiative.objects.listed().filter(forum__slug="igf")
    assert {k: listed.filter(kind=k).count() for k in ("national", "regional", "youth")} == {
        "national": 88, "regional": 18, "youth": 19}
    assert Initiative.objects.filter(status=NriStatus.LAPSED).count() == 3
    assert Initiative.objects.filter(status=NriStatus.REQUESTED).count() == 2
    afigf = Initiative.objects.get(hosted_forum__slug="afigf")
    assert list(afigf.focal_points.values_list("email", flat=True)) == [
        "focalpoint@demo.openigf.org"]
    assert listed.values("regional_group").distinct().count() == 5


def test_demo_coalitions_bpfs_and_improvements(demo):
    berlin = Edition.objects.get(forum__slug="igf", year=2019)
    assert Coalition.objects.count() == 18
    assert coalitions.eligible_coalitions(berlin).count() == 16
    assert sorted(BestPracticeForum.objects.filter(edition=berlin).values_list(
        "slug", flat=True)) == ["cybersecurity", "gender-and-access", "iot-big-data-ai",
                                "local-content"]
    assert Recommendation.objects.count() == 36


def test_demo_mag_2019_meets_every_rule_and_has_terms_and_outgoing_members(demo):
    paris, berlin = (Edition.objects.get(forum__slug="igf", year=y) for y in (2018, 2019))
    lines = mag.roster(berlin)
    assert all(line.recorded and 1 <= line.term <= 3 for line in lines)
    assert mag.composition(berlin, lines).findings == []
    assert len(mag.outgoing(berlin)) == 18
    assert len(mag.outgoing(paris)) > 10
