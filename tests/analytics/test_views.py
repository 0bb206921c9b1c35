"""Analytics pages: what the public and the Secretariat read, the CSV files, and a fixed
number of queries."""

import csv
import json
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from openigf.core.csvexport import csv_unescape
from tests.analytics.fixture import register, small_world
from tests.factories import PersonFactory, country, secretariat_of

pytestmark = pytest.mark.django_db


def url(name, edition, **kwargs):
    return reverse(f"analytics:{name}", kwargs={**edition.url_kwargs, **kwargs})


def csv_rows(response):

    text = b"".join(response.streaming_content if response.streaming else
                    [response.content]).decode("utf-8-sig")
    return [[csv_unescape(c) for c in row] for row in csv.reader(StringIO(text))]


def test_edition_page_shows_the_funnel_and_hides_small_cells_publicly(client):
    edition = small_world()
    page = client.get(url("edition", edition)).content.decode()
    assert "Participation in" in page and "World map of participation" in page
    assert "&lt;5" in page  # three registrations: every cell is small
    assert "191 UN member states had no participant" in page
    assert "Brazil IGF (Brazil)" in page
    assert "Outreach list" not in page


def test_edition_page_gives_the_secretariat_exact_figures(client):
    edition = small_world()
    client.force_login(secretariat_of(edition.forum))
    page = client.get(url("edition", edition)).content.decode()
    assert "&lt;5" not in page and "Outreach list" in page
    assert '<th scope="row">Registered</th><td class="num">3</td>' in page
    assert '<th scope="row">Share of the words spoken</th><td class="num">80.0%</td>' in page


def test_funnel_csv_public_hides_and_secretariat_sees(client):
    edition = small_world()
    public = csv_rows(client.get(url("funnel_csv", edition, dimension="stakeholder_group")))
    assert public[0] == ["key", "label", "registered", "checked_in", "proposed", "organised",
                         "spoke", "heard_percent"]
    assert public[1][:3] == ["government", "Government", "<5"]
    client.force_login(secretariat_of(edition.forum))
    exact = csv_rows(client.get(url("funnel_csv", edition, dimension="stakeholder_group")))
    assert exact[1] == ["government", "Government", "1", "0", "0", "0", "1", "60.0"]
    assert client.get(url("funnel_csv", edition, dimension="shoe_size")).status_code == 404


def test_summary_csv_holds_the_headline_funnel_and_shares(client):
    edition = small_world()
    rows = csv_rows(client.get(url("summary_csv", edition)))
    assert rows[0] == ["figure", "key", "group", "value"]
    assert ["headline", "registered", "", "3"] in rows
    assert ["funnel", "spoke", "", "2"] in rows and ["funnel", "heard", "", "80.0"] in rows
    assert ["share_world", "regional_group", "african", "28.0"] in rows
    assert ["share_registered", "stakeholder_group", "government", "<5"] in rows
    client.force_login(secretariat_of(edition.forum))
    rows = csv_rows(client.get(url("summary_csv", edition)))
    assert ["share_registered", "stakeholder_group", "government", "33.3"] in rows


def test_missing_page_and_csv_list_the_same_member_states(client):
    edition = small_world()
    page = client.get(url("missing", edition), {"years": 2, "region": "grulac"})
    assert "33 member states had no registered participant" in page.content.decode()
    rows = csv_rows(client.get(url("missing_csv", edition), {"years": 2, "region": "grulac"}))
    assert rows[0][-4:] == ["organised", "editions_missing_of_last_2", "missing_in_a_row",
                            "last_seen"]
    assert len(rows) == 34
    brazil = next(r for r in rows if r[1] == "Brazil")
    assert brazil == ["076", "Brazil", "grulac", "", "0", "0", "0", "1", "1", "2018"]


