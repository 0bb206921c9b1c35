"""iCalendar: what Sched, Indico and calendar programs export; all or nothing; output
that calendar programs accept (RFC 5545)."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from openigf.programme.interchange import ical
from openigf.programme.interchange import records as r
from openigf.programme.interchange.records import FormatError
from tests.programme.formats import ical_errors

PARIS = ZoneInfo("Europe/Paris")

# As Sched writes it: floating local times named by X-WR-TIMEZONE, type and theme in
# CATEGORIES, the room in LOCATION.
SCHED = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Sched.com//EN\r
X-WR-CALNAME:IGF 2025\r
X-WR-TIMEZONE:Europe/Paris\r
BEGIN:VEVENT\r
UID:6c1b1e5b0e3a5f3b5a1c1d7e8f9a0b1c@sched.com\r
DTSTAMP:20250601T120000Z\r
DTSTART:20250623T100000\r
DTEND:20250623T113000\r
SUMMARY;LANGUAGE=fr:Gouvernance des données\r
LOCATION:Workshop Room 2\r
CATEGORIES:Data Governance,Workshop\r
DESCRIPTION:Speakers: A\\, B\\nModerator: C\r
URL:https://igf2025.sched.com/event/abc\r
ATTENDEE;CN="Jane Doe";ROLE=CHAIR:mailto:jane@example.org\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:indico-contribution-77@indico.example.org\r
DTSTAMP:20250601T120000Z\r
DTSTART;TZID=Europe/Oslo:20250624T090000\r
DURATION:PT45M\r
SUMMARY:Opening\r
STATUS:CONFIRMED\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:gone@sched.com\r
DTSTAMP:20250601T120000Z\r
DTSTART:20250624T090000Z\r
SUMMARY:Dropped\r
STATUS:CANCELLED\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_read_takes_room_from_location_and_theme_from_categories():
    schedule = ical.read(SCHED.encode())
    first, second = schedule.events
    assert first == r.Event(
        where="line 6, VEVENT '6c1b1e5b0e3a5f3b5a1c1d7e8f9a0b1c@sched.com'",
        guid="6c1b1e5b-0e3a-5f3b-5a1c-1d7e8f9a0b1c", title="Gouvernance des données",
        start=datetime(2025, 6, 23, 10, 0, tzinfo=PARIS), duration=90,
        room="Workshop Room 2", track="Data Governance",
        categories=["Data Governance", "Workshop"], language="fr",
        description="Speakers: A, B\nModerator: C",
        origin_url="https://igf2025.sched.com/event/abc",
        persons=[r.Person("Jane Doe", role="moderator")])
    assert (second.start, second.duration, second.room) == (
        datetime(2025, 6, 24, 9, 0, tzinfo=ZoneInfo("Europe/Oslo")), 45, "")
    assert [t.name for t in schedule.tracks] == ["Data Governance"]
    assert schedule.notes == ["Cancelled in the calendar, not imported: Dropped"]
    assert schedule.conference.title == "IGF 2025"


def test_a_uid_gives_the_same_guid_at_each_import():
    assert ical.read(SCHED.encode()).events[1].guid == \
        ical.read(SCHED.encode()).events[1].guid


@pytest.mark.parametrize(("replace", "message"), [
    (("DTSTART:20250623T100000", "DTSTART;VALUE=DATE:20250623"),
     "line 9, DTSTART of VEVENT '6c1b1e5b0e3a5f3b5a1c1d7e8f9a0b1c@sched.com': an all-day "
     "event; a session needs a start time."),
    (("DTSTART:20250623T100000", "DTSTART:tomorrow"),
     "line 9, DTSTART of VEVENT '6c1b1e5b0e3a5f3b5a1c1d7e8f9a0b1c@sched.com': "),
    (("DURATION:PT45M", "DURATION:PT45M\r\nRRULE:FREQ=DAILY;COUNT=3"),
     "line 23, RRULE of VEVENT 'indico-contribution-77@indico.example.org': a repeating "
     "event"),
    (("SUMMARY:Opening\r\n", ""),
     "line 18, VEVENT 'indico-contribution-77@indico.example.org': the event has no "
     "SUMMARY."),
    (("END:VEVENT\r\nBEGIN:VEVENT\r\nUID:indico", "BEGIN:VEVENT\r\nUID:indico"),
     "line 17, BEGIN:VEVENT: the VEVENT of line 6 is not closed (END:VEVENT)."),
    (("END:VCALENDAR", "END:VEVENT"), "line 33, END:VEVENT: it closes BEGIN:VCALENDAR of "
                                      "line 1."),
])
def test_a_faulty_event_stops_the_whole_file(replace, message):
    with pytest.raises(FormatError) as error:
        ical.read(SCHED.replace(*replace).encode())
    assert str(error.value).startswith(message)


def test_written_file_follows_rfc_5545_and_reads_back():
    schedule = ical.read(SCHED.encode())
    stamp = datetime(2025, 6, 20, 8, 0, tzinfo=UTC)
    body = ical.write(schedule, PARIS, stamp=stamp, sequence=3, name="IGF 2025")
    assert ical_errors(body) == []
    assert body.count(b"DTSTAMP:20250620T080000Z") == 2
    again = ical.read(body)
    assert [(e.guid, e.title, e.start, e.duration, e.room, e.track, e.description)
            for e in again.events] == [
        (e.guid, e.title, e.start, e.duration, e.room, e.track, e.description)
        for e in schedule.events]
    assert ical.write(schedule, PARIS, stamp=stamp, sequence=3, name="IGF 2025") == body
