"""Browser journey: the Secretariat opens the trends, filters by region, downloads the CSV
and finds the page's numbers in it; the edition's page and map are accessible."""

import csv
import io
from pathlib import Path

import pytest

from openigf.core.csvexport import csv_unescape
from tests.analytics.fixture import small_world
from tests.community.test_browser import sign_in
from tests.core.test_browser import serious_violations
from tests.factories import secretariat_of

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.django_db(transaction=True)
def test_trends_filtered_by_region_match_their_csv(page):
    edition = small_world()
    staff = secretariat_of(edition.forum, email="staff@example.org")
    staff.set_password("pw-staff-1")
    staff.save()
    sign_in(page, "staff@example.org", "pw-staff-1")
    page.goto("/igf/analytics/")
    assert serious_violations(page) == []
    page.get_by_label("UN regional group", exact=True).select_option(label="African Group")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**region=african**")
    table = page.get_by_role("figure", name="Participants per edition").get_by_role("table")
    row = table.get_by_role("row", name="2019")
    shown = [c.inner_text() for c in row.get_by_role("cell").all()]
    assert shown == ["2", "2", "0", "2"]
    with page.expect_download() as download:
        page.get_by_role("link", name="Download these figures (CSV)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = [[csv_unescape(c) for c in r] for r in csv.reader(io.StringIO(text))]
    by_year = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert [by_year["2019"][k] for k in ("registered", "onsite", "online", "checked_in")] == \
        shown
    assert by_year["2018"]["registered"] == "0"

    page.goto("/igf/2019/analytics/")
    assert page.get_by_role("img", name="World map of participation").count() == 1
    assert serious_violations(page) == []
