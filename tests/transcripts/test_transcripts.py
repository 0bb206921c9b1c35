"""Transcripts: saving and appending (idempotent), speaker links remembered, the session
section, upload refusals, plain text, search (SQLite FTS5 and PostgreSQL), voices, the API and
the commands."""

import json
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Sum
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from openigf.api.models import ApiToken
from openigf.core.errors import ApplicationError
from openigf.core.models import Job
from openigf.transcripts import domain, queries, tasks
from openigf.transcripts.models import SpokenWords, Transcript, Turn
from tests.factories import EditionFactory, ForumFactory, PersonFactory, secretariat_of
from tests.programme.factories import SessionFactory, SessionPersonFactory

pytestmark = pytest.mark.django_db

TEXT = """Captions of the workshop.
***
>> ANA PEREZ: Welcome to this session on data governance. (Applause)
>> MR. OKAFOR: Thank you, Ana. Community networks matter for digital inclusion.
>> Question from the floor about community networks?
>> MODERATOR: Let us take one more.
"""


@pytest.fixture
def session():
    edition = EditionFactory(forum=ForumFactory(slug="igf"), year=2019)
    s = SessionFactory(edition=edition, title="Data for all")
    SessionPersonFactory(session=s, name="Ana Pérez", role="moderator",
                         stakeholder_group="civil_society", gender="female")
    SessionPersonFactory(session=s, name="Chidi Okafor", role="speaker",
                         stakeholder_group="private_sector", gender="male")
    SessionPersonFactory(session=s, name="Silent Speaker", role="speaker",
                         stakeholder_group="government", gender="female")
    return s


def url(name, session, **kwargs):
    return reverse(f"transcripts:{name}", kwargs={**session.edition.url_kwargs,
                                                  "session_id": session.pk, **kwargs})


def test_save_links_speakers_to_the_session_people(session):
    t = domain.transcript_save(session=session, text=TEXT)
    turns = list(t.turns.select_related("speaker"))
    assert [x.speaker.name if x.speaker else None for x in turns] == [
        "Ana Pérez", "Chidi Okafor", None, "Ana Pérez"]
    assert t.header == "Captions of the workshop."
    assert turns[0].markers[0]["kind"] == "applause"


def test_append_is_idempotent_and_links_are_remembered(session):
    t, appended = domain.transcript_append(session=session, key="c1",
                                           text=">> SPEAKER ONE: first words")
    assert appended
    silent = session.people.get(name="Silent Speaker")
    domain.speaker_link(transcript=t, label="SPEAKER ONE", speaker=silent)
    t, appended = domain.transcript_append(session=session, key="c1",
                                           text=">> SPEAKER ONE: first words")
    assert not appended and t.turns.count() == 1
    t, _ = domain.transcript_append(session=session, key="c2",
                                    text=">> SPEAKER ONE: later words")
    assert [x.speaker_id for x in t.turns.all()] == [silent.pk, silent.pk]


def _words_per_speaker(transcript):
    def summed(rows):
        return {k: v for k, v in rows.values_list("speaker_id").annotate(w=Sum("words"))
                .order_by() if v}
    return (summed(SpokenWords.objects.filter(transcript=transcript)),
            summed(Turn.objects.filter(transcript=transcript)))


def test_words_per_speaker_are_kept_equal_to_the_turns(session):
    t = domain.transcript_save(session=session, text=TEXT)
    kept, counted = _words_per_speaker(t)
    assert kept == counted and len(kept) == 3  # Ana, Chidi and the unlinked floor
    silent = session.people.get(name="Silent Speaker")
    domain.speaker_link(transcript=t, label="MODERATOR", speaker=silent)
    kept, counted = _words_per_speaker(t)
    assert kept == counted and kept[silent.pk] == 5
    domain.transcript_append(session=session, key="more", text=">> MODERATOR: two more")
    kept, counted = _words_per_speaker(t)
    assert kept == counted and kept[silent.pk] == 7
    silent.delete()  # the words stay, linked to nobody, in both
    assert _words_per_speaker(t)[0] == _words_per_speaker(t)[1]
    Turn.objects.filter(transcript=t).update(words=1)  # written some other way: rebuilt
    call_command("analytics_rebuild")
    kept, counted = _words_per_speaker(t)
    assert kept == counted and sum(kept.values()) == t.turns.count()


