"""frab XML: every field read, faults named by line and element, output that validates."""

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from openigf.programme.interchange import frab_xml
from openigf.programme.interchange import records as r
from openigf.programme.interchange.records import FormatError
from tests.programme.formats import xml_errors

BERLIN = ZoneInfo("Europe/Berlin")

FILE = b"""<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <version>0.9 Night Owl</version>
  <conference>
    <acronym>camp-2023</acronym>
    <title>Camp 2023</title>
    <subtitle>Under the stars</subtitle>
    <venue>Ziegeleipark</venue>
    <city>Mildenberg</city>
    <start>2023-08-15</start>
    <end>2023-08-16</end>
    <days>2</days>
    <day_change>04:00:00</day_change>
    <timeslot_duration>00:15:00</timeslot_duration>
    <base_url>https://events.example.org/camp2023/</base_url>
    <time_zone_name>Europe/Berlin</time_zone_name>
  </conference>
  <tracks><track online_qa="false">Hardware</track><track>Art</track></tracks>
  <day index="1" date="2023-08-15" start="2023-08-15T04:00:00+02:00"
       end="2023-08-16T03:59:00+02:00">
    <room name="Milliways" guid="5a8e4a3c-9a4b-4bd6-8f0b-111111111111">
      <event guid="0c2b2f7e-1111-4222-8333-944444444444" id="101" code="ABC123">
        <date>2023-08-16T01:30:00+02:00</date>
        <start>01:30</start>
        <duration>01:15</duration>
        <room>Milliways</room>
        <slug>camp2023-101-night-soldering</slug>
        <url>https://events.example.org/camp2023/talk/ABC123/</url>
        <title>Night soldering</title>
        <subtitle>Bring a lamp</subtitle>
        <track>Hardware</track>
        <type>workshop</type>
        <language>de</language>
        <abstract>Short &lt;b&gt;text&lt;/b&gt;</abstract>
        <description>Long text</description>
        <recording><license>CC BY 4.0</license><optout>true</optout></recording>
        <feedback_url>https://events.example.org/camp2023/talk/ABC123/feedback/</feedback_url>
        <persons>
          <person id="7">Ada L.</person>
          <person id="9" guid="a6a8e111-2222-4333-8444-955555555555">Grace H.</person>
        </persons>
        <links><link href="https://example.org/kit">The kit</link></links>
        <attachments>
          <attachment type="slides" href="https://example.org/s.pdf">Slides</attachment>
        </attachments>
      </event>
    </room>
    <room name="Empty hall"></room>
  </day>
</schedule>
"""


def test_read_keeps_every_field():
    schedule = frab_xml.read(FILE)
    c = schedule.conference
    assert (c.acronym, c.title, c.subtitle, c.city, c.venue, c.start, c.end, c.time_zone,
            c.day_change, c.timeslot, c.base_url) == (
        "camp-2023", "Camp 2023", "Under the stars", "Mildenberg", "Ziegeleipark",
        datetime(2023, 8, 15).date(), datetime(2023, 8, 16).date(), "Europe/Berlin",
        time(4, 0), 15, "https://events.example.org/camp2023/")
    assert [t.name for t in schedule.tracks] == ["Hardware", "Art"]
    assert [(room.name, room.guid) for room in schedule.rooms] == [
        ("Milliways", "5a8e4a3c-9a4b-4bd6-8f0b-111111111111"), ("Empty hall", "")]
    [event] = schedule.events
    assert event == r.Event(
        where='line 22, <event id="101">', guid="0c2b2f7e-1111-4222-8333-944444444444",
        title="Night soldering", start=datetime(2023, 8, 16, 1, 30,
                                                tzinfo=timezone(timedelta(hours=2))),
        duration=75, room="Milliways", id=101, code="ABC123",
        slug="camp2023-101-night-soldering",
        url="https://events.example.org/camp2023/talk/ABC123/",
        feedback_url="https://events.example.org/camp2023/talk/ABC123/feedback/",
        subtitle="Bring a lamp", track="Hardware", type="workshop", language="de",
        abstract="Short <b>text</b>", description="Long text", do_not_record=True,
        recording_license="CC BY 4.0",
        persons=[r.Person("Ada L.", id=7),
                 r.Person("Grace H.", id=9, guid="a6a8e111-2222-4333-8444-955555555555")],
        links=[r.Reference("https://example.org/kit", "The kit")],
        attachments=[r.Reference("https://example.org/s.pdf", "Slides", "slides")])


def test_an_event_after_midnight_stays_on_the_evening_s_day():
    schedule = frab_xml.read(FILE)
    [day] = [d for d in r.days_of(schedule, BERLIN) if d.events]
    assert (day.index, day.date.isoformat(), day.start.isoformat(), day.end.isoformat()) == (
        1, "2023-08-15", "2023-08-15T04:00:00+02:00", "2023-08-16T03:59:00+02:00")


