"""The demo call for issues of 2019: 300+ inputs in six languages, grouped, adopted as the
three 2019 themes; loading it again adds nothing."""

import io
import random

import pytest

from openigf.consultation import demo
from openigf.consultation.demo_texts import compose
from openigf.consultation.models import Grouping, Input
from openigf.core.demo import DemoContext
from openigf.forums import demo as forums_demo
from openigf.people import demo as people_demo


def test_composed_inputs_are_many_different_and_multilingual():
    rows = compose(random.Random("seed"))
    assert len(rows) == 320 and len({r["text"] for r in rows}) == 320
    assert {r["language"] for r in rows} == {"en", "fr", "es", "zh", "ar", "ru"}
    assert sum(r["language"] != "en" for r in rows) > 60


@pytest.mark.django_db
def test_demo_adopts_the_three_2019_themes_and_runs_once(tmp_path):

    ctx = DemoContext(out=io.StringIO())
    people_demo.load(ctx)
    forums_demo.load(ctx)
    demo.load(ctx)
    demo.load(ctx)
    inputs = Input.objects.filter(edition__slug="2019")
    assert inputs.count() == 322 and inputs.filter(status="hidden").count() == 2
    adopted = Grouping.objects.get(adopted_at__isnull=False)
    names = sorted(t.name for t in adopted.themes.all())
    assert names == ["Data Governance", "Digital Inclusion",
                     "Security, Safety, Stability and Resilience"]
    edition = adopted.edition
    assert sorted(t.name for t in edition.themes.all()) == names
    assert adopted.placements.count() == 320
