"""Coalition eligibility (used by proposals), the trust fund, the improvements summary."""

import datetime
from decimal import Decimal

import pytest

from openigf.community.enums import CoalitionStatus
from openigf.community.models import Receipt
from openigf.community.queries import coalitions, donors, improvements
from tests.community.factories import (
    CoalitionFactory,
    DonorFactory,
    PledgeFactory,
    RecommendationFactory,
    coalition_with_members,
)
from tests.factories import EditionFactory, ForumFactory

pytestmark = pytest.mark.django_db


def test_eligible_coalitions_need_three_groups_a_coordinator_and_last_years_report():
    forum = ForumFactory(slug="igf")
    edition = EditionFactory(forum=forum, year=2019)
    ok = coalition_with_members(forum=forum, name="OK")
    coalition_with_members(forum=forum, name="Two groups", groups=("civil_society",
                                                                   "technical"))
    coalition_with_members(forum=forum, name="No report", report_years=())
    new = coalition_with_members(forum=forum, name="New", report_years=(), founded=2018)
    coalition_with_members(forum=forum, name="Inactive", status=CoalitionStatus.INACTIVE)
    CoalitionFactory(forum=forum, name="Empty")
    assert sorted(c.name for c in coalitions.eligible_coalitions(edition)) == ["New", "OK"]
    assert coalitions.coalition_is_eligible(ok, edition) is True
    assert coalitions.coalition_is_eligible(new, EditionFactory(forum=forum, year=2021,
                                                                slug="2021")) is False
    reasons = {r.coalition.name: r.reasons for r in coalitions.eligibility_of_all(edition)}
    assert reasons["No report"] == ["The activity report of 2018 is missing."]
    assert reasons["Empty"] == ["Members come from 0 stakeholder groups; at least 3 are needed.",
                                "No coordinator to contact.",
                                "The activity report of 2018 is missing."]


def test_a_coalition_of_another_forum_is_never_eligible():
    edition = EditionFactory(forum=ForumFactory(slug="igf"))
    other = coalition_with_members(forum=ForumFactory(slug="other"))
    assert coalitions.coalition_is_eligible(other, edition) is False


def test_trust_fund_spreads_multi_year_pledges_and_hides_private_figures():
    forum = ForumFactory(slug="igf")
    public = DonorFactory(forum=forum, figures_public=True)
    pledge = PledgeFactory(donor=public, amount=500000, currency="EUR",
                           usd_rate=Decimal("1.1"), first_year=2016, last_year=2020)
    Receipt.objects.create(pledge=pledge, received_on=datetime.date(2019, 6, 1),
                           amount=100000, amount_usd=Decimal("112000"))
    PledgeFactory(donor=DonorFactory(forum=forum, figures_public=False), amount=70000)
    all_donors = list(donors.donors_with_money(forum))
    secretariat = donors.overview(all_donors, show_all=True)
    public_view = donors.overview(all_donors, show_all=False)
    line_2019 = {line.year: line for line in secretariat["years"]}[2019]
    assert (line_2019.pledged, line_2019.received) == (Decimal("180000.00"), Decimal("112000"))
    assert [(y.year, y.pledged) for y in public_view["years"]] == [
        (year, Decimal("110000.00")) for year in range(2016, 2021)]
    assert public_view["hidden"] == 1
    rows = donors.donors_of_year(all_donors, 2019, show_all=False)
    assert [(r["visible"], r["pledged"]) for r in rows] == [(True, Decimal("110000.00")),
                                                           (False, None)]


def test_improvements_summary_counts_by_source_and_status():
    forum = ForumFactory(slug="igf")
    RecommendationFactory(forum=forum, source="A", status="implemented")
    RecommendationFactory(forum=forum, source="A", status="in_progress")
    RecommendationFactory(forum=forum, source="B", status="ongoing")
    summary = improvements.summary(forum)
    cells = {line["source"]: (line["total"], line["done_share"]) for line in summary["lines"]}
    assert cells == {"A": (2, 50.0), "B": (1, 100.0)}
    assert (summary["total"], round(summary["done_share"])) == (3, 67)


def test_unknown_filter_values_are_ignored():
    forum = ForumFactory(slug="igf")
    RecommendationFactory(forum=forum, source="A")
    filters = improvements.clean_filters(forum, {"status": "nope", "source": "A",
                                                 "tag": "missing", "q": " "})
    assert filters == {"source": "A"}

