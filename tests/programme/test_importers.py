"""Importing a schedule into an edition: all or nothing, matched by guid, nothing lost."""

import datetime

import pytest

from openigf.core.errors import ApplicationError
from openigf.core.models import AuditEntry
from openigf.forums.models import Edition, Forum, Theme
from openigf.programme.importers import import_schedule, kind_of
from openigf.programme.models import Room, Session
from tests.factories import EditionFactory, ForumFactory, PersonFactory, ThemeFactory

pytestmark = pytest.mark.django_db

GUIDS = ["0c2b2f7e-1111-4222-8333-94444444444" + str(n) for n in range(10)]


def event(n, title=None, start="2019-11-26T10:00:00+01:00", room="Hall A",
          type_="lecture", language="de", track="Security", persons=("Ada L.",)):
    people = "".join(f'<person id="{40 + i}">{p}</person>' for i, p in enumerate(persons))
    return (f'<event guid="{GUIDS[n]}" id="{100 + n}"><date>{start}</date>'
            f"<duration>00:45</duration><room>{room}</room><title>{title or f'Talk {n}'}"
            f"</title><subtitle>Sub {n}</subtitle><track>{track}</track><type>{type_}</type>"
            f"<language>{language}</language><abstract>Abstract {n}</abstract>"
            f"<description>Description {n}</description><persons>{people}</persons>"
            f'<links><link href="https://example.org/{n}">Page {n}</link></links>'
            "<recording><license/><optout>true</optout></recording></event>")


def frab(*events, acronym="conf-2019", day_change="04:00"):
    return (f"<schedule><version>1</version><conference><acronym>{acronym}</acronym>"
            f"<title>Conference 2019</title><start>2019-11-26</start><end>2019-11-27</end>"
            f"<day_change>{day_change}</day_change>"
            "<time_zone_name>Europe/Berlin</time_zone_name></conference>"
            "<day index='1' date='2019-11-26'><room name='Hall A'>" + "".join(events) +
            "</room></day></schedule>").encode()


@pytest.fixture
def edition():
    return EditionFactory(forum=ForumFactory(slug="igf"), year=2019)


def test_an_import_keeps_every_field(edition):
    ThemeFactory(edition=edition, name="security", slug="security")
    report = import_schedule(edition=edition, data=frab(event(0)))
    session = Session.objects.get(edition=edition)
    assert (report.created, report.rooms_created, report.themes_created) == (
        [{"guid": GUIDS[0], "title": "Talk 0"}], ["Hall A"], [])
    assert (str(session.guid), session.title, session.subtitle, session.abstract,
            session.description, session.kind, session.type_label, session.get_kind_display(),
            session.language, session.get_language_display(), session.theme.name,
            session.room.name, session.starts_at, session.duration, session.do_not_record,
            session.links, session.number, session.fixed) == (
        GUIDS[0], "Talk 0", "Sub 0", "Abstract 0", "Description 0", "other", "lecture",
        "lecture", "de", "German", "security", "Hall A",
        datetime.datetime(2019, 11, 26, 9, 0, tzinfo=datetime.UTC), 45, True,
        [{"url": "https://example.org/0", "title": "Page 0", "type": ""}], None, True)
    assert session.source == {"id": 100, "from": "conf-2019", "format": "frab-xml"}
    assert [(p.name, p.role, p.source) for p in session.people.all()] == [
        ("Ada L.", "speaker", {"id": 40})]


@pytest.mark.parametrize(("type_name", "expected"), [
    ("Workshop", ("workshop", "")), ("workshop", ("workshop", "workshop")),
    ("Open forum", ("open_forum", "")), ("main_session", ("main", "main_session")),
    ("Main session", ("main", "")), ("podium", ("other", "podium")), ("", ("other", "")),
])
def test_types_map_to_the_igf_kinds_or_stay_named(type_name, expected):
    assert kind_of(type_name) == expected


def test_a_missing_track_becomes_a_theme(edition):
    import_schedule(edition=edition, data=frab(event(0, track="Privacy &amp; Trust")))
    theme = Theme.objects.get(edition=edition)
    assert (theme.name, theme.slug, theme.colour) == ("Privacy & Trust", "privacy-trust",
                                                       "#1b5e91")


def test_the_same_file_twice_changes_nothing(edition):
    data = frab(event(0), event(1, start="2019-11-27T01:30:00+01:00"))
    import_schedule(edition=edition, data=data)
    audit = AuditEntry.objects.count()
    report = import_schedule(edition=edition, data=data, publish=True)
    assert (len(report.unchanged), report.created, report.updated, report.removed) == (
        2, [], [], [])
    assert report.published == 1  # nothing was published yet
    report = import_schedule(edition=edition, data=data, publish=True)
    assert (len(report.unchanged), report.published) == (2, None)
    assert AuditEntry.objects.count() == audit + 1  # the one release
    assert Session.objects.filter(edition=edition).count() == 2