def test_bad_files_are_refused_with_a_reason():
    with pytest.raises(ApplicationError, match="not text"):
        domain.decode_upload(b"\x00\x01binary")
    with pytest.raises(ApplicationError, match="larger than 5 MB"):
        domain.decode_upload(b"a" * (domain.MAX_BYTES + 1))
    assert domain.decode_upload("\ufeffcafé".encode("utf-8")) == "café"
    assert domain.decode_upload("é".encode("utf-16")) == "é"


def test_session_page_shows_turns_find_and_permalinks(client, session):
    domain.transcript_save(session=session, text=TEXT)
    html = client.get(session.get_absolute_url(), {"find": "community"}).content.decode()
    assert 'id="t2"' in html and 'href="#t2"' in html
    assert "2 turns contain it." in html
    assert "<mark>community</mark>" in html.lower() or "<mark>Community</mark>" in html
    assert '<span class="marker">(Applause)</span>' in html
    assert "(Private sector)" in html
    text = client.get(url("text", session))
    assert text.content.decode() == TEXT


def test_upload_needs_a_role_and_refuses_binaries(client, session):
    upload = url("upload", session)
    client.force_login(PersonFactory())
    assert client.post(upload, {"file": SimpleUploadedFile("t.txt", b"x")}).status_code == 403
    client.force_login(secretariat_of(session.edition.forum))
    response = client.post(upload, {"file": SimpleUploadedFile("t.bin", b"\x00\x00")},
                           follow=True)
    assert "The file is not text." in response.content.decode()
    client.post(upload, {"file": SimpleUploadedFile("t.txt", TEXT.encode())})
    assert Transcript.objects.get(session=session).turns.count() == 4


def test_secretariat_corrects_a_speaker(client, session):
    domain.transcript_save(session=session, text=TEXT)
    client.force_login(secretariat_of(session.edition.forum))
    silent = session.people.get(name="Silent Speaker")
    client.post(url("speakers", session), {"label": "MR. OKAFOR", "speaker": silent.pk})
    assert session.transcript.turns.get(index=2).speaker == silent
    client.force_login(PersonFactory())
    assert client.get(url("speakers", session)).status_code == 403


def test_search_finds_phrases_ranks_and_survives_odd_queries(client, session):
    domain.transcript_save(session=session, text=TEXT)
    response = client.get("/search/", {"q": '"community networks"'})
    html = response.content.decode()
    assert "2 turns found." in html and "<mark>" in html and "#t2" in html
    assert "1 turn found." in client.get("/search/", {"q": "community -inclusion"}).content.decode()
    for odd in ['AND OR NOT', '"unclosed', "NEAR(", "*", "a:b"]:
        assert client.get("/search/", {"q": odd}).status_code == 200
    unknown = client.get("/search/", {"q": "community", "forum": "nope"})
    assert unknown.status_code == 200 and "Select a valid choice" in unknown.content.decode()


def test_search_is_in_every_header_with_choices_and_lands_on_the_turn(client, session):
    domain.transcript_save(session=session, text=TEXT)
    other = EditionFactory(forum=ForumFactory(slug="afigf", name="African IGF"), year=2019)
    domain.transcript_save(session=SessionFactory(edition=other), text=">> A: community")
    for page in ("/", session.get_absolute_url(), "/search/"):
        html = client.get(page).content.decode()
        header = html[html.index("<header"):html.index("</header>")]
        assert 'action="/search/"' in header and 'name="q"' in header, page
    html = client.get("/search/", {"q": "networks"}).content.decode()
    assert '<option value="igf">' in html and '<option value="afigf/2019">' in html
    assert 'name="forum"' in html and "<select" in html
    only_igf = client.get("/search/", {"q": "community", "edition": "igf/2019"})
    assert "2 turns found." in only_igf.content.decode()
    both = client.get("/search/", {"q": "community"}).content.decode()
    assert "3 turns found." in both
    link = f"{session.get_absolute_url()}?hl=networks&amp;turn=2#t2"
    assert link in html
    landed = client.get(session.get_absolute_url(), {"hl": "networks", "turn": "2"})
    turn = landed.content.decode().split('id="t2"')[1].split("</li>")[0]
    assert 'class="turn landed" aria-current="true"' in landed.content.decode()
    assert "<mark>networks</mark>" in turn and "The search led here." in turn


