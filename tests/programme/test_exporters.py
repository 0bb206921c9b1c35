"""Every export validates (C3VOC XML Schema, C3VOC JSON Schema, RFC 5545), is in the
edition's zone, and gives back, field by field, the schedule that was imported."""

import csv
import io
import json
from datetime import datetime

import pytest
from django.core.management import call_command
from lxml import etree

from openigf.forums.models import Edition
from openigf.programme import domain
from openigf.programme.importers import import_schedule
from openigf.programme.interchange import c3voc_json, frab_xml, ical
from tests.factories import EditionFactory, ForumFactory, ThemeFactory
from tests.programme.factories import RoomFactory, SessionFactory, SessionPersonFactory
from tests.programme.formats import ical_errors, json_errors, xml_errors

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data]

FIELDS = ("guid", "title", "subtitle", "start", "duration", "room", "track", "type",
          "language", "abstract", "description", "do_not_record", "links", "attachments")


def exports(client, edition) -> dict:
    base = f"/{edition.forum.slug}/{edition.slug}/schedule."
    return {fmt: client.get(base + fmt).getvalue() for fmt in ("xml", "json", "ics", "csv")}


def assert_valid(files: dict) -> None:
    assert xml_errors(files["xml"]) == []
    assert json_errors(files["json"]) == []
    assert ical_errors(files["ics"]) == []
    root = etree.fromstring(files["xml"])
    conference = json.loads(files["json"])["schedule"]["conference"]
    assert int(root.findtext("conference/days")) == len(root.findall("day")) == \
        conference["daysCount"] == len(conference["days"])


def same_fields(mine, theirs):
    """Each event's fields, and its people as (name, id), in the file's order."""
    def rows(schedule):
        return [[getattr(e, f) for f in FIELDS] + [[(p.name, p.id) for p in e.persons]]
                for e in sorted(schedule.events, key=lambda e: e.guid)]
    return rows(mine) == rows(theirs)


@pytest.mark.slow
def test_demo_exports_validate(client, shared_data):
    call_command("load_demo", stdout=io.StringIO())
    published = Edition.objects.filter(forum__slug="igf", releases__isnull=False).distinct()
    assert published.exists()  # the demo's earlier editions have participation, no programme
    for edition in published:
        files = exports(client, edition)
        assert_valid(files)
        xml = frab_xml.read(files["xml"])
        assert len(xml.events) == edition.releases.first().placements.__len__() > 0
        assert same_fields(xml, c3voc_json.read(files["json"]))


@pytest.mark.slow
def test_fosdem_2025_round_trips_field_by_field(client, shared_data):
    original = (shared_data / "schedules" / "fosdem-2025-schedule.xml").read_bytes()
    report = import_schedule(data=original, forum="fosdem", slug="2025", create=True,
                             publish=True)
    assert (len(report.created), len(report.rooms_created), len(report.themes_created),
            report.published) == (943, 40, 74, 1)
    edition = Edition.objects.get(forum__slug="fosdem")
    files = exports(client, edition)
    assert_valid(files)
    source, xml, js = (frab_xml.read(original), frab_xml.read(files["xml"]),
                       c3voc_json.read(files["json"]))
    assert same_fields(xml, source) and same_fields(js, source)
    assert [t.name for t in xml.tracks] == [t.name for t in source.tracks]
    day = etree.fromstring(files["xml"]).find("day")
    assert (day.get("start"), day.get("end")) == ("2025-02-01T09:00:00+01:00",
                                                  "2025-02-02T08:59:00+01:00")
    assert len(import_schedule(data=files["xml"], edition=edition).unchanged) == 943
    again = import_schedule(data=original, edition=edition, publish=True)
    assert (len(again.unchanged), again.created, again.updated, again.published) == (
        943, [], [], None)


def test_rc3_round_trips_field_by_field(client, shared_data):
    original = (shared_data / "schedules" / "rc3-2020-channels-pretalx-schedule.json"
                ).read_bytes()
    import_schedule(data=original, forum="rc3", slug="2020", create=True, publish=True)
    edition = Edition.objects.get(forum__slug="rc3")
    assert (edition.timezone, edition.day_change.isoformat()) == ("Etc/GMT-1", "04:00:00")
    files = exports(client, edition)
    assert_valid(files)
    source, js, xml = (c3voc_json.read(original), c3voc_json.read(files["json"]),
                       frab_xml.read(files["xml"]))
    assert same_fields(js, source) and same_fields(xml, source)
    codes = {e.guid: e.code for e in xml.events}
    assert all(codes[e.guid] == e.slug for e in source.events)  # pretalx's slug is its code
    assert sum(e.do_not_record for e in js.events) == 3
    assert len(import_schedule(data=original, edition=edition).unchanged) == 48


