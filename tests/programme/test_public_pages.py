"""The public programme on meeting day: kept pages and their validators, gzip, exports
compressed once, the rooms-by-time grid, now and next, session pages with profiles, personal
exports and calendar feed addresses."""

import datetime
import gzip
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from openigf.programme import domain, grid, pagecache, personal
from openigf.programme.models import FeedToken, Session
from openigf.programme.views.agenda import theme_style
from tests.factories import PersonFactory, ThemeFactory, secretariat_of
from tests.htmlforms import form_with
from tests.programme import test_views
from tests.programme.factories import SessionPersonFactory
from tests.programme.test_views import programme, url

# the edition fixture of the programme's page tests
edition = pytest.fixture(name="edition")(test_views.edition.__wrapped__)

pytestmark = pytest.mark.django_db


def test_agenda_is_rendered_once_per_version_and_an_edit_that_shows_renews_it(
        client, edition, django_assert_max_num_queries):
    programme(edition, n=4)
    first = client.get(url("agenda", edition)).content.decode()
    with django_assert_max_num_queries(8):
        again = client.get(url("agenda", edition)).content.decode()
    assert again.count(">Session 1 on access</a>") == first.count(">Session 1 on access</a>") == 1
    session = Session.objects.get(title="Session 1 on access")
    domain.session_update(session=session, title="Session 1, renamed")
    html = client.get(url("agenda", edition)).content.decode()
    assert "Session 1, renamed" in html and "Session 1 on access" not in html


def test_kept_agenda_holds_nothing_personal(client, edition):
    programme(edition, n=2)
    person = PersonFactory(name="Ada Personal")
    client.force_login(person)
    domain.star_toggle(person=person, session=Session.objects.first())
    html = client.get(url("agenda", edition)).content.decode()
    assert "Ada Personal" in html  # the header, rendered around the kept part
    client.logout()
    html = client.get(url("agenda", edition)).content.decode()
    assert "Ada Personal" not in html
    assert 'aria-pressed="true"' not in html  # stars come from the script, not the page


