"""The demo forum loads, loads again without duplicating, and follows the domain's rules."""

import io

import pytest
from django.core.management import call_command

from openigf.core.demo import DEMO_PASSWORD
from openigf.core.models import DemoMarker
from openigf.forums.enums import Role
from openigf.forums.models import Edition, Forum, Membership
from openigf.people.demo import DEMO_ACCOUNTS
from openigf.people.models import Person
from openigf.proposals.models import Call
from openigf.review.models import Round

pytestmark = pytest.mark.slow


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_demo_loads_twice_without_duplicates(demo):
    counts = (Person.objects.count(), Edition.objects.count(), Membership.objects.count(),
              DemoMarker.objects.count())
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert (Person.objects.count(), Edition.objects.count(), Membership.objects.count(),
            DemoMarker.objects.count()) == counts
    assert "0 steps run" in out.getvalue()


def test_demo_has_the_igf_with_paris_and_berlin_and_an_nri(demo):
    igf = Forum.objects.get(slug="igf")
    assert list(igf.editions.order_by("year").values_list("year", "host_city")) == [
        (2015, "João Pessoa"), (2016, "Guadalajara"), (2017, "Geneva"), (2018, "Paris"),
        (2019, "Berlin")]
    berlin = igf.editions.get(year=2019)
    assert list(berlin.themes.values_list("name", flat=True)) == [
        "Data Governance", "Digital Inclusion", "Security, Safety, Stability and Resilience"]
    assert all(t.policy_questions.count() >= 3 for t in berlin.themes.all())
    assert igf.editions.get(year=2018).themes.count() == 8
    assert Forum.objects.exclude(kind="global").count() >= 1


def test_demo_people_come_from_many_countries(demo):
    people = Person.objects.filter(email__endswith="example.org")
    assert people.count() >= 300
    assert people.values("country").distinct().count() >= 80
    assert people.values("regional_group").distinct().count() == 6


def test_demo_mag_is_balanced(demo):
    mag = Person.objects.filter(memberships__edition__forum__slug="igf",
                                memberships__edition__year=2019, memberships__role=Role.MAG)
    n = mag.count()
    assert 50 <= n <= 56
    assert mag.filter(stakeholder_group="government").count() <= 0.4 * n
    for region in ("african", "asia_pacific", "eeg", "grulac", "weog"):
        assert mag.filter(regional_group=region).count() >= 8
    women = mag.filter(gender="female").count()
    assert abs(women - (n - women)) <= 6


def test_demo_accounts_can_sign_in(demo, client):
    response = client.post("/accounts/login/", {"username": "secretariat@demo.openigf.org",
                                                 "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.get("/igf/2019/manage/").status_code == 200


def test_demo_accounts_are_confirmed_and_named_people_are_not_accounts(demo):
    """The demo accounts sign in with their roles; the thousands of people the demo names
    can be taken only by following a link mailed to their address."""
    accounts = Person.objects.filter(email__in=[a[0] for a in DEMO_ACCOUNTS])
    assert sorted(accounts.filter(email_verified__isnull=False).values_list(
        "email", flat=True)) == sorted(a[0] for a in DEMO_ACCOUNTS)
    others = Person.objects.exclude(email__in=[a[0] for a in DEMO_ACCOUNTS]).exclude(email=None)
    assert others.count() > 3000
    assert not others.filter(email_verified__isnull=False).exists()


def test_demo_calls_and_rounds_agree_with_the_timeline(demo):
    berlin = Edition.objects.get(forum__slug="igf", year=2019)
    workshops = Call.objects.get(edition=berlin, kind="workshop")
    round_ = Round.objects.get(edition=berlin)
    assert (workshops.opens_at, workshops.closes_at) == (
        berlin.call_for_proposals_opens, berlin.call_for_proposals_closes)
    assert (round_.opens_at, round_.closes_at) == (berlin.evaluation_opens,
                                                   berlin.evaluation_closes)