@pytest.mark.postgres
def test_search_on_postgresql_uses_the_index(session):
    domain.transcript_save(session=session, text=TEXT)
    results = list(queries.search_turns('"community networks"'))
    assert [t.index for t in results] == [2, 3] or [t.index for t in results] == [3, 2]
    assert "<mark>" in results[0].headline


def test_voices_compare_spoken_and_invited(client, session):
    domain.transcript_save(session=session, text=TEXT)
    html = client.get(session.get_absolute_url()).content.decode()
    assert "Invited but not heard" in html and "Silent Speaker" in html
    page = client.get(reverse("transcripts:voices", kwargs=session.edition.url_kwargs))
    assert page.status_code == 200 and "Ana Pérez" in page.content.decode()


def test_append_api_with_a_token(client, session):
    person = secretariat_of(session.edition.forum)
    _token, raw = ApiToken.issue(person=person, name="captioner")
    endpoint = reverse("api_v1:transcript_detail", kwargs={**session.edition.url_kwargs,
                                                          "session_id": session.pk})
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    body = json.dumps({"key": "k1", "text": ">> ANA PEREZ: hello"})
    first = client.post(endpoint, body, content_type="application/json", **headers)
    again = client.post(endpoint, body, content_type="application/json", **headers)
    assert first.status_code == 201 and again.status_code == 200
    assert again.json()["turns"] == 1
    bad = client.post(endpoint, json.dumps({"key": "k2"}), content_type="application/json",
                      **headers)
    assert bad.status_code == 400 and bad.json()["error"]["fields"]["text"]
    anonymous = client.post(endpoint, body, content_type="application/json")
    assert anonymous.status_code in (401, 403)
    assert client.get(endpoint).json()["turns"][0]["person"] == "Ana Pérez"


def test_commands(session, tmp_path, capsys):
    path = tmp_path / "t.txt"
    path.write_text(TEXT)
    call_command("parse_transcript", str(path), "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["turns"][0] == {"speaker": "ANA PEREZ", "text": "Welcome to this session on "
                                "data governance. (Applause)", "markers": [
                                    {"kind": "applause", "text": "(Applause)", "offset": 44}]}
    call_command("import_transcript", str(session.pk), str(path))
    assert "4 turns" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("import_transcript", "999999", str(path))


def test_session_turns_for_reporting(session):
    assert queries.session_turns(session) == []
    domain.transcript_save(session=session, text=TEXT)
    turns = queries.session_turns(session)
    assert turns[1].speaker == "Chidi Okafor" and turns[1].url.endswith("#t2")


def _session_with(edition, title, names):
    s = SessionFactory(edition=edition, title=title)
    for name, role in names:
        SessionPersonFactory(session=s, name=name, role=role)
    return s


@pytest.mark.shared_data
def test_real_transcripts_link_only_people_of_their_own_session(shared_data):
    edition = EditionFactory(forum=ForumFactory(slug="srccon"), year=2018)
    hiring = _session_with(edition, "Hacking our hiring", [
        ("Tiff Fehr", "moderator"), ("Ryann Grochowski Jones", "moderator")])
    # Another session of the edition whose people share first names with the speakers.
    _session_with(edition, "Elsewhere", [("Andrew Tran", "speaker"), ("Paul Cheung", "speaker"),
                                         ("Tiff Other", "speaker"), ("Greg Linch", "speaker")])
    text = (shared_data / "transcripts/srccon/2018/SRCCON2018-hacking-hiring.txt").read_text()
    t = domain.transcript_save(session=hiring, text=text)
    turns = list(t.turns.select_related("speaker"))
    assert {x.speaker.session_id for x in turns if x.speaker} <= {hiring.pk}
    # "Tiff:" and "Ryann:" are first names alone: kept as typed, linked to nobody.
    assert not [x for x in turns if x.speaker]
    labels = {x.label for x in turns}
    assert {"Tiff", "Ryann", "Audience member", "Andrew", "Paul", "Greg"} <= labels


