"""``openigf schedule`` and ``openigf import_schedule``, on real schedules."""

import json
import os

import pytest
from django.core.management import CommandError, call_command

from openigf.programme import domain
from openigf.programme.models import Session
from tests.factories import EditionFactory, ForumFactory
from tests.programme.factories import RoomFactory, SessionFactory, windows

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(forum=ForumFactory(slug="igf"), year=2019)


def test_schedule_prints_its_figures(edition, capsys):
    windows(edition, days=1)
    RoomFactory(edition=edition)
    SessionFactory.create_batch(3, edition=edition)
    call_command("schedule", "igf/2019", "--json", "--time-limit", "5", "--publish")
    figures = json.loads(capsys.readouterr().out)
    assert figures["sessions"] == 3 and figures["warnings"] == 0 and figures["version"] == 1
    with pytest.raises(CommandError, match="No edition"):
        call_command("schedule", "igf/1999")


def test_export_then_import_round_trip(edition, client, tmp_path):
    windows(edition, days=1)
    RoomFactory(edition=edition, name="Hall")
    SessionFactory.create_batch(3, edition=edition)
    domain.schedule_solve(edition=edition, time_limit=5)
    domain.release_publish(edition=edition)
    for fmt in ("xml", "json"):
        body = client.get(f"/igf/2019/schedule.{fmt}").content
        target = EditionFactory(forum=edition.forum, year=2030 + len(fmt))
        path = tmp_path / f"s.{fmt}"
        path.write_bytes(body)
        call_command("import_schedule", f"igf/{target.slug}", str(path))
        copied = Session.objects.filter(edition=target)
        assert copied.count() == 3
        assert sorted(s.starts_at for s in copied) == sorted(
            s.starts_at for s in Session.objects.filter(edition=edition))


def test_a_bad_event_stops_the_import_and_names_its_line(edition, tmp_path):
    path = tmp_path / "bad.xml"
    path.write_text("<schedule>\n<day><room name='A'>\n<event id='1'><title>Fine</title>"
                    "<date>2019-11-26T10:00:00+01:00</date><duration>01:00</duration>"
                    "<room>A</room></event>\n<event id='2'><title>Broken</title>"
                    "<date>tomorrow</date><duration>01:00</duration></event>\n"
                    "</room></day></schedule>")
    with pytest.raises(CommandError, match="line 4: the date 'tomorrow'"):
        call_command("import_schedule", "igf/2019", str(path))
    assert Session.objects.count() == 0


@pytest.mark.shared_data
def test_fosdem_and_pretalx_schedules_import(edition, shared_data):
    path = os.path.join(shared_data, "schedules", "fosdem-2025-schedule.xml")
    call_command("import_schedule", "igf/2019", path)
    assert Session.objects.filter(edition=edition).count() > 900
    other = EditionFactory(forum=edition.forum, year=2020)
    path = os.path.join(shared_data, "schedules", "rc3-2020-channels-pretalx-schedule.json")
    call_command("import_schedule", "igf/2020", path)
    assert Session.objects.filter(edition=other).count() == 48