def test_a_changed_file_updates_by_guid_and_reports_what_it_no_longer_has(edition):
    person = PersonFactory()
    import_schedule(edition=edition, data=frab(event(0), event(1), event(2)))
    session = Session.objects.get(guid=GUIDS[0])
    ada = session.people.get()
    ada.person, ada.email = person, "ada@example.org"
    ada.save()
    report = import_schedule(edition=edition, data=frab(
        event(0, title="A new title", persons=("Ada L.", "Grace H.")), event(2)))
    assert [(e["title"], sorted(e["changes"])) for e in report.updated] == [
        ("A new title", ["people", "title"])]
    assert report.updated[0]["changes"]["title"] == ["Talk 0", "A new title"]
    assert report.removed == [{"guid": GUIDS[1], "title": "Talk 1"}]
    assert [e["title"] for e in report.unchanged] == ["Talk 2"]
    session.refresh_from_db()
    assert session.title == "A new title"
    assert [(p.name, p.person, p.email) for p in session.people.all()] == [
        ("Ada L.", person, "ada@example.org"), ("Grace H.", None, "")]
    assert Session.objects.filter(edition=edition).count() == 3


def test_sessions_of_another_source_are_not_reported_removed(edition):
    import_schedule(edition=edition, data=frab(event(0)))
    report = import_schedule(edition=edition, data=frab(event(1), acronym="other-2019"))
    assert report.removed == []


def test_an_unknown_language_is_kept_and_exported_as_given(edition):
    report = import_schedule(edition=edition, data=frab(event(0, language="tlh")))
    session = Session.objects.get()
    assert (session.language, session.source["language"]) == ("other", "tlh")
    assert report.warnings == ['line 1, <event id="100">: the language \'tlh\' is no ISO 639 '
                               "code; kept as “other” (and in the exports as given)."]
    again = import_schedule(edition=edition, data=frab(event(0, language="tlh")))
    assert len(again.unchanged) == 1


def test_language_codes_are_read_as_iso_codes(edition):
    import_schedule(edition=edition, data=frab(event(0, language="pt_BR"),
                                               event(1, language="German"),
                                               event(2, language="")))
    assert list(Session.objects.order_by("title").values_list("language", flat=True)) == [
        "pt", "de", "en"]


def test_dates_outside_the_edition_need_force(edition):
    data = frab(event(0, start="2025-02-01T10:00:00+01:00"))
    with pytest.raises(ApplicationError, match=r"The file's dates \(2019-11-26 to 2025-02-01\)"
                                               r" are not the edition's \(2019-11-26 to "
                                               r"2019-11-29\): 1 day\(s\) outside, first "
                                               r"2025-02-01. Is this the right edition\? Add "
                                               r"--force"):
        import_schedule(edition=edition, data=data)
    assert Session.objects.count() == 0
    report = import_schedule(edition=edition, data=data, force=True)
    assert len(report.created) == 1 and report.warnings[0].startswith("The file's dates")


def test_a_bad_event_keeps_nothing(edition):
    data = frab(event(0), event(1, title="x" * 251))
    with pytest.raises(ApplicationError, match=r'line 1, <event id="101">: title: Ensure this '
                                               r"value has at most 250 characters"):
        import_schedule(edition=edition, data=data)
    assert (Session.objects.count(), Room.objects.count(), Theme.objects.count()) == (0, 0, 0)


def test_create_makes_the_forum_and_edition_from_the_file():
    report = import_schedule(data=frab(event(0), day_change="05:00"), forum="conf",
                             slug="2019", create=True)
    edition = Edition.objects.get(forum__slug="conf", slug="2019")
    assert report.edition_created and report.edition == "conf/2019"
    assert (edition.forum.name, edition.title, edition.year, edition.start_date,
            edition.end_date, edition.timezone, edition.day_change) == (
        "Conference", "Conference 2019", 2019, datetime.date(2019, 11, 26),
        datetime.date(2019, 11, 27), "Europe/Berlin", datetime.time(5, 0))


def test_create_takes_the_zone_of_the_offsets_when_the_file_names_none():
    data = frab(event(0)).replace(b"<time_zone_name>Europe/Berlin</time_zone_name>", b"")
    import_schedule(data=data, forum="conf", slug="2019", create=True)
    assert Edition.objects.get(slug="2019").timezone == "Etc/GMT-1"


def test_without_create_a_missing_edition_is_named():
    with pytest.raises(ApplicationError, match="No edition conf/2019; add --create"):
        import_schedule(data=frab(event(0)), forum="conf", slug="2019")


def test_a_dry_run_reports_and_keeps_nothing(edition):
    report = import_schedule(edition=edition, data=frab(event(0)), dry_run=True,
                             publish=True)
    assert (report.dry_run, len(report.created), report.published) == (True, 1, 1)
    assert (Session.objects.count(), Room.objects.count(), Forum.objects.count()) == (0, 0, 1)
    assert not edition.releases.exists()


def test_an_icalendar_file_is_imported_the_same_way(edition):
    data = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a@sched.com\r\n"
            b"DTSTAMP:20190101T000000Z\r\nDTSTART;TZID=Europe/Berlin:20191126T100000\r\n"
            b"DTEND;TZID=Europe/Berlin:20191126T113000\r\nSUMMARY:Open data\r\n"
            b"LOCATION:Raum I\r\nCATEGORIES:Data Governance\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    report = import_schedule(edition=edition, data=data)
    session = Session.objects.get()
    assert (report.format, session.title, session.room.name, session.theme.name,
            session.duration) == ("ical", "Open data", "Raum I", "Data Governance", 90)
    assert len(import_schedule(edition=edition, data=data).unchanged) == 1