@pytest.mark.shared_data
def test_the_igf_seed_links_full_names_and_never_a_stranger(shared_data):
    edition = EditionFactory(forum=ForumFactory(slug="igf"), year=2018)
    meeting = _session_with(edition, "MAG meets UN DESA", [
        ("Lynn St. Amour", "moderator"), ("Liu Zhenmin", "speaker"),
        ("Stefan Schweinfest", "speaker"), ("Chengetai Masango", "organiser")])
    other = _session_with(edition, "Another workshop", [
        ("Raquel Gatto", "speaker"), ("Roman Chukov", "speaker"), ("Veni Markovski", "speaker"),
        ("Miguel Estrada", "speaker"), ("Arnold M. R. Janssen", "speaker")])
    text = next((shared_data.parent / "seeds").glob("004_*.txt")).read_text()
    t = domain.transcript_save(session=meeting, text=text)
    linked = {x.label: x.speaker.name for x in t.turns.select_related("speaker") if x.speaker}
    assert linked == {"LYNN ST. AMOUR": "Lynn St. Amour", "LIU ZHENMIN": "Liu Zhenmin",
                      "STEFAN SCHWEINFEST": "Stefan Schweinfest",
                      "CHENGETAI MASANGO": "Chengetai Masango"}
    assert not t.turns.filter(speaker__session=other).exists()
    assert t.turns.filter(label="RAQUEL GATTO", speaker=None).count() == 1


def _big_text(turns: int) -> str:
    """About 4.6 MB for 130,000 turns, as a whole day's captioning would be."""
    return "Captions.\n***\n" + "".join(f">> SPEAKER {i % 40}: item {i} is said.\n"
                                        for i in range(turns))


def test_an_upload_declared_too_large_is_refused_before_its_body_is_read(client, session):
    client.force_login(secretariat_of(session.edition.forum))
    # The body is tiny but declared as 100 MB: reading it would fail, refusing must not read.
    response = client.post(url("upload", session), data=b"x", content_type="text/plain",
                           CONTENT_LENGTH=str(100 * 1024 * 1024), follow=True)
    assert "The file is larger than 5 MB." in response.content.decode()
    assert not Transcript.objects.filter(session=session).exists()


def test_a_file_larger_than_it_says_is_refused_while_read():
    class Lying:
        size = 10

        def chunks(self):
            yield b"a" * domain.MAX_BYTES
            yield b"a"

    with pytest.raises(ApplicationError, match="larger than 5 MB"):
        domain.upload_read(Lying())


def test_a_large_upload_is_read_by_a_job_not_by_the_request(client, session, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False  # as in production: a worker does the work
    client.force_login(secretariat_of(session.edition.forum))
    text = _big_text(130_000)
    assert 4.5e6 < len(text.encode()) < domain.MAX_BYTES
    response = client.post(url("upload", session),
                           {"file": SimpleUploadedFile("day.txt", text.encode())})
    job = Job.objects.get(kind="transcripts.parse")
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.status == "queued" and not Transcript.objects.filter(session=session).exists()
    again = client.post(url("upload", session),
                        {"file": SimpleUploadedFile("day.txt", text.encode())}, follow=True)
    assert "still being read" in again.content.decode() and Job.objects.count() == 1
    # The worker: a smaller text stands in for the day, the same path.
    upload = domain.upload_stage(session=session, text=_big_text(3000))
    Job.objects.filter(pk=job.pk).update(params={"upload_id": upload.pk})
    tasks.transcript_parse(job_id=str(job.pk))
    job.refresh_from_db()
    assert job.status == "done", job.error
    assert job.result["summary"] == "Transcript saved: 3000 turns, 12000 words."
    assert session.transcript.turns.count() == 3000
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Transcript saved: 3000 turns, 12000 words." in page
    assert f'href="{session.get_absolute_url()}#transcript"' in page
    assert "item 2999 is said." in client.get(session.get_absolute_url()).content.decode()
    tasks.transcript_parse(job_id=str(job.pk))  # delivered twice: nothing more
    assert session.transcript.turns.count() == 3000


@pytest.mark.slow
def test_a_whole_day_of_captions_is_stored_by_the_job(session):
    upload = domain.upload_stage(session=session, text=_big_text(130_000))
    steps = []
    t = domain.upload_store(upload_id=upload.pk, progress=lambda *a: steps.append(a))
    assert t.turns.count() == 130_000 and steps[-1][:2] == (130_000, 130_000)


def test_an_upload_without_the_csrf_token_is_refused(session):
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat_of(session.edition.forum))
    response = client.post(url("upload", session),
                           {"file": SimpleUploadedFile("t.txt", TEXT.encode())})
    assert response.status_code == 403
    assert not Transcript.objects.filter(session=session).exists()


