"""The analytics queries give exact figures on a small world, in a fixed number of queries."""

import pytest

from openigf.analytics import baseline, queries
from openigf.people.enums import StakeholderGroup
from tests.analytics.fixture import NOW, register, small_world
from tests.factories import PersonFactory, country, mag_member_of

pytestmark = pytest.mark.django_db


def test_funnel_totals_follow_people_from_registration_to_the_microphone():
    result = queries.funnel(small_world())
    assert dict(result.totals) == {"registered": 3, "checked_in": 2, "proposed": 1,
                                   "organised": 1, "spoke": 2, "heard": 400}
    assert result.words == 500


def test_funnel_by_stakeholder_group_counts_each_stage_and_share_of_words():
    result = queries.funnel(small_world())
    table = {row["key"]: row for row in queries.funnel_table(
        result, "stakeholder_group", StakeholderGroup.choices)}
    assert table["civil_society"] == {
        "key": "civil_society", "label": "Civil society", "registered": 1, "checked_in": 1,
        "proposed": 1, "organised": 1, "spoke": 0, "heard": 0.0}
    assert table["government"] == {
        "key": "government", "label": "Government", "registered": 1, "checked_in": 0,
        "proposed": 0, "organised": 0, "spoke": 1, "heard": 60.0}
    assert (table["academia"]["spoke"], table["academia"]["heard"]) == (1, 20.0)
    assert table[""]["heard"] == 20.0  # words no speaker was linked to
    assert table["technical"]["registered"] == 1 and table["technical"]["checked_in"] == 1


def test_funnel_by_development_country_funding_and_youth():
    result = queries.funnel(small_world())
    dev = result.cells["development"]
    assert (dev["developing"]["registered"], dev["developing"]["checked_in"],
            dev["developing"]["organised"]) == (2, 2, 1)
    assert (dev["developed"]["registered"], dev["developed"]["spoke"]) == (1, 1)
    assert dev["ldc"]["registered"] == 0  # Kenya is developing, not least developed
    assert result.cells["country"]["404"]["registered"] == 2
    funding = result.cells["funding"]
    assert (funding["funded"]["registered"], funding["funded"]["proposed"],
            funding["funded"]["organised"]) == (1, 1, 1)
    assert result.cells["youth"]["yes"]["registered"] == 1
    assert result.cells["first_time"]["yes"]["proposed"] == 1
    assert (result.cells["attendance"]["online"]["registered"],
            result.cells["attendance"]["online"]["spoke"]) == (1, 1)


def test_suppressed_table_hides_small_cells_and_the_one_that_would_give_them_away():
    table = [{"key": k, "label": k, "registered": n, "checked_in": 0, "proposed": 0,
              "organised": 0, "spoke": s, "heard": 10.0}
             for k, n, s in [("a", 40, 6), ("b", 3, 0), ("c", 12, 2), ("d", 0, 9)]]
    shown = queries.suppressed_table(table)
    assert [r["registered"] for r in shown] == [40, None, None, 0]
    assert [r["spoke"] for r in shown] == [None, 0, None, 9]
    assert [r["heard"] for r in shown] == [None, 10.0, None, 10.0]


def test_member_states_presence_counts_editions_missing():
    edition = small_world()
    editions, states = queries.member_states_presence(edition, years=2)
    assert [e.year for e in editions] == [2019, 2018]
    by_code = {s.m49: s for s in states}
    assert len(states) == 193
    assert sum(s.missing_all for s in states) == 191  # all but Kenya and Germany
    kenya, brazil, france = by_code["404"], by_code["076"], by_code["250"]
    assert (kenya.registered, kenya.spoke, kenya.organised) == (True, False, True)
    assert (by_code["276"].registered, by_code["276"].spoke) == (True, True)
    assert (brazil.missing_in_a_row, brazil.editions_missing, brazil.last_seen) == (1, 1, 2018)
    assert (france.missing_in_a_row, france.last_seen) == (2, None)  # a cancellation is no one


def test_outreach_ranks_the_longest_missing_first_and_names_their_nri():
    edition = small_world()
    ranked = queries.outreach(edition, years=2)
    assert len(ranked) == 191
    assert ranked[-1]["state"].name == "Brazil" and ranked[-1]["nris"] == ["Brazil IGF"]
    assert ranked[0]["state"].missing_in_a_row == 2 and ranked[0]["state"].flags
    _eds, states = queries.member_states_presence(edition, years=2)
    assert queries.nris_without_participants(edition, states) == [
        {"name": "Brazil IGF", "kind": "national", "country": "Brazil"}]


def test_headline_counts_registrations_checkins_and_countries():
    assert queries.headline(small_world()) == {
        "registered": 3, "onsite": 2, "online": 1, "checked_in": 2, "countries": 2,
        "member_states": 2}


