"""``openigf schedule`` and ``openigf import_schedule``, on real schedules."""

import io
import json
import os

import pytest
from django.core.management import CommandError, call_command

from openigf.programme import domain
from openigf.programme.models import Session
from tests.factories import EditionFactory, ForumFactory
from tests.programme.factories import RoomFactory, SessionFactory, windows

pytestmark = pytest.mark.django_db

GUID = "0c2b2f7e-1111-4222-8333-944444444444"
FILE = ("<schedule><conference><acronym>conf-2019</acronym><title>Conf 2019</title>"
        "<time_zone_name>Europe/Berlin</time_zone_name></conference>"
        "<day index='1' date='2019-11-26'><room name='Hall'>"
        f"<event guid='{GUID}' id='1'><date>2019-11-26T10:00:00+01:00</date>"
        "<duration>01:00</duration><title>{title}</title><type>lecture</type></event>"
        "</room></day></schedule>")


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
    for fmt in ("xml", "json", "ics"):
        body = client.get(f"/igf/2019/schedule.{fmt}").getvalue()
        target = EditionFactory(forum=edition.forum, year=2030 + len(fmt),
                                slug=f"copy-{fmt}")
        path = tmp_path / f"s.{fmt}"
        path.write_bytes(body)
        call_command("import_schedule", f"igf/copy-{fmt}", str(path), stdout=io.StringIO())
        copied = Session.objects.filter(edition=target)
        assert sorted(copied.values_list("guid", "title", "starts_at")) == sorted(
            Session.objects.filter(edition=edition).values_list("guid", "title", "starts_at"))


def test_the_json_report_names_created_updated_unchanged_and_removed(edition, tmp_path,
                                                                      capsys):
    path = tmp_path / "s.xml"
    path.write_text(FILE.format(title="Keynote"))
    call_command("import_schedule", "igf/2019", str(path), "--json", "--publish")
    first = json.loads(capsys.readouterr().out)
    assert (first["created"], first["published"]) == (
        [{"guid": GUID, "title": "Keynote"}], 1)
    path.write_text(FILE.format(title="Opening keynote"))
    call_command("import_schedule", "igf/2019", str(path), "--json", "--dry-run")
    dry = json.loads(capsys.readouterr().out)
    assert (dry["dry_run"], dry["updated"], dry["unchanged"], dry["removed"]) == (
        True, [{"guid": GUID, "title": "Opening keynote",
                "changes": {"title": ["Keynote", "Opening keynote"]}}], [], [])
    assert Session.objects.get().title == "Keynote"
    call_command("import_schedule", "igf/2019", str(path))
    assert "0 sessions created, 1 updated" in capsys.readouterr().out
    assert Session.objects.get().title == "Opening keynote"


def test_create_makes_the_edition_and_publish_shows_it(tmp_path, client, capsys):
    path = tmp_path / "s.xml"
    path.write_text(FILE.format(title="Keynote"))
    call_command("import_schedule", "newconf/2019", str(path), "--create", "--publish")
    assert capsys.readouterr().out.splitlines()[0] == "newconf/2019 were created from the file."
    assert b"Keynote" in client.get("/newconf/2019/schedule.json").getvalue()


def test_a_file_of_other_dates_asks_for_force(edition, tmp_path):
    path = tmp_path / "s.xml"
    path.write_text(FILE.format(title="Keynote").replace("2019-11-26T", "2021-11-26T"))
    with pytest.raises(CommandError, match="Add --force to import it anyway"):
        call_command("import_schedule", "igf/2019", str(path))
    call_command("import_schedule", "igf/2019", str(path), "--force", stdout=io.StringIO())
    assert Session.objects.count() == 1


def test_an_unknown_encoding_is_refused_with_a_message(edition, tmp_path):
    path = tmp_path / "s.json"
    path.write_bytes('{"schedule": {"conference": {"title": "Café"}}}'.encode("cp1252"))
    with pytest.raises(CommandError, match="line 1: the file is not UTF-8 text .byte 0xE9 "
                                           "cannot be read.; its encoding is not supported"):
        call_command("import_schedule", "igf/2019", str(path))


def test_a_bad_event_stops_the_import_and_names_its_line(edition, tmp_path):
    path = tmp_path / "bad.xml"
    path.write_text("<schedule>\n<day><room name='A'>\n<event id='1'><title>Fine</title>"
                    "<date>2019-11-26T10:00:00+01:00</date><duration>01:00</duration>"
                    "<room>A</room></event>\n<event id='2'><title>Broken</title>"
                    "<date>tomorrow</date><duration>01:00</duration></event>\n"
                    "</room></day></schedule>")
    with pytest.raises(CommandError, match="line 4, <date> of event 2: 'tomorrow'"):
        call_command("import_schedule", "igf/2019", str(path))
    assert Session.objects.count() == 0


@pytest.mark.shared_data
def test_fosdem_and_pretalx_schedules_import(edition, shared_data):
    path = os.path.join(shared_data, "schedules", "rc3-2020-channels-pretalx-schedule.json")
    call_command("import_schedule", "rc3/2020", path, "--create", stdout=io.StringIO())
    assert Session.objects.filter(edition__forum__slug="rc3").count() == 48
    assert Session.objects.filter(edition__forum__slug="rc3", language="de").count() == 19