def test_voices_never_tell_a_named_speakers_gender(client, session):
    domain.transcript_save(session=session, text=TEXT)
    result = queries.voices(session.transcript.turns.select_related("speaker"),
                            list(session.people.all()))
    # Two women and a man are named with their words: no gender cell may be shown.
    assert set(result["dims"]["gender"]["spoken"]) <= {queries.WITHHELD, "unknown"}
    assert set(result["dims"]["gender"]["invited"]) == {queries.WITHHELD}
    assert [s["name"] for s in result["speakers"]][:2] == ["Ana Pérez", "Chidi Okafor"]
    html = client.get(session.get_absolute_url()).content.decode()
    voices = html[html.index('id="voices-h"'):]
    assert "Female" not in voices and "Male" not in voices
    assert "too few people to keep each one&#x27;s gender private" in voices


def test_voices_show_gender_for_large_groups_in_rounded_shares():
    people = [SimpleNamespace(pk=i, name=f"P{i}", gender="female" if i < 6 else "male",
                              stakeholder_group="", regional_group="", onsite=True,
                              role="speaker", get_stakeholder_group_display=str)
              for i in range(12)]
    turns = [SimpleNamespace(speaker_id=p.pk, speaker=p, label="", words=100 + p.pk)
             for p in people]
    gender = queries.voices(turns, people)["dims"]["gender"]
    assert gender["invited"] == {"female": 6, "male": 6}
    total = sum(100 + i for i in range(12))
    assert gender["spoken"] == {"female": total * 5 // 10, "male": total * 5 // 10}


def _queries_of_search(client, q):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"q": q, "forum": "igf"})
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_search_page_runs_the_same_queries_for_one_result_or_many(client, session):
    domain.transcript_save(session=session, text=TEXT)
    other = SessionFactory(edition=session.edition, title="Second")
    SessionPersonFactory(session=other, name="Ana Pérez", role="speaker")
    domain.transcript_save(session=other, text=">> ANA PEREZ: welcome to community networks\n"
                                               ">> Networks again, welcome.")
    _queries_of_search(client, "warm up")
    one, html = _queries_of_search(client, "inclusion")
    assert "1 turn found." in html
    many, html = _queries_of_search(client, "community")
    assert "3 turns found." in html
    assert one == many <= 4


@pytest.mark.postgres
def test_a_turn_is_searchable_as_soon_as_it_is_written(session):
    t = domain.transcript_save(session=session, text=TEXT)
    turn = Turn.objects.create(transcript=t, edition=session.edition, index=99, label="ANA",
                               text="Spectrum policy for rural areas")
    assert [x.index for x in queries.search_turns("spectrum")] == [turn.index]
    Turn.objects.filter(pk=turn.pk).update(text="Satellites instead")
    assert not queries.search_turns("spectrum").exists()
    assert [x.index for x in queries.search_turns("satellites")] == [99]


def test_unlinked_labels_are_suggested_to_the_secretariat_with_a_reason(client, session,
                                                                        tmp_path, capsys):
    path = tmp_path / "t.txt"
    path.write_text(TEXT + ">> CHIDI: A first name alone.\n")
    call_command("import_transcript", str(session.pk), str(path), "--json")
    report = json.loads(capsys.readouterr().out)
    assert report["turns"] == 5 and report["labels"] == 4
    assert report["linked"] == ["ANA PEREZ", "MODERATOR", "MR. OKAFOR"]
    assert report["unlinked"] == ["CHIDI"]
    okafor = session.people.get(name="Chidi Okafor")
    assert report["suggestions"] == [{
        "label": "CHIDI", "person": "Chidi Okafor", "speaker_id": okafor.pk,
        "reason": "Only the first name is written; it is the first name of this person alone "
                  "in the session."}]
    assert session.transcript.turns.get(label="CHIDI").speaker is None  # not applied
    client.force_login(secretariat_of(session.edition.forum))
    html = client.get(url("speakers", session)).content.decode()
    assert "5 turns, 4 labels: 3 linked to a person of this session, 1 not linked" in html
    assert "<strong>Chidi Okafor</strong>: Only the first name is written" in html