def test_an_old_file_without_dates_places_events_by_day_and_local_time():
    old = (b"<schedule><conference><time_zone_name>Europe/Berlin</time_zone_name>"
           b"<day_change>04:00</day_change></conference>"
           b"<day index='1' date='2014-12-27'><room name='Saal 1'>"
           b"<event id='1'><start>23:00</start><duration>01:00</duration><title>Late</title>"
           b"</event><event id='2'><start>01:30</start><duration>00:30</duration>"
           b"<title>Later</title></event></room></day></schedule>")
    starts = [e.start for e in frab_xml.read(old).events]
    assert starts == [datetime(2014, 12, 27, 23, 0, tzinfo=BERLIN),
                      datetime(2014, 12, 28, 1, 30, tzinfo=BERLIN)]


def test_events_without_guid_get_the_same_one_at_each_reading():
    old = b"<schedule><day><room name='A'><event id='5'><date>2020-01-01T10:00:00+00:00" \
          b"</date><duration>1:00</duration><title>T</title></event></room></day></schedule>"
    first, second = frab_xml.read(old).events[0].guid, frab_xml.read(old).events[0].guid
    assert first == second and len(first) == 36


@pytest.mark.parametrize(("data", "message"), [
    (b"<schedule>\n<day>\n<room name='A'>\n</day></schedule>",
     "line 4: not well-formed XML (Opening and ending tag mismatch: room line 3 and day"),
    (b"<agenda/>", "line 1, <agenda>: the root element is not <schedule>."),
    (b"<schedule><day><room name='A'>\n<event id='3'><date>2020-01-01T10:00:00Z</date>"
     b"<duration>1:00</duration></event></room></day></schedule>",
     'line 2, <event id="3">: the event has no <title>.'),
    (b"<schedule><day><room name='A'>\n<event id='3'><title>T</title>\n<date>tomorrow</date>"
     b"<duration>1:00</duration></event></room></day></schedule>",
     "line 3, <date> of event 3: 'tomorrow' is not a date and time with its offset"),
    (b"<schedule><day><room name='A'>\n<event id='3'><title>T</title><date>2020-01-01T10:00"
     b":00Z</date>\n<duration>long</duration></event></room></day></schedule>",
     "line 3, <duration> of event 3: the duration 'long' is not HH:MM."),
    (b'<?xml version="1.0" encoding="x-klingon"?><schedule/>',
     "line 1: Unsupported encoding: x-klingon"),
    ("<schedule><conference><title>Café</title></conference></schedule>".encode("latin-1"),
     "line 1: Invalid bytes in character encoding, line 1, column 33: the file is not in "
     "the encoding it declares (UTF-8 when it declares none)"),
])
def test_a_faulty_file_is_refused_naming_line_and_element(data, message):
    with pytest.raises(FormatError) as error:
        frab_xml.read(data)
    assert str(error.value).startswith(message)


def test_a_guid_used_twice_is_refused():
    event = (b"<event guid='0c2b2f7e-1111-4222-8333-944444444444'><title>T</title>"
             b"<date>2020-01-01T10:00:00Z</date><duration>1:00</duration></event>")
    data = b"<schedule><day><room name='A'>\n" + event + b"\n" + event + b"</room></day>" \
        b"</schedule>"
    with pytest.raises(FormatError, match="line 3, <event>: the guid 0c2b2f7e-1111-4222-8333-"
                                          "944444444444 is also the guid of the event at "
                                          "line 2"):
        frab_xml.read(data)


@pytest.mark.shared_data
def test_written_file_validates_whatever_the_values(shared_data):
    start = datetime(2023, 8, 15, 10, 0, tzinfo=BERLIN)
    events = [
        r.Event(where="", guid="0c2b2f7e-1111-4222-8333-944444444444", id=1,
                title="A title long enough to be cut right where a hyphen - falls " * 2,
                start=start, duration=60, room="A", slug="Not A Slug", logo="not a url",
                persons=[r.Person("Ada")]),
        r.Event(where="", guid="0c2b2f7e-1111-4222-8333-944444444445", id=1, title="会议",
                start=start, duration=30, room="B \x0b bell", code="lowercase")]
    schedule = r.Schedule(format="test", events=events, conference=r.Conference(
        title="X", acronym="a-b", time_zone="Europe/Berlin"),
        tracks=[r.Track("5G", colour="red", slug="5g")], rooms=[r.Room("A")])
    body = frab_xml.write(schedule, BERLIN)
    assert xml_errors(body) == []
    again = frab_xml.read(body.encode())
    assert [(e.id, e.slug) for e in again.events] == [
        (1, "a_b_-1-a-title-long-enough-to-be-cut-right-where-a-hyphen"),
        (2, "a_b_-2-session")]


@pytest.mark.shared_data
def test_written_file_reads_back_the_same(shared_data):
    schedule = frab_xml.read(FILE)
    body = frab_xml.write(schedule, BERLIN)
    assert xml_errors(body) == []
    again = frab_xml.read(body.encode())
    fields = ("guid", "title", "start", "duration", "room", "id", "code", "slug", "subtitle",
              "track", "type", "language", "abstract", "description", "do_not_record",
              "recording_license", "persons", "links", "attachments", "feedback_url")
    assert [[getattr(e, f) for f in fields] for e in again.events] == \
        [[getattr(e, f) for f in fields] for e in schedule.events]
    assert again.conference.day_change == time(4, 0)
    assert [t.name for t in again.tracks] == ["Hardware", "Art"]
