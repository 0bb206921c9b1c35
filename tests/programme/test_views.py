"""Programme pages: the public agenda and its filters, session pages, personal schedule and
its feed, exports, and the Secretariat's pages."""

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse
from lxml import etree

from openigf.programme import domain, sections
from openigf.programme.models import Session
from tests.factories import (
    EditionFactory,
    ForumFactory,
    PersonFactory,
    ThemeFactory,
    secretariat_of,
)
from tests.htmlforms import form_with
from tests.programme.factories import RoomFactory, SessionFactory, SessionPersonFactory, windows

pytestmark = pytest.mark.django_db


def url(name, edition, **kwargs):
    return reverse(f"programme:{name}", kwargs={**edition.url_kwargs, **kwargs})


@pytest.fixture
def edition():
    return EditionFactory(forum=ForumFactory(slug="igf"), year=2019)


def programme(edition, n=6):
    windows(edition, days=2)
    RoomFactory(edition=edition, name="Raum I")
    RoomFactory(edition=edition, name="Raum II")
    theme = ThemeFactory(edition=edition, name="Data governance")
    for i in range(n):
        s = SessionFactory(edition=edition, theme=theme if i % 2 else None,
                           title=f"Session {i} on {'privacy' if i == 0 else 'access'}",
                           language="fr" if i == 1 else "en")
        SessionPersonFactory(session=s, name=f"Person {i}")
    domain.schedule_solve(edition=edition, time_limit=5)
    return domain.release_publish(edition=edition)


def test_agenda_before_publication(client, edition):
    response = client.get(url("agenda", edition))
    assert response.status_code == 200
    assert "not published yet" in response.content.decode()


def test_agenda_filters(client, edition):
    programme(edition)
    html = client.get(url("agenda", edition)).content.decode()
    assert "6 of 6 sessions" in html
    assert "1 of 6" in client.get(url("agenda", edition), {"q": "privacy"}).content.decode()
    assert "1 of 6" in client.get(url("agenda", edition), {"language": "fr"}).content.decode()
    theme = edition.themes.get()
    assert "3 of 6" in client.get(url("agenda", edition),
                                  {"theme": theme.pk}).content.decode()
    assert "Person 3" not in html  # people are on the session page


def test_agenda_runs_a_fixed_number_of_queries(client, edition, django_assert_max_num_queries):
    programme(edition, n=4)
    with django_assert_max_num_queries(14):
        client.get(url("agenda", edition))
    RoomFactory.create_batch(4, edition=edition)
    for _ in range(20):
        SessionFactory(edition=edition)
    domain.schedule_solve(edition=edition, time_limit=5)
    domain.release_publish(edition=edition)
    with django_assert_max_num_queries(14):
        client.get(url("agenda", edition))


def test_session_page_shows_sections_from_other_parts(client, edition):
    programme(edition, n=1)
    session = Session.objects.get()
    sections.register("test-extra", template="programme/tests/extra.html",
                      context=lambda request, s: {"text": f"extra for {s.pk}"}, order=99)
    sections.register("test-hidden", template="programme/tests/extra.html",
                      context=lambda request, s: None)
    try:
        html = client.get(session.get_absolute_url()).content.decode()
    finally:
        sections._sections.pop("test-extra")
        sections._sections.pop("test-hidden")
    assert "Person 0" in html and session.title in html
    assert html.count("extra for") == 1


def test_personal_schedule_and_its_private_feed(client, edition):
    programme(edition, n=3)
    person = PersonFactory()
    client.force_login(person)
    session = Session.objects.first()
    client.post(url("star", edition, session_id=session.pk))
    response = client.get(url("mine", edition))
    html = response.content.decode()
    assert session.title in html
    feed = response.context["feed"]["url"]
    client.logout()
    ics = client.get(feed[feed.index("/igf/"):])
    assert ics.status_code == 200 and session.title.encode() in ics.content
    assert client.get(url("feed", edition, token="forged")).status_code == 404