def test_icalendar_export_round_trips(client, shared_data):
    edition = EditionFactory(forum=ForumFactory(slug="igf"), year=2019)
    room, theme = RoomFactory(edition=edition, name="Raum I"), ThemeFactory(edition=edition)
    start = datetime.fromisoformat("2019-11-26T10:00:00+01:00")
    for n in range(3):
        SessionFactory(edition=edition, title=f"Session {n}", starts_at=start, room=room,
                       theme=theme, description=f"About {n}, with a ; and a \\.")
    domain.release_publish(edition=edition, accept_broken=True)  # three at once, on purpose
    body = exports(client, edition)["ics"]
    assert ical_errors(body) == []
    assert body == exports(client, edition)["ics"]  # stable: same UIDs and DTSTAMP
    target = EditionFactory(forum=edition.forum, year=2020, start_date=edition.start_date,
                            end_date=edition.end_date)
    import_schedule(data=body, edition=target)
    assert sorted(target.sessions.values_list("guid", "title", "starts_at", "room__name",
                                              "theme__name", "description")) == \
        sorted(edition.sessions.values_list("guid", "title", "starts_at", "room__name",
                                            "theme__name", "description"))


def test_exports_are_in_the_edition_zone_with_its_offset(client, shared_data):
    edition = EditionFactory(forum=ForumFactory(slug="igf"), year=2019, timezone="Asia/Tokyo")
    room = RoomFactory(edition=edition, name="A")
    session = SessionFactory(edition=edition, room=room, kind="open_forum",
                             starts_at=datetime.fromisoformat("2019-11-26T01:00:00+00:00"))
    SessionPersonFactory(session=session, name="Moderator M", role="moderator")
    domain.release_publish(edition=edition)
    files = exports(client, edition)
    assert_valid(files)
    [row] = csv.DictReader(io.StringIO(files["csv"].decode()))
    assert (row["start"], row["end"], row["type"], row["moderators"]) == (
        "2019-11-26T10:00:00+09:00", "2019-11-26T11:00:00+09:00", "Open forum", "Moderator M")
    event = etree.fromstring(files["xml"]).find(".//event")
    assert (event.findtext("date"), event.findtext("start"), event.findtext("type")) == (
        "2019-11-26T10:00:00+09:00", "10:00", "Open forum")
    [js] = [e for d in json.loads(files["json"])["schedule"]["conference"]["days"]
            for es in d["rooms"].values() for e in es]
    assert (js["date"], js["end"]) == ("2019-11-26T10:00:00+09:00", "2019-11-26T11:00:00+09:00")
    assert b"DTSTART;TZID=Asia/Tokyo:20191126T100000" in files["ics"]


def test_an_edition_of_five_days_has_five_days_everywhere(client, shared_data):
    edition = EditionFactory(forum=ForumFactory(slug="igf"), year=2019)
    edition.start_date = edition.start_date.replace(day=25)
    edition.save()
    room = RoomFactory(edition=edition)
    SessionFactory(edition=edition, room=room,
                   starts_at=datetime.fromisoformat("2019-11-27T02:00:00+01:00"))
    domain.release_publish(edition=edition)
    files = exports(client, edition)
    assert_valid(files)
    root = etree.fromstring(files["xml"])
    assert [d.get("date") for d in root.findall("day") if d.find(".//event") is not None] == [
        "2019-11-26"]  # 02:00 is before the 04:00 day change
    assert len(root.findall("day")) == 5


def test_ical_import_of_a_published_export_changes_nothing(client, shared_data):
    edition = EditionFactory(forum=ForumFactory(slug="igf"), year=2019)
    SessionFactory(edition=edition, room=RoomFactory(edition=edition),
                   starts_at=datetime.fromisoformat("2019-11-26T10:00:00+01:00"))
    domain.release_publish(edition=edition)
    for fmt in ("xml", "json", "ics"):
        report = import_schedule(data=exports(client, edition)[fmt], edition=edition)
        assert (len(report.unchanged), report.created, report.updated) == (1, [], []), fmt
    assert ical.read(exports(client, edition)["ics"]).events[0].guid == \
        str(edition.sessions.get().guid)