def test_trends_count_each_edition_and_filter_by_region():
    edition = small_world()
    lines = queries.trends(edition.forum)
    assert [(line["year"], line["registered"], line["checked_in"], line["countries"],
             line["proposed"], line["organised"], line["spoke"]) for line in lines] == [
        (2018, 1, 0, 1, 0, 0, 0), (2019, 3, 2, 2, 1, 1, 2)]
    african = queries.trends(edition.forum, first=2019, region="african")
    assert [(line["year"], line["registered"], line["organised"], line["spoke"])
            for line in african] == [(2019, 2, 1, 0)]


def test_representation_flags_groups_under_their_share():
    edition = small_world()
    mag_member_of(edition, stakeholder_group="government", country=country("DE"))
    mag_member_of(edition, stakeholder_group="civil_society", country=country("KE"))
    result = queries.funnel(edition)
    regions = {line["key"]: line for line in queries.representation(result)["regional_group"]}
    assert regions["african"]["registered"] == 66.7 and not regions["african"]["under_registered"]
    assert regions["grulac"]["under_registered"]
    assert regions["african"]["under_spoke"]  # 67% of registrations, none of the speakers
    assert (regions["african"]["mag"], regions["weog"]["mag"], regions["eeg"]["mag"]) == (
        50.0, 50.0, 0.0)
    groups = {line["key"]: line for line in queries.representation(result)["stakeholder_group"]}
    assert (groups["government"]["mag"], groups["technical"]["mag"]) == (50.0, 0.0)


@pytest.mark.parametrize("size", [1, 12])
def test_funnel_runs_a_fixed_number_of_queries(django_assert_num_queries, size):
    edition = small_world()
    for i in range(size):
        register(edition, PersonFactory(country=country("GH"), youth=bool(i % 2)),
                 attendance="online" if i % 3 else "onsite")
    with django_assert_num_queries(5):
        queries.funnel(edition)
    with django_assert_num_queries(5):
        queries.outreach(edition)
    with django_assert_num_queries(4):
        queries.trends(edition.forum)


def _plain(result):
    return ({k: v for k, v in result.totals.items() if v}, result.words,
            {dim: {value: {k: v for k, v in c.items() if v} for value, c in cells.items()
                   if any(c.values())} for dim, cells in result.cells.items()})


def test_one_pass_counts_equal_the_counts_made_from_the_rows(monkeypatch):
    """On PostgreSQL the funnel and the trends count every classification in one pass
    (GROUPING SETS); they give exactly what a GROUP BY per classification gives, and the
    headline read from the funnel is the one counted from the registrations."""
    edition = small_world()
    codes = ["GH", "KE", "DE", "FJ", "BO", "NP", "FR"]
    for i in range(40):
        person = PersonFactory(country=country(codes[i % len(codes)]), youth=i % 3 == 0,
                               first_time=i % 4 == 0, gender=["female", "male", ""][i % 3],
                               stakeholder_group=["government", "technical", ""][i % 3])
        register(edition, person, attendance="online" if i % 5 else "onsite",
                 checked_in_at=NOW if i % 2 else None, first_time=i % 4 == 0,
                 status="cancelled" if i % 11 == 0 else "confirmed")
    fast, fast_trends = queries.funnel(edition), queries.trends(edition.forum)
    assert queries.headline_of(fast) == queries.headline(edition)
    monkeypatch.setattr(queries, "_one_pass", lambda: False)
    slow, slow_trends = queries.funnel(edition), queries.trends(edition.forum)
    assert _plain(fast) == _plain(slow)
    assert fast.totals["registered"] == 3 + 40 - 4 and fast.words == 500
    assert fast_trends == slow_trends


def test_population_baseline_names_its_source_and_its_regional_shares_add_up():
    meta = baseline.source()
    assert "World Bank" in meta["source"] and "SP.POP.TOTL" in meta["source"]
    assert meta["year"] == 2019 and meta["licence"] == "CC BY 4.0"
    people = baseline.population()
    assert all(code in people for code in queries.member_states())  # all 193 have a figure
    assert people["356"] == 1366417754  # India, as the World Bank gives it for 2019
    shares = baseline.regional_population()
    assert round(sum(shares.values()), 6) == 100.0
    assert shares["asia_pacific"] > 50 > shares["african"] > shares["eeg"]
    lines = baseline.regional_shares({"african": 6, "weog": 2, "asia_pacific": 2, "igo": 9})
    assert round(sum(line["registered"] for line in lines), 1) == 100.0
    african = next(line for line in lines if line["key"] == "african")
    assert (african["registered"], african["under_population"]) == (60.0, False)
    asia = next(line for line in lines if line["key"] == "asia_pacific")
    assert asia["registered"] == 20.0 and asia["under_population"]
