import datetime
import io

import pytest
from django.core.management import CommandError, call_command

import bench.community_directory as bench
from openigf.community.domain import mag
from openigf.community.enums import NriStatus, PlanDecision
from openigf.community.models import Recommendation
from tests.community.factories import AnnualReportFactory, InitiativeFactory, RecommendationFactory
from tests.factories import EditionFactory, ForumFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_nri_lapse_command_lapses_as_of_a_date():
    initiative = InitiativeFactory(name="Quiet IGF")
    AnnualReportFactory(initiative=initiative, year=2018)
    out = io.StringIO()
    call_command("nri_lapse", "--as-of", "2020-04-01", stdout=out)
    initiative.refresh_from_db()
    assert initiative.status == NriStatus.LAPSED
    assert out.getvalue().splitlines() == ["lapsed: Quiet IGF (report of 2019)",
                                           "1 initiatives lapsed."]


def test_improvements_commands_round_trip(tmp_path):
    forum = ForumFactory(slug="igf")
    RecommendationFactory(forum=forum, reference="X.1")
    out = io.StringIO()
    call_command("improvements_export", stdout=out)
    path = tmp_path / "sheet.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    ForumFactory(slug="copy")
    call_command("improvements_import", str(path), "--forum", "copy", stdout=io.StringIO())
    assert list(Recommendation.objects.filter(forum__slug="copy").values_list(
        "reference", flat=True)) == ["X.1"]


def test_improvements_import_names_the_bad_line(tmp_path):
    ForumFactory(slug="igf")
    path = tmp_path / "bad.csv"
    path.write_text("recommendation,category,source,reference\nx,bogus,S,R\n", encoding="utf-8")
    with pytest.raises(CommandError, match="line 2"):
        call_command("improvements_import", str(path))


@pytest.mark.slow
def test_mag_certificates_command_writes_one_pdf_per_outgoing_member(tmp_path):
    edition = EditionFactory(forum=ForumFactory(slug="igf"), start_date=datetime.date(
        2019, 11, 25))
    person = PersonFactory()
    mag.mag_member_add(edition=edition, person=person, term=3)
    mag.mag_plan_save(edition=edition, decisions={person.pk: PlanDecision.LEAVE})
    call_command("mag_certificates", "--edition", "2019", "--out", str(tmp_path),
                 stdout=io.StringIO())
    pdfs = list(tmp_path.glob("*.pdf"))
    assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF")


def test_directory_benchmark_imports():
    assert callable(bench.main)
