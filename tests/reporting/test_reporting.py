"""Reports: drafts and submission by the session's writers only, limits, late marking, locks,
templates, reminders, compliance, the eligibility rule, and a draft from the transcript."""

import datetime

import pytest
from django.urls import reverse

from openigf.core.errors import ApplicationError
from openigf.outbox.models import OutboxMail
from openigf.programme import domain as programme
from openigf.proposals.screening import base
from openigf.reporting import domain
from openigf.transcripts.domain import transcript_save
from tests.factories import EditionFactory, ForumFactory, PersonFactory, secretariat_of
from tests.programme.factories import RoomFactory, SessionFactory, SessionPersonFactory, windows

pytestmark = pytest.mark.django_db


@pytest.fixture
def session():
    edition = EditionFactory(forum=ForumFactory(slug="igf"), year=2019)
    windows(edition, days=1)
    room = RoomFactory(edition=edition)
    s = SessionFactory(edition=edition, title="Data for all")
    rapporteur = PersonFactory(email="rap@example.org")
    SessionPersonFactory(session=s, person=rapporteur, name=rapporteur.name, role="rapporteur",
                         email="rap@example.org")
    SessionPersonFactory(session=s, name="Org", role="organiser", email="org@example.org")
    programme.session_place(session=s, starts_at=edition.time_windows.first().starts_at,
                            room=room)
    programme.release_publish(edition=edition)
    s.rapporteur = rapporteur
    return s


def url(session, kind="short"):
    return reverse("reporting:report", kwargs={**session.edition.url_kwargs,
                                               "session_id": session.pk, "kind": kind})


def test_short_report_limits_and_late_marking(session):
    with pytest.raises(ApplicationError) as error:
        domain.report_save(session=session, kind="short", takeaways=["a", "b", "c", "d"])
    assert "takeaways" in error.value.fields
    with pytest.raises(ApplicationError):
        domain.report_save(session=session, kind="short", submit=True)
    due = domain.due_at(session, "short")
    assert due == session.ends_at + datetime.timedelta(hours=12)
    report = domain.report_save(session=session, kind="short", takeaways=["One"], submit=True,
                                now=due + datetime.timedelta(hours=1))
    assert report.late and report.status == "submitted"
    domain.report_lock(report=report)
    with pytest.raises(ApplicationError, match="locked"):
        domain.report_save(session=session, kind="short", takeaways=["Two"])


def test_full_report_needs_the_template_answers(session):
    with pytest.raises(ApplicationError) as error:
        domain.report_save(session=session, kind="full", answers={"summary": "x"},
                           submit=True)
    assert {"participants_onsite", "women_share"} <= set(error.value.fields)
    domain.template_save(edition=session.edition, kind="full", session_kind="",
                         questions=[{"key": "summary", "label": "Summary", "required": True}],
                         due_hours=48)
    report = domain.report_save(session=session, kind="full", answers={"summary": "x"},
                                submit=True)
    assert report.due_at == session.ends_at + datetime.timedelta(hours=48)


def test_only_the_rapporteur_organisers_and_secretariat_write(client, session):
    client.force_login(PersonFactory())
    assert client.get(url(session)).status_code == 403
    client.force_login(session.rapporteur)
    response = client.post(url(session), {"takeaway_1": "Access matters.", "submit": "1"})
    assert response.status_code == 302
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Access matters." in page


def test_a_rejected_submission_keeps_what_was_typed(client, session):
    client.force_login(session.rapporteur)
    response = client.post(url(session, "full"), {"q_summary": "Typed text", "submit": "1"})
    html = response.content.decode()
    assert response.status_code == 200 and "Typed text" in html and "Required to submit" in html


def test_reminders_before_and_after_once(session):
    due = domain.due_at(session, "short")
    assert domain.reminders_send(now=due - datetime.timedelta(hours=3)) == 2
    assert domain.reminders_send(now=due - datetime.timedelta(hours=2)) == 0
    assert domain.reminders_send(now=due + datetime.timedelta(hours=1)) == 2
    assert OutboxMail.objects.filter(kind="report.reminder").count() == 4


def test_compliance_board_and_csv(client, session):
    client.force_login(secretariat_of(session.edition.forum))
    base = reverse("reporting:compliance", kwargs=session.edition.url_kwargs)
    assert session.title in client.get(base).content.decode()
    csv_text = client.get(base, {"format": "csv"}).content.decode()
    assert "short_report" in csv_text and session.title in csv_text


def test_no_report_no_proposal_next_year(session):
    organiser = session.rapporteur
    next_year = EditionFactory(forum=session.edition.forum, year=2020)
    assert organiser.pk in domain.missing_reports(next_year, [organiser.pk])
    assert domain.missing_reports in base.REPORT_SOURCES
    domain.report_save(session=session, kind="short", takeaways=["x"], submit=True)
    assert domain.missing_reports(next_year, [organiser.pk]) == {}


def test_draft_from_the_transcript_links_its_sentences(client, session):
    transcript_save(session=session, text=(
        ">> ANA: Community networks are connecting the last billion people in rural areas "
        "across Africa and Asia today.\n>> BEN: Governments should fund community networks "
        "through universal service funds without delay.\n>> ANA: Spectrum for community "
        "networks remains the hardest barrier for small operators in rural regions."))
    client.force_login(session.rapporteur)
    html = client.get(url(session) + "?draft=transcript").content.decode()
    assert "Drafted from the transcript" in html and "universal service funds" in html
    assert "#t" in html
