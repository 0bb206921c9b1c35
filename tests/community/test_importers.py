"""CSV import and export of the improvements tracker: all or nothing, round trip."""

import pytest

from openigf.community.demo import CSTD_CSV
from openigf.community.domain import improvements as domain
from openigf.community.importers import ImportFailed, export_recommendations, parse_recommendations
from openigf.community.models import Recommendation
from tests.factories import ForumFactory

pytestmark = pytest.mark.django_db
HEADER = "recommendation,category,tags,source,reference,responsible,cost,status,remark\n"


def sheet(*lines):
    return (HEADER + "".join(line + "\n" for line in lines)).encode()


def test_round_trip_export_import_export_is_identical():
    forum = ForumFactory(slug="igf")
    domain.recommendation_save(forum=forum, text='Publish "messages", short', tags=["b", "a"],
                               category="outcomes", source="CSTD 2012", reference="A.1",
                               responsible="MAG", cost="low", status="implemented",
                               remark="Done in 2019,\nwith reports")
    domain.recommendation_save(forum=forum, text="Fund travel", category="funding",
                               source="CSTD 2012", reference="C.5", status="ongoing")
    first = export_recommendations(Recommendation.objects.filter(forum=forum))
    other = ForumFactory(slug="other")
    counts = domain.recommendations_import(forum=other, rows=parse_recommendations(first))
    assert counts == {"created": 2, "updated": 0, "rows": 2}
    assert export_recommendations(Recommendation.objects.filter(forum=other)) == first
    again = domain.recommendations_import(forum=other, rows=parse_recommendations(first))
    assert again == {"created": 0, "updated": 0, "rows": 2}


def test_import_accepts_english_labels_and_defaults():
    rows = parse_recommendations(sheet(
        "Do it,Working modalities,x; y,Retreat 2016,R.1,,,,",
        "Do more,funding,,Retreat 2016,R.2,WG-FUN,High,In progress,note"))
    assert [(r["category"], r["cost"], r["status"], r["tags"]) for r in rows] == [
        ("modalities", "unknown", "not_started", ["x", "y"]),
        ("funding", "high", "in_progress", [])]


def test_a_bad_line_imports_nothing_and_is_named():
    forum = ForumFactory(slug="igf")
    data = sheet("Good one,outcomes,,S,R.1,,,,", "Bad category,nonsense,,S,R.2,,,,",
                 "Duplicate,outcomes,,S,R.1,,,,", "Missing reference,outcomes,,S,,,,,")
    with pytest.raises(ImportFailed) as exc:
        parse_recommendations(data)
    assert [line for line, _m in exc.value.errors] == [3, 4, 5]
    assert "“nonsense” is not a known category" in exc.value.errors[0][1]
    assert "also on line 2" in exc.value.errors[1][1]
    assert Recommendation.objects.filter(forum=forum).count() == 0


def test_a_header_without_the_required_columns_is_line_one():
    with pytest.raises(ImportFailed) as exc:
        parse_recommendations(b"text,category\nx,outcomes\n")
    assert exc.value.errors[0][0] == 1
    assert "recommendation, source, reference" in exc.value.errors[0][1]


def test_a_file_that_is_not_utf8_says_so():
    with pytest.raises(ImportFailed, match="UTF-8"):
        parse_recommendations(HEADER.encode() + "é,outcomes,,S,R,,,,\n".encode("latin-1"))


def test_the_shipped_cstd_sheet_parses():
    rows = parse_recommendations(CSTD_CSV.read_bytes())
    assert len(rows) == 36
    assert {r["category"] for r in rows} == {"outcomes", "modalities", "funding",
                                             "participation", "linkages"}