def test_missing_page_sets_regions_beside_their_share_of_the_population(client):
    edition = small_world()
    page = client.get(url("missing", edition)).content.decode()
    assert "Regions and their share of the world" in page
    assert "World Bank, World Development Indicators" in page and "SP.POP.TOTL" in page
    assert "2019 figures" in page and "CC BY 4.0" in page
    assert "fewer than 5" in page  # two people from Africa: hidden publicly
    client.force_login(secretariat_of(edition.forum))
    page = client.get(url("missing", edition)).content.decode()
    african = page[page.index("<th scope=\"row\">African Group</th>"):][:200]
    assert "66.7%" in african and "17.1%" in african  # of participants, of the population
    edition_page = client.get(url("edition", edition)).content.decode()
    assert "Share of the population" in edition_page and "SP.POP.TOTL" in edition_page
    rows = csv_rows(client.get(url("summary_csv", edition)))
    assert ["share_population", "regional_group", "african", "17.1"] in rows


def test_outreach_is_the_secretariats_and_exports_the_ranked_list(client):
    edition = small_world()
    client.force_login(PersonFactory())
    assert client.get(url("outreach_csv", edition)).status_code == 403
    client.force_login(secretariat_of(edition.forum))
    rows = csv_rows(client.get(url("outreach_csv", edition)))
    assert rows[0] == ["rank", "m49", "country", "regional_group", "flags", "missing_in_a_row",
                       "editions_missing", "last_seen", "nris"]
    assert len(rows) == 192 and rows[1][0] == "1"
    assert rows[-1][2:] == ["Brazil", "grulac", "", "1", "1", "2018", "Brazil IGF"]


def test_trends_page_and_csv_hold_the_same_numbers(client):
    edition = small_world()
    client.force_login(secretariat_of(edition.forum))
    page = client.get(reverse("analytics:trends", kwargs={"forum": "igf"}),
                      {"region": "african"}).content.decode()
    assert "Registrations by UN regional group" in page and "<svg" in page
    rows = csv_rows(client.get(reverse("analytics:trends_csv", kwargs={"forum": "igf"}),
                               {"region": "african"}))
    assert rows[0][:10] == ["year", "edition", "registered", "onsite", "online", "checked_in",
                            "countries", "proposed", "organised", "spoke"]
    assert rows[2][:10] == ["2019", edition.title, "2", "2", "0", "2", "1", "1", "1", "0"]
    assert '<th scope="row">2019</th><td class="num">2</td><td class="num">2</td>' in page


def test_trends_csv_hides_small_counts_publicly(client):
    edition = small_world()
    rows = csv_rows(client.get(reverse("analytics:trends_csv", kwargs={"forum": "igf"})))
    assert rows[2][:4] == ["2019", edition.title, "<5", "<5"]


@pytest.mark.parametrize("size", [1, 10])
def test_edition_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    edition = small_world()
    for _i in range(size):
        register(edition, PersonFactory(country=country("GH")))
    client.get(url("edition", edition))  # warm the per-process map
    cache.clear()
    with django_assert_num_queries(13):  # the figures computed
        assert client.get(url("edition", edition)).status_code == 200
    with django_assert_num_queries(3):  # the figures from the cache
        assert client.get(url("edition", edition)).status_code == 200


def test_edition_page_counts_a_new_registration_at_once(client):
    edition = small_world()
    client.force_login(secretariat_of(edition.forum))
    assert '<th scope="row">Registered</th><td class="num">3</td>' in client.get(
        url("edition", edition)).content.decode()
    register(edition, PersonFactory(country=country("GH")))
    assert '<th scope="row">Registered</th><td class="num">4</td>' in client.get(
        url("edition", edition)).content.decode()


@pytest.mark.parametrize("size", [1, 10])
def test_trends_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    edition = small_world()
    for _i in range(size):
        register(edition, PersonFactory(country=country("GH")))
    with django_assert_num_queries(7):  # the figures computed
        assert client.get(reverse("analytics:trends", kwargs={"forum": "igf"})).status_code == 200
    with django_assert_num_queries(3):  # the figures from the cache
        assert client.get(reverse("analytics:trends", kwargs={"forum": "igf"})).status_code == 200


def test_command_prints_headline_and_missing_member_states_as_json():
    small_world()
    out = StringIO()
    call_command("analytics", "igf/2019", "--json", stdout=out)
    result = json.loads(out.getvalue())
    assert result["headline"]["registered"] == 3
    assert len(result["missing_member_states"]) == 191
    assert result["editions_looked_at"] == [2019, 2018]