def test_agenda_answers_304_to_a_matching_conditional_request_and_ignores_malformed_ones(
        client, edition):
    programme(edition, n=2)
    first = client.get(url("agenda", edition))  # sets the CSRF cookie
    assert client.get(url("agenda", edition), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    response = client.get(url("agenda", edition))
    tag, modified = response["ETag"], response["Last-Modified"]
    assert client.get(url("agenda", edition), HTTP_IF_NONE_MATCH=tag).status_code == 304
    # the page names its reader: a date alone does not tell who reads
    assert client.get(url("agenda", edition),
                      HTTP_IF_MODIFIED_SINCE=modified).status_code == 200
    for bad in ('W/"', "\x00garbage", '"' * 300, ""):
        assert client.get(url("agenda", edition), HTTP_IF_NONE_MATCH=bad).status_code == 200
    assert client.get(url("agenda", edition),
                      HTTP_IF_MODIFIED_SINCE="yesterday-ish").status_code == 200
    domain.release_publish(edition=edition)
    assert client.get(url("agenda", edition), HTTP_IF_NONE_MATCH=tag).status_code == 200


def test_agenda_is_gzipped_for_clients_that_accept_it(client, edition):
    programme(edition, n=4)
    plain = client.get(url("agenda", edition))
    zipped = client.get(url("agenda", edition), HTTP_ACCEPT_ENCODING="gzip, br")
    assert zipped["Content-Encoding"] == "gzip" and "Accept-Encoding" in zipped["Vary"]
    body = gzip.decompress(zipped.content).decode()
    assert "Session 2 on access" in body and len(zipped.content) < len(plain.content) / 2


@pytest.mark.parametrize("query", [{"day": "2019-13-45"}, {"theme": "x" * 5000},
                                   {"room": "999999"}, {"view": "radar"}, {"kind": "<b>"}])
def test_agenda_survives_bad_filters(client, edition, query):
    programme(edition, n=2)
    response = client.get(url("agenda", edition), query)
    assert response.status_code == 200


def test_exports_are_compressed_once_and_answer_304(client, edition):
    programme(edition, n=3)
    first = client.get(url("export", edition, fmt="json"), HTTP_ACCEPT_ENCODING="gzip")
    assert first["Content-Encoding"] == "gzip"
    body = gzip.decompress(first.getvalue())
    assert b"Session 0 on privacy" in body
    assert client.get(url("export", edition, fmt="json"), HTTP_ACCEPT_ENCODING="gzip",
                      HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url("export", edition, fmt="json"),
                      HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    plain = client.get(url("export", edition, fmt="json"))
    assert plain.getvalue() == body
    assert plain["ETag"] != first["ETag"]  # each encoding is its own representation


def test_grid_lays_sessions_out_by_room_and_time():
    class Room:
        def __init__(self, pk):
            self.pk, self.order, self.name = pk, pk, f"R{pk}"

    class Item:
        def __init__(self, room, start, minutes):
            self.room = room
            self.starts_at = datetime.datetime(2019, 11, 26, *start, tzinfo=datetime.UTC)
            self.ends_at = self.starts_at + datetime.timedelta(minutes=minutes)

    a, b = Room(1), Room(2)
    items = [Item(a, (9, 0), 90), Item(b, (9, 30), 30), Item(b, (10, 0), 60)]
    rows = grid.day_grid(items, [a, b])
    assert [r.starts_at.strftime("%H:%M") for r in rows] == ["09:00", "09:30", "10:00", "10:30"]
    assert rows[0].cells[0].rowspan == 3 and rows[1].cells[0] is None
    assert rows[0].cells[1].items == [] and rows[1].cells[1].items == [items[1]]
    assert rows[2].cells[1].rowspan == 2 and rows[3].cells[1] is None
    assert rows[3].cells[0].items == []


@pytest.mark.parametrize("colour", ["#ffdd00", "#000000", "#767676", "#3366cc", "#e11d48",
                                    "#777", "not a colour"])
def test_theme_colours_keep_text_readable(colour):
    class Theme:
        pass

    theme = Theme()
    theme.colour = colour
    style = theme_style(theme)
    text = grid.luminance(re.search(r"color:(#\w+)", style).group(1))
    background = grid.luminance(re.search(r"background:([^;]+)", style).group(1))
    assert grid.contrast(text, background) >= 4.5


def test_grid_view_is_a_table_with_headers_and_day_tabs(client, edition):
    programme(edition, n=6)
    edition.themes.update(colour="#ffdd00")  # before any page is kept
    html = client.get(url("agenda", edition), {"view": "grid"}).content.decode()
    assert '<table class="grid">' in html and '<th scope="col">Raum I</th>' in html
    assert re.search(r'<th scope="row"><time datetime="[^"]+">\d\d:\d\d CET</time></th>', html)
    tabs = re.findall(r'href="\?view=grid&amp;day=(\d{4}-\d\d-\d\d)"', html)
    assert len(tabs) == len(set(tabs)) >= 1
    day = tabs[-1]
    other = client.get(url("agenda", edition), {"view": "grid", "day": day}).content.decode()
    assert f'href="?view=grid&amp;day={day}" aria-current="page"' in other
    assert "rowspan=" in other and "background:#ffdd00;color:#000" in html + other


def test_list_is_the_default_view(client, edition):
    programme(edition, n=2)
    html = client.get(url("agenda", edition)).content.decode()
    assert '<ol class="agenda">' in html and '<table class="grid">' not in html


def test_now_and_next_per_room_with_the_stream_link(client, edition, monkeypatch):
    programme(edition, n=4)
    room = edition.rooms.get(name="Raum I")
    room.livestream_url = "https://stream.example.org/raum-1"
    room.save()
    release = domain.latest_release(edition)
    running = sorted(((datetime.datetime.fromisoformat(v[0]), int(k))
                      for k, v in release.placements.items() if v[1] == room.pk))
    start, session_id = running[0]
    Session.objects.filter(pk=session_id).update(livestream_url="https://meet.example.org/x")
    monkeypatch.setattr(domain, "now", lambda: start + datetime.timedelta(minutes=5))
    response = client.get(url("now", edition))
    html = response.content.decode()
    assert Session.objects.get(pk=session_id).title in html
    assert "https://meet.example.org/x" in html
    assert 'hx-trigger="every 60s"' in html and 'http-equiv="refresh"' in html
    partial = client.get(url("now", edition), HTTP_HX_REQUEST="true").content.decode()
    assert partial.startswith("<section") and "<html" not in partial
    home = client.get(reverse("forums:edition", kwargs=edition.url_kwargs)).content.decode()
    assert "Now and next" in home
    monkeypatch.setattr(domain, "now", lambda: start - datetime.timedelta(days=30))
    home = client.get(reverse("forums:edition", kwargs=edition.url_kwargs)).content.decode()
    assert "Now and next" not in home


def test_session_page_shows_public_profiles_other_sessions_ics_and_room_stream(
        client, edition):
    programme(edition, n=3)
    speaker = PersonFactory(name="Grace Speaker", job_title="Chief engineer",
                            biography="Builds networks.", email="grace@example.org")
    first, second = Session.objects.order_by("pk")[:2]
    for s in (first, second):
        SessionPersonFactory(session=s, name="Grace Speaker", person=speaker, role="speaker")
    room = edition.rooms.first()
    edition.rooms.update(livestream_url="https://stream.example.org/room")
    html = client.get(first.get_absolute_url()).content.decode()
    assert "Chief engineer" in html and "Builds networks." in html
    assert "grace@example.org" not in html
    assert second.title in html.split("Also in:")[1]
    assert "https://stream.example.org/room" in html and room
    ics = client.get(url("session_ics", edition, session_id=first.pk))
    assert ics.status_code == 200 and ics.content.count(b"BEGIN:VEVENT") == 1
    assert first.title.encode() in ics.content


def test_session_page_runs_a_fixed_number_of_queries_and_answers_304(
        client, edition, django_assert_max_num_queries):
    programme(edition, n=3)
    session = Session.objects.first()
    client.get(session.get_absolute_url())
    response = client.get(session.get_absolute_url())
    with django_assert_max_num_queries(12):
        client.get(session.get_absolute_url())
    assert client.get(session.get_absolute_url(),
                      HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_personal_export_holds_only_the_starred_sessions(client, edition):
    programme(edition, n=5)
    a, b = Session.objects.order_by("pk")[:2]
    ics = client.get(url("mine_export", edition, fmt="ics"), {"sessions": f"{a.pk},{b.pk},x"})
    assert ics.content.count(b"BEGIN:VEVENT") == 2
    person = PersonFactory()
    client.force_login(person)
    domain.star_toggle(person=person, session=a)
    assert client.get(url("mine_export", edition, fmt="ics")).content.count(
        b"BEGIN:VEVENT") == 1
    html = client.get(url("mine", edition)).content.decode()
    assert "1 session in your schedule." in html
    assert client.get(url("stars", edition)).json() == {"signed_in": True, "stars": [a.pk]}


def test_star_answers_json_to_the_script(client, edition):
    programme(edition, n=1)
    client.force_login(PersonFactory())
    s = Session.objects.get()
    response = client.post(url("star", edition, session_id=s.pk),
                           HTTP_ACCEPT="application/json")
    assert response.json() == {"session": s.pk, "starred": True}


def test_mine_without_an_account_offers_the_browser_stars_and_a_hint(client, edition):
    programme(edition, n=3)
    html = client.get(url("mine", edition)).content.decode()
    assert "0 sessions in your schedule." in html and "kept in this browser" in html
    assert "data-browser-list hidden" in html


def test_feed_address_expires_and_can_be_stopped_or_renewed(client, edition):
    programme(edition, n=2)
    person = PersonFactory()
    client.force_login(person)
    domain.star_toggle(person=person, session=Session.objects.first())
    feed = client.get(url("mine", edition)).context["feed"]["url"]
    path = feed[feed.index("/igf/"):]
    assert client.get(path).status_code == 200
    token = FeedToken.objects.get(person=person)
    assert token.expires > timezone.now()
    assert client.get(reverse("programme:feeds")).status_code == 200
    client.post(reverse("programme:feed_new", kwargs={"edition_id": edition.pk}))
    assert client.get(path).status_code == 404  # the old address stopped
    new = personal.feed_url(personal.feed_current(person=person, edition=edition),
                            request=client.get(url("mine", edition)).wsgi_request)
    new_path = new[new.index("/igf/"):]
    assert client.get(new_path).status_code == 200
    FeedToken.objects.filter(person=person).update(expires=timezone.now())
    assert client.get(new_path).status_code == 404  # expired
    FeedToken.objects.filter(person=person).update(
        expires=timezone.now() + datetime.timedelta(days=1))
    client.post(reverse("programme:feed_stop", kwargs={"edition_id": edition.pk}))
    assert client.get(new_path).status_code == 404  # stopped


def test_generation_moves_on_when_a_shown_row_changes(edition):
    before = pagecache.generation(edition.pk)
    ThemeFactory(edition=edition)
    assert pagecache.generation(edition.pk) != before


def test_starring_on_the_session_page_changes_its_validator(client, edition):
    programme(edition, n=1)
    client.force_login(PersonFactory())
    session = Session.objects.get()
    client.get(session.get_absolute_url())
    tag = client.get(session.get_absolute_url())["ETag"]
    client.post(url("star", edition, session_id=session.pk))
    response = client.get(session.get_absolute_url(), HTTP_IF_NONE_MATCH=tag)
    assert response.status_code == 200
    assert "Remove from my schedule" in response.content.decode()


def test_assembled_gzip_is_one_valid_stream_equal_to_the_plain_page(client, edition):
    programme(edition, n=3)
    session = Session.objects.first()
    plain = client.get(session.get_absolute_url()).content
    zipped = client.get(session.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip")
    assert zipped["Content-Encoding"] == "gzip"
    unzipped = gzip.decompress(zipped.content)  # checks the CRC and the length too
    # the same page but for the form token, masked anew for each answer
    mask = re.compile(rb'[A-Za-z0-9]{64}')
    assert mask.sub(b"", unzipped) == mask.sub(b"", plain)


def test_kept_frame_gives_each_reader_a_form_token_that_works(edition):
    programme(edition, n=2)
    tokens = []
    for _ in range(2):
        reader = Client(enforce_csrf_checks=True)
        html = reader.get(url("agenda", edition)).content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        assert "\x00" not in html
        response = reader.post(reverse("people:language"),
                               {"language": "fr", "next": url("agenda", edition),
                                "csrfmiddlewaretoken": token})
        assert response.status_code == 302
        tokens.append(token)
    assert tokens[0] != tokens[1]
    signed_in = Client()
    signed_in.force_login(PersonFactory(name="Ada Framed"))
    assert "Ada Framed" in signed_in.get(url("agenda", edition)).content.decode()


def test_secretariat_sets_the_session_livestream_and_the_public_pages_link_it(
        client, edition, monkeypatch):
    programme(edition, n=4)
    room = edition.rooms.get(name="Raum I")
    release = domain.latest_release(edition)
    start, session_id = sorted((datetime.datetime.fromisoformat(v[0]), int(k))
                               for k, v in release.placements.items() if v[1] == room.pk)[0]
    session = Session.objects.get(pk=session_id)
    staff = Client()
    staff.force_login(secretariat_of(edition.forum))
    page = url("manage_session", edition, session_id=session.pk)
    form = form_with(staff.get(page).content.decode(), "livestream_url")
    response = staff.post(page, {**form.data(), "livestream_url": "https://meet.example.org/w1"})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.livestream_url == "https://meet.example.org/w1"
    shown = form_with(staff.get(page).content.decode(), "livestream_url")
    assert shown.fields["livestream_url"].values == ["https://meet.example.org/w1"]
    html = client.get(session.get_absolute_url()).content.decode()
    assert 'href="https://meet.example.org/w1"' in html
    assert "Livestream and remote participation" in html
    monkeypatch.setattr(domain, "now", lambda: start + datetime.timedelta(minutes=5))
    now = client.get(url("now", edition)).content.decode()
    assert 'href="https://meet.example.org/w1"' in now
