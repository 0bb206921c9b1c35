"""Public results: counts by category, stakeholder group, region and development status as
SVG bars and tables with the same figures; the list and the CSV."""

import re

import pytest

from openigf.consultation.models import Category, InputStatus
from openigf.core.csvexport import csv_unescape
from tests.consultation.factories import add_input, open_edition

pytestmark = pytest.mark.django_db


def _row(page, label):
    match = re.search(rf'<th scope="row">{re.escape(label)}</th><td class="num">(\d+)</td>',
                      page)
    return int(match.group(1)) if match else None


def test_results_count_published_inputs_by_each_classification(client):
    edition = open_edition()
    access = Category.objects.create(edition=edition, name="Access", order=0)
    add_input(edition, "Rural access in Kenya.", iso2="KE", category=access)
    add_input(edition, "Spectrum for Fiji.", iso2="FJ", group="government", category=access)
    add_input(edition, "Privacy in Germany.", iso2="DE", group="private_sector")
    add_input(edition, "Not yet confirmed.", iso2="DE", status=InputStatus.UNCONFIRMED)
    page = client.get(f"/{edition.forum.slug}/{edition.slug}/call-for-issues/").content.decode()
    assert (_row(page, "Access"), _row(page, "No category")) == (2, 1)
    assert (_row(page, "Civil society"), _row(page, "Government"),
            _row(page, "Private sector")) == (1, 1, 1)
    assert (_row(page, "African Group"), _row(page, "Asia-Pacific Group"),
            _row(page, "Western European and Others Group (WEOG)")) == (1, 1, 1)
    assert (_row(page, "Developing countries"),
            _row(page, "Small island developing states (SIDS)"),
            _row(page, "Least developed countries (LDC)")) == (2, 1, 0)
    assert page.count("<svg") >= 4 and 'class="chart-bar"' in page


def test_csv_reads_back_the_published_inputs_formula_safe(client):
    edition = open_edition()
    add_input(edition, "=HYPERLINK(\"http://evil\") is not an issue", iso2="FJ",
              group="technical")
    body = client.get(f"/{edition.forum.slug}/{edition.slug}/call-for-issues/results.csv")
    lines = body.content.decode().splitlines()
    assert len(lines) == 2
    cells = lines[1].split(",")
    assert cells[2:6] == ["en", "technical", "asia_pacific", "Fiji"]
    assert lines[1].endswith('"\'=HYPERLINK(""http://evil"") is not an issue"')
    assert csv_unescape("'=x") == "=x"


def test_inputs_page_queries_do_not_grow_with_the_inputs(client, django_assert_max_num_queries):
    edition = open_edition()
    url = f"/{edition.forum.slug}/{edition.slug}/call-for-issues/inputs/"
    add_input(edition, "One.")
    client.get(url)
    with django_assert_max_num_queries(12):
        client.get(url)
    for i in range(3):
        add_input(edition, f"More {i}.", iso2="BR")
    with django_assert_max_num_queries(12):
        assert "Brazil" in client.get(url).content.decode()
