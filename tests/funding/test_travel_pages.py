"""Travel support from the pages: the Secretariat opens and configures a call (dates in the
edition's zone); an eligible speaker sees the form, others see why not, and a closed call
says so; decisions are previewed (who receives what), confirmed, sent as a job with plain
words and next steps, and sending again mails nobody twice. NRI grants likewise."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from openigf.community.models import Initiative
from openigf.core.models import Job
from openigf.funding import domain
from openigf.funding.models import GrantApplication, GrantCall, TravelApplication, TravelCall
from openigf.outbox.models import OutboxMail
from openigf.people.models import Country
from tests import post_walk
from tests.factories import EditionFactory, ForumFactory, PersonFactory, secretariat_of
from tests.funding import walk as funding_walk
from tests.programme.factories import SessionFactory, SessionPersonFactory

pytestmark = pytest.mark.django_db
STAFF = frozenset({"secretariat", "superuser"})


@pytest.fixture
def edition():
    return EditionFactory(forum=ForumFactory(slug="igf"), year=2019, timezone="Europe/Berlin")


@pytest.fixture
def staff(client, edition):
    client.force_login(secretariat_of(edition.forum))
    return client


def url(name, edition, **kwargs):
    return reverse(f"funding:{name}", kwargs={**edition.url_kwargs, **kwargs})


def open_call(edition, **values):
    now = timezone.now()
    return TravelCall.objects.create(**{
        "edition": edition, "name": "Travel 2019", "budget": Decimal("4000"),
        "opens_at": now - datetime.timedelta(days=1),
        "closes_at": now + datetime.timedelta(days=9), **values})


def speaker(edition, *, country="KE", gender="male", **kwargs):
    person = PersonFactory(country=Country.objects.get(iso2=country), gender=gender, **kwargs)
    SessionPersonFactory(session=SessionFactory(edition=edition), person=person,
                         name=person.name)
    return person


def test_the_secretariat_opens_a_call_in_the_editions_zone(staff, edition):
    page = staff.get(url("travel_manage", edition)).content.decode()
    assert url("travel_call_new", edition) in page
    form = staff.get(url("travel_call_new", edition)).content.decode()
    assert "Europe/Berlin" in form or "CET" in form
    response = staff.post(url("travel_call_new", edition), {
        "name": "IGF 2019 travel support", "opens_at": "2019-07-01T09:00",
        "closes_at": "2019-08-15T23:59", "budget": "200000", "ldc": "on", "sids": "on",
        "contribution_required": "on", "floors": "gender = female: 35\nfirst_time = yes: 5"},
        follow=True)
    assert "The travel-support call is saved." in response.content.decode()
    call = TravelCall.objects.get()
    assert call.opens_at == datetime.datetime(2019, 7, 1, 7, 0, tzinfo=datetime.UTC)
    assert (call.ldc, call.lldc, call.sids, call.developing) == (True, False, True, False)
    assert call.floors == [{"attribute": "gender", "value": "female", "minimum": 35},
                           {"attribute": "first_time", "value": True, "minimum": 5}]
    page = response.content.decode()
    assert "at least 35 women; at least 5 first-time participants" in page
    edit = staff.get(url("travel_call", edition, travel_call_id=call.pk)).content.decode()
    assert 'value="2019-07-01T09:00"' in edit and "gender = female: 35" in edit
    staff.post(url("travel_call", edition, travel_call_id=call.pk), {
        "name": "IGF 2019 travel support", "opens_at": "2019-07-01T09:00",
        "closes_at": "2019-08-15T23:59", "budget": "150000", "developing": "on",
        "floors": "gender = female: 35\nfirst_time = yes: 5"})
    call.refresh_from_db()
    assert call.budget == Decimal("150000") and call.developing and not call.ldc
    assert call.opens_at == datetime.datetime(2019, 7, 1, 7, 0, tzinfo=datetime.UTC)


def test_a_call_closing_before_it_opens_or_bad_aims_are_refused(staff, edition):
    page = staff.post(url("travel_call_new", edition), {
        "name": "x", "opens_at": "2019-07-01T09:00", "closes_at": "2019-06-01T09:00",
        "budget": "100", "floors": "gender female 3"}).content.decode()
    assert "write “attribute = value: minimum”" in page
    page = staff.post(url("travel_call_new", edition), {
        "name": "x", "opens_at": "2019-07-01T09:00", "closes_at": "2019-06-01T09:00",
        "budget": "100"}).content.decode()
    assert "After the opening." in page
    assert not TravelCall.objects.exists()


def test_an_eligible_speaker_sees_the_form_and_applies(client, edition):
    open_call(edition)
    person = speaker(edition)
    client.force_login(person)
    page = client.get(url("travel", edition)).content.decode()
    assert "Submit the application" in page and "you cannot apply" not in page
    page = client.post(url("travel", edition), {"cost_estimate": "2500",
                                                 "contribution": "Speaker in WS 12"},
                       follow=True).content.decode()
    assert "Your application is submitted." in page and "Your application: Submitted." in page
    assert 'value="2500' in page  # the form shows what was sent, to change it


def test_others_see_why_they_cannot_apply_and_are_refused(client, edition):
    open_call(edition)
    person = PersonFactory(country=Country.objects.get(iso2="CH"))
    client.force_login(person)
    page = client.get(url("travel", edition)).content.decode()
    assert "you cannot apply" in page and "Submit the application" not in page
    assert "not among the country groups" in page and "no role in a session" in page
    client.post(url("travel", edition), {"cost_estimate": "2500", "contribution": "x"})
    assert not TravelApplication.objects.exists()


def test_a_closed_call_says_so(client, edition):
    now = timezone.now()
    open_call(edition, opens_at=now - datetime.timedelta(days=30),
              closes_at=now - datetime.timedelta(days=2))
    client.force_login(speaker(edition))
    page = client.get(url("travel", edition)).content.decode()
    assert "This call is closed: it closed on" in page and "Submit the application" not in page


def _applications(edition, call, scores):
    people = [speaker(edition, gender="female" if i == len(scores) - 1 else "male",
                      name=f"Applicant {i}", email=f"applicant{i}@example.org")
              for i in range(len(scores))]
    for person, score in zip(people, scores, strict=True):
        app = domain.travel_apply(call=call, person=person, cost_estimate=1500,
                                  contribution="Speaker")
        domain.score_set(application=app, score=score)
    return people


def test_select_and_send_previews_confirms_runs_as_a_job_and_never_mails_twice(staff,
                                                                               edition):
    call = open_call(edition, floors=[{"attribute": "gender", "value": "female",
                                       "minimum": 1}])
    _applications(edition, call, [9, 8, 2])
    decide = url("travel_decide", edition, travel_call_id=call.pk)
    preview = staff.get(decide).content.decode()
    assert "2 selected and 1 not selected" in preview and "3 applicants will receive a mail" \
        in preview
    assert "applicant2@example.org" in preview and "Confirm and send 3 mails" in preview
    assert not OutboxMail.objects.filter(kind="travel.decision").exists()  # asked first
    fingerprint = preview.split('name="fingerprint" value="')[1].split('"')[0]
    response = staff.post(decide, {"fingerprint": fingerprint}, follow=True)
    job = Job.objects.get(kind="funding.travel_decide")
    assert response.redirect_chain[0][0] == job.get_absolute_url()
    page = response.content.decode()
    assert "Decisions sent for Travel 2019: 2 selected, 1 not selected; 3 mails queued." in page
    mails = {m.to: m for m in OutboxMail.objects.filter(kind="travel.decision")}
    chosen = mails["applicant0@example.org"]
    assert "offered travel support" in chosen.subject
    assert "What happens next:" in chosen.body and "trip report" in chosen.body
    assert "scored 9 of 10" in chosen.body and "value 9" not in chosen.body
    left_out = mails["applicant1@example.org"]
    assert "no travel support this time" in left_out.subject
    assert "scored 8 of 10" in left_out.body and "chosen:" not in left_out.body
    assert "What you can do:" in left_out.body and "&#x27;" not in left_out.body
    # The same confirmation sent again mails nobody twice.
    job.status = "done"
    job.save()
    again = staff.post(decide, {"fingerprint": fingerprint}, follow=True).content.decode()
    assert "0 mails queued" in again and "3 applicants had already been told" in again
    assert OutboxMail.objects.filter(kind="travel.decision").count() == 3
    manage = staff.get(url("travel_manage", edition)).content.decode()
    assert "Selected: the application scored 9 of 10" in manage


def test_a_confirmation_of_an_outdated_preview_sends_nothing(staff, edition):
    call = open_call(edition)
    people = _applications(edition, call, [9, 8, 7])
    decide = url("travel_decide", edition, travel_call_id=call.pk)
    preview = staff.get(decide).content.decode()
    fingerprint = preview.split('name="fingerprint" value="')[1].split('"')[0]
    domain.score_set(application=TravelApplication.objects.get(person=people[2]), score=10)
    page = staff.post(decide, {"fingerprint": fingerprint}, follow=True).content.decode()
    assert "changed since the preview, so nothing was sent" in page
    assert not OutboxMail.objects.filter(kind="travel.decision").exists()
    assert staff.post(decide, {}).status_code == 302  # no preview confirmed: nothing runs
    assert not Job.objects.filter(status="done").exists()


def test_grant_decisions_are_previewed_confirmed_and_named():
    edition = EditionFactory(forum=ForumFactory(slug="igf"), year=2019)
    now = timezone.now()
    call = GrantCall.objects.create(edition=edition, name="Grants 2019",
                                    budget=Decimal("9000"),
                                    opens_at=now - datetime.timedelta(days=1),
                                    closes_at=now + datetime.timedelta(days=1))
    focal = PersonFactory(email="focal@ke.example.org")
    kenya = Initiative.objects.create(forum=edition.forum, name="Kenya IGF", slug="ke",
                                      kind="national", status="recognised")
    kenya.focal_points.add(focal)
    africa = Initiative.objects.create(forum=edition.forum, name="African IGF", slug="af",
                                       kind="regional", status="recognised")
    for nri, amount, score in ((kenya, 5000, 9), (africa, 8000, 6)):
        domain.score_set(application=domain.grant_apply(
            call=call, initiative=nri, amount=amount, purpose="Venue"), score=score)

    staff = Client()
    staff.force_login(secretariat_of(edition.forum))
    decide = url("grants_decide", edition, grant_call_id=call.pk)
    preview = staff.get(decide).content.decode()
    assert "1 granted and 1 not granted" in preview and "focal@ke.example.org" in preview
    assert not OutboxMail.objects.exists()
    fingerprint = preview.split('name="fingerprint" value="')[1].split('"')[0]
    page = staff.post(decide, {"fingerprint": fingerprint}, follow=True).content.decode()
    assert "Decisions sent for Grants 2019: 1 granted (USD 5,000), 1 not granted." in page
    assert "Mailed the focal points of: Kenya IGF." in page
    mail = OutboxMail.objects.get(kind="grant.decision")
    assert "grants Kenya IGF the USD 5,000 it asked for" in mail.body
    assert "What happens next:" in mail.body
    page = staff.post(decide, {"fingerprint": fingerprint}, follow=True).content.decode()
    assert "Nobody was mailed" in page and OutboxMail.objects.count() == 1
    assert GrantApplication.objects.get(initiative=kenya).status == "selected"


def test_funding_actions_admit_only_their_roles():
    assert post_walk.post_problems({
        "funding:travel_call_new": STAFF,
        "funding:travel_call": STAFF,
        "funding:travel_decide": STAFF,
        "funding:travel_score": STAFF,
        "funding:travel_report": frozenset(),  # nobody in the walk has a supported trip
        "funding:grants_decide": STAFF,
        "funding:grants_score": STAFF,
        "funding:travel": "everyone signed in",
        "funding:grants": "everyone signed in",
    }, funding_walk.build) == []


def test_scores_are_saved_from_the_tables_and_shown_again(staff, edition):
    call = open_call(edition)
    (person,) = _applications(edition, call, [3])
    application = TravelApplication.objects.get(person=person)
    page = staff.get(url("travel_manage", edition)).content.decode()
    score_url = url("travel_score", edition, travel_application_id=application.pk)
    assert f'action="{score_url}"' in page and "?do=" not in page
    page = staff.post(score_url, {"score": "7"}, follow=True).content.decode()
    assert "Score saved." in page and 'name="score" min="0" max="10" value="7"' in page
    page = staff.post(score_url, {"score": "11"}, follow=True).content.decode()
    assert "A score is a whole number from 0 to 10." in page
    application.refresh_from_db()
    assert application.score == 7


def _queries(client, address) -> int:

    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


def test_the_applications_and_the_preview_cost_the_same_queries_for_1_or_3(staff, edition):
    call = open_call(edition)
    pages = [url("travel_manage", edition),
             url("travel_decide", edition, travel_call_id=call.pk)]
    _applications(edition, call, [5])
    one = [_queries(staff, page) for page in pages]
    for score in (6, 7):
        person = speaker(edition)
        domain.score_set(application=domain.travel_apply(
            call=call, person=person, cost_estimate=1000, contribution="x"), score=score)
    assert [_queries(staff, page) for page in pages] == one


def test_a_supported_traveller_sends_the_trip_report_from_the_page(client, edition):
    call = open_call(edition)
    (person,) = _applications(edition, call, [8])
    domain.travel_decide(call=call)
    client.force_login(person)
    page = client.get(url("travel", edition)).content.decode()
    report = url("travel_report", edition)
    assert "Your application: Selected." in page and f'action="{report}"' in page
    page = client.post(report, {"trip_report": "Spoke in WS 12."}, follow=True).content.decode()
    assert "Thank you for your trip report." in page and "Received, thank you." in page
    assert TravelApplication.objects.get().trip_report == "Spoke in WS 12."


def test_the_platform_admin_lists_the_calls(client, edition):
    open_call(edition)
    client.force_login(PersonFactory(is_superuser=True, is_staff=True))
    page = client.get("/admin/funding/travelcall/").content.decode()
    assert "Travel 2019" in page
    assert client.get("/admin/funding/grantcall/").status_code == 200