def test_exports(client, edition):
    programme(edition, n=4)
    xml = client.get(url("export", edition, fmt="xml"))
    root = etree.fromstring(xml.getvalue())
    assert root.tag == "schedule" and len(root.findall(".//event")) == 4
    assert root.find("conference/time_zone_name").text == "Europe/Berlin"
    data = json.loads(client.get(url("export", edition, fmt="json")).getvalue())
    events = [e for day in data["schedule"]["conference"]["days"]
              for room in day["rooms"].values() for e in room]
    assert len(events) == 4 and {"guid", "start", "duration", "room", "title"} <= set(events[0])
    ics = client.get(url("export", edition, fmt="ics")).getvalue()
    assert ics.count(b"BEGIN:VEVENT") == 4
    rows = list(csv.DictReader(io.StringIO(client.get(url("export", edition,
                                                          fmt="csv")).getvalue().decode())))
    assert len(rows) == 4 and rows[0]["room"]
    assert client.get(url("export", edition, fmt="pdf")).status_code == 404


def test_exports_at_their_first_address_are_the_same_file_naming_the_canonical_one(
        client, edition):
    programme(edition, n=1)
    assert url("export", edition, fmt="json") == "/igf/2019/schedule.json"
    response = client.get("/igf/2019/agenda/schedule.json")
    assert response.status_code == 200
    assert response["Link"] == '<http://testserver/igf/2019/schedule.json>; rel="canonical"'
    assert response.getvalue() == client.get("/igf/2019/schedule.json").getvalue()


def test_changelog_is_public(client, edition):
    programme(edition, n=2)
    s = Session.objects.first()
    # a room of its own, so that the move breaks no constraint whatever the solver chose
    other_room = RoomFactory(edition=edition, name="Raum III")
    domain.session_place(session=s, starts_at=s.starts_at, room=other_room)
    domain.release_publish(edition=edition)
    html = client.get(url("changes", edition)).content.decode()
    assert "moved from" in html and other_room.name in html


def test_secretariat_solves_moves_and_publishes(client, edition):
    windows(edition, days=1)
    RoomFactory(edition=edition)
    s = SessionFactory(edition=edition)
    client.force_login(secretariat_of(edition.forum))
    response = client.post(url("solve", edition), {"time_limit": 5})
    assert response.status_code == 302
    s.refresh_from_db()
    assert s.starts_at is not None
    response = client.post(url("manage_session_place", edition, session_id=s.pk),
                           {"place-starts_at": "", "place-room": s.room_id})
    assert "Give both a start and a room" in response.content.decode()
    client.post(url("publish", edition), {"note": "first", "base": 0})
    assert edition.releases.count() == 1
    response = client.post(url("manage_session_new", edition),
                           {"kind": "main", "title": "Main session on AI", "duration": 90,
                            "expected_audience": 400, "language": "en", "format": "hybrid"})
    assert response.status_code == 302
    assert Session.objects.filter(title="Main session on AI", kind="main").exists()


def test_only_the_secretariat_manages(client, edition):
    client.force_login(PersonFactory())
    assert client.get(url("manage", edition)).status_code == 403


def test_session_editor_moves_a_session_only_when_told_and_shows_what_was_typed(client,
                                                                                 edition):
    windows(edition, days=1, start="09:00", end="18:00")
    room = RoomFactory(edition=edition, name="Raum I")
    session = SessionFactory(edition=edition, room=room, starts_at=datetime.datetime(
        2019, 11, 26, 9, 0, tzinfo=datetime.UTC))  # 10:00 in Berlin
    client.force_login(secretariat_of(edition.forum))
    page = url("manage_session", edition, session_id=session.pk)

    def place():
        return form_with(client.get(page).content.decode(), "place-starts_at")

    shown = place()
    assert shown.fields["place-starts_at"].values == ["2019-11-26T10:00"]
    assert "Europe/Berlin" in client.get(page).content.decode()
    for _press in range(2):
        client.post(page + "place/", place().data())
    session.refresh_from_db()
    assert session.starts_at == datetime.datetime(2019, 11, 26, 9, 0, tzinfo=datetime.UTC)
    client.post(page + "place/", {**place().data(), "place-starts_at": "2019-11-26T14:30"})
    session.refresh_from_db()
    assert session.starts_at == datetime.datetime(2019, 11, 26, 13, 30, tzinfo=datetime.UTC)
    assert place().fields["place-starts_at"].values == ["2019-11-26T14:30"]
