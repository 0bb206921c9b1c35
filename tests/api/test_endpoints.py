"""Reads of every part of the cycle: what they answer, to whom, in which time zone."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.api import world as api_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return api_world.build()


def test_sessions_give_times_in_the_edition_zone_with_the_offset(client, world):
    page = client.get(world.base + "sessions/").json()
    assert page["count"] == 1 and page["pages"] == 1
    session = page["items"][0]
    assert (session["title"], session["starts_at"], session["ends_at"], session["room"]) == (
        "Data for all", "2019-11-26T10:00:00+01:00", "2019-11-26T11:00:00+01:00",
        {"id": session["room"]["id"], "name": "Main hall"})
    detail = client.get(world.base + f"sessions/{world.session.pk}/").json()
    assert detail == session


def test_session_filters_are_the_agenda_pages(client, world):
    def titles(query):
        return [s["title"] for s in client.get(world.base + "sessions/" + query).json()["items"]]

    assert titles(f"?theme={world.theme.pk}") == ["Data for all"]
    assert titles("?q=p%C3%A9rez") == ["Data for all"]
    assert titles("?q=nothing+like+it") == []
    assert titles("?kind=main") == []


def test_people_show_public_fields_only(client, world):
    people = client.get(world.base + "people/").json()["items"]
    assert people == [
        {"name": "Ana Pérez", "organisation": "Data Lab", "stakeholder_group": "civil_society",
         "sessions": [{"session": world.session.pk, "role": "moderator"}]},
        {"name": "Ora Organiser", "organisation": "", "stakeholder_group": "",
         "sessions": [{"session": world.session.pk, "role": "organiser"}]},
    ]


def test_edition_lists_phases_in_its_zone(client, world):
    edition = client.get(world.base).json()
    assert (edition["timezone"], edition["themes"], edition["theme"]) == (
        "Europe/Berlin", [{"name": "Data Governance", "slug": "data"}], "Internet for all")


def test_transcript_turns_are_paged_from_a_number(client, world):
    url = world.base + f"sessions/{world.session.pk}/transcript/"
    first = client.get(url + "?limit=1").json()
    assert (first["turns"][0]["person"], first["turns"][0]["anchor"], first["next"]) == (
        "Ana Pérez", "t1", None)
    assert client.get(world.base + "transcripts/").json()["items"][0]["session"] == \
        world.session.pk


def test_outcomes_and_registry_read_what_their_pages_show(client, world):
    messages = client.get(world.base + "messages/").json()["items"]
    assert [(m["text"], m["sessions"]) for m in messages] == [
        ("Data governance needs every stakeholder.", [world.session.pk])]
    summary = client.get(world.base + "chairs-summary/").json()
    assert (summary["version"], summary["introduction"]) == (1, "The forum met in Berlin.")
    assert summary["facts"]["sessions"] == 1
    nris = client.get("/api/v1/igf/community/nris/").json()["items"]
    assert [(n["name"], n["country"]) for n in nris] == [("Kenya IGF", "404")]
    coalitions = client.get("/api/v1/igf/community/coalitions/").json()["items"]
    assert [(c["name"], c["members"], c["stakeholder_groups"]) for c in coalitions] == [
        ("Coalition on Data", 1, {"academia": 1})]
    bpfs = client.get(world.base + "community/bpfs/").json()
    assert [(b["name"], [o["title"] for o in b["outputs"]]) for b in bpfs] == [
        ("BPF Cybersecurity", ["Final report"])]
    reports = client.get(world.base + "reports/").json()["items"]
    assert [(r["kind"], r["takeaways"]) for r in reports] == [("short", ["Data must flow."])]


def test_participation_breakdowns_only_for_the_secretariat(client, world):
    public = client.get(world.base + "participation/").json()
    assert public == {"registered": 0, "confirmed_onsite": 0, "confirmed_online": 0,
                      "checked_in": 0, "breakdown": None}
    staff = client.get(world.base + "participation/",
                       HTTP_AUTHORIZATION=f"Bearer {world.token('staff')}").json()
    assert staff["breakdown"]["status"] == {}


def test_proposal_list_and_statistics_never_show_drafts(client, world):
    rows = client.get(world.base + "proposals/").json()["items"]
    assert [r["title"] for r in rows] == ["Cross-border data flows"]
    stats = client.get(world.base + "proposals/statistics/").json()
    assert stats["total"] == 1


def test_forums_and_a_forum_list_published_editions(client, world):
    forums = client.get("/api/v1/forums/").json()["items"]
    assert [f["slug"] for f in forums] == ["igf"]
    forum = client.get("/api/v1/igf/").json()
    assert [e["slug"] for e in forum["editions"]] == ["2019"]


def test_calls_and_themes_give_what_the_form_offers(client, world):
    calls = client.get(world.base + "calls/").json()
    assert [(c["kind"], c["durations"], c["is_open"]) for c in calls] == [
        ("workshop", [60, 90], True)]
    closes = datetime.datetime.fromisoformat(calls[0]["closes_at"])
    assert closes.utcoffset() == closes.astimezone(ZoneInfo("Europe/Berlin")).utcoffset()
    themes = client.get(world.base + "themes/").json()
    assert [t["slug"] for t in themes] == ["data"]
