"""C3VOC JSON: read as pretalx and frab write it, faults named, output that validates."""

import json
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from openigf.programme.interchange import c3voc_json
from openigf.programme.interchange import records as r
from openigf.programme.interchange.records import FormatError
from tests.programme.formats import json_errors

PLUS_ONE = timezone(timedelta(hours=1))
EVENT = {
    "id": 15, "guid": "c3642671-4c1f-5109-81ba-0535c1cc8428", "logo": "",
    "date": "2020-12-28T00:30:00+01:00", "start": "00:30", "duration": "00:40",
    "room": "Stage", "slug": "MJA8QY", "url": "https://pretalx.example.org/talk/MJA8QY/",
    "title": "Der faule Admin", "subtitle": "", "track": "Freifunk",
    "type": "Talk 30 min + 10min Q&A", "language": "de", "abstract": "Kurz\r\nund gut",
    "description": "Lang", "recording_license": "", "do_not_record": True,
    "persons": [{"id": 20, "code": "SCD9VJ", "public_name": "Chris F.", "biography": ""}],
    "links": [{"url": "https://example.org/", "title": "Home", "type": "web"}],
    "attachments": [], "answers": []}


def document(*events, day_start="2020-12-27T04:00:00+01:00"):
    return {"$schema": "../schema.json", "schedule": {"version": "1.3", "conference": {
        "acronym": "rc3-channels-2020", "title": "rC3 Channels", "start": "2020-12-27",
        "end": "2020-12-27", "daysCount": 1, "timeslot_duration": "00:05",
        "days": [{"index": 1, "date": "2020-12-27", "day_start": day_start,
                  "day_end": "2020-12-28T03:59:00+01:00",
                  "rooms": {"Stage": list(events)}}]}}}


def test_read_keeps_every_field_and_the_day_change():
    schedule = c3voc_json.read(json.dumps(document(EVENT), indent=1).encode())
    assert schedule.conference.day_change == time(4, 0)
    assert schedule.conference.time_zone == ""
    [event] = schedule.events
    assert event == r.Event(
        where="line 22, days[0].rooms['Stage'][0]",
        guid="c3642671-4c1f-5109-81ba-0535c1cc8428", title="Der faule Admin",
        start=datetime(2020, 12, 28, 0, 30, tzinfo=PLUS_ONE), duration=40, room="Stage",
        id=15, slug="MJA8QY", url="https://pretalx.example.org/talk/MJA8QY/",
        track="Freifunk", type="Talk 30 min + 10min Q&A", language="de",
        abstract="Kurz\r\nund gut", description="Lang", do_not_record=True,
        persons=[r.Person("Chris F.", id=20, code="SCD9VJ")],
        links=[r.Reference("https://example.org/", "Home", "web")])
    [day] = [d for d in r.days_of(schedule, ZoneInfo("Etc/GMT-1")) if d.events]
    assert day.date.isoformat() == "2020-12-27"


@pytest.mark.parametrize(("text", "message"), [
    ('{"schedule": {\n"conference": [}', "line 2: not valid JSON (Expecting value)."),
    ('{"events": []}', "line 1, schedule.conference.days: not found; this is not a C3VOC"),
    (json.dumps(document({**EVENT, "date": "soon"}), indent=1),
     "line 22, days[0].rooms['Stage'][0], date: 'soon' is not a date and time with its offset"),
    (json.dumps(document({**EVENT, "title": ""}), indent=1),
     "line 22, days[0].rooms['Stage'][0]: the event has no title."),
    (json.dumps(document({**EVENT, "persons": "Chris"}), indent=1),
     "line 22, days[0].rooms['Stage'][0], persons: not a list."),
])
def test_a_faulty_file_is_refused_naming_line_and_element(text, message):
    with pytest.raises(FormatError) as error:
        c3voc_json.read(text.encode())
    assert str(error.value).startswith(message)


def test_an_encoding_other_than_utf_is_refused_with_a_message():
    data = json.dumps(document({**EVENT, "title": "Café"}), ensure_ascii=False,
                      indent=1).encode("latin-1")
    with pytest.raises(FormatError, match="line 30: the file is not UTF-8 text .byte 0xE9 "
                                          "cannot be read.; its encoding is not supported: "
                                          "save it as UTF-8"):
        c3voc_json.read(data)


def test_utf16_with_its_mark_is_read():
    data = json.dumps(document(EVENT), ensure_ascii=False).encode("utf-16")
    assert [e.title for e in c3voc_json.read(data).events] == ["Der faule Admin"]


@pytest.mark.shared_data
def test_written_file_validates_and_reads_back_the_same(shared_data):
    schedule = c3voc_json.read(json.dumps(document(EVENT)).encode())
    schedule.rooms.append(r.Room("A"))  # a one-letter slug would not validate
    body = c3voc_json.write(schedule, ZoneInfo("Etc/GMT-1"))
    assert json_errors(body) == []
    again = c3voc_json.read(body.encode())
    fields = ("guid", "title", "start", "duration", "room", "id", "track", "type", "language",
              "abstract", "description", "do_not_record", "persons", "links")
    assert [[getattr(e, f) for f in fields] for e in again.events] == \
        [[getattr(e, f) for f in fields] for e in schedule.events]
    [event] = json.loads(body)["schedule"]["conference"]["days"][0]["rooms"]["Stage"]
    assert (event["code"], event["slug"], event["end"]) == (
        "MJA8QY", "rc3_channels_2020-15-der-faule-admin", "2020-12-28T01:10:00+01:00")
