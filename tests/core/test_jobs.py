import datetime

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone

from openigf.core.errors import ApplicationError
from openigf.core.jobs import job_progress, job_start, job_task
from openigf.core.models import Job
from tests.factories import EditionFactory, PersonFactory, secretariat_of

CALLS = []


@job_task(name="tests.core.count_to")
def count_to(job, *, n, fail=False):
    CALLS.append(n)
    for i in range(n):
        job.step(i + 1, n, f"counting {i + 1}")
    if fail:
        raise ApplicationError("There is nothing to count.")
    return {"summary": f"Counted to {n}.", "details": ["no number skipped"], "url": "/done/"}


@pytest.fixture
def edition():
    return EditionFactory(timezone="Europe/Berlin")


def _start(edition, person, **params):
    return job_start(kind="tests.count", task=count_to, edition=edition, person=person,
                     params=params, label="Count", return_url="/back/")


@pytest.mark.django_db
def test_job_start_inline_runs_and_keeps_the_result(edition):
    person = secretariat_of(edition.forum)
    job = _start(edition, person, n=3)
    job.refresh_from_db()
    assert (job.status, job.done, job.total, job.result) == (
        "done", 3, 3, {"summary": "Counted to 3.", "details": ["no number skipped"],
                       "url": "/done/"})
    assert job.finished_at is not None and job.started_by == person


@pytest.mark.django_db
def test_job_page_shows_the_result_in_plain_words_to_the_starter(edition):
    person = secretariat_of(edition.forum)
    job = _start(edition, person, n=2)
    client = Client()
    client.force_login(person)
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Counted to 2." in page and "no number skipped" in page
    assert 'href="/done/"' in page and 'href="/back/"' in page
    assert "hx-trigger" not in page  # finished: no more polling
    assert "CET" in page  # the start time in the edition's zone, labelled


@pytest.mark.django_db
def test_job_page_is_refused_to_others(edition):
    job = _start(edition, secretariat_of(edition.forum), n=1)
    client = Client()
    assert client.get(job.get_absolute_url()).status_code in (302, 403)
    client.force_login(PersonFactory())
    assert client.get(job.get_absolute_url()).status_code == 403


@pytest.mark.django_db
def test_job_start_twice_returns_the_unfinished_job(edition):
    person = secretariat_of(edition.forum)
    running = Job.objects.create(kind="tests.count", key=f"tests.count:e{edition.pk}:",
                                 label="Count", edition=edition, forum=edition.forum,
                                 task="tests.core.count_to", status="running",
                                 heartbeat=timezone.now())
    CALLS.clear()
    again = _start(edition, person, n=5)
    assert again.pk == running.pk and CALLS == []
    assert Job.objects.count() == 1


@pytest.mark.django_db
def test_job_start_abandons_a_job_that_stopped_responding(edition):
    person = secretariat_of(edition.forum)
    old = timezone.now() - datetime.timedelta(hours=1)
    stale = Job.objects.create(kind="tests.count", key=f"tests.count:e{edition.pk}:",
                               label="Count", edition=edition, forum=edition.forum,
                               task="tests.core.count_to", status="running", heartbeat=old)
    fresh = _start(edition, person, n=1)
    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert fresh.pk != stale.pk and stale.status == "failed" and fresh.status == "done"
    assert "stopped responding" in stale.error


@pytest.mark.django_db
def test_job_refusal_is_shown_as_the_reason(edition):
    person = secretariat_of(edition.forum)
    job = _start(edition, person, n=1, fail=True)
    job.refresh_from_db()
    assert (job.status, job.error) == ("failed", "There is nothing to count.")
    client = Client()
    client.force_login(person)
    assert "There is nothing to count." in client.get(job.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_job_redelivered_after_it_finished_does_not_work_twice(edition):
    job = _start(edition, secretariat_of(edition.forum), n=2)
    CALLS.clear()
    assert count_to.run(job_id=str(job.pk)) == "skipped"
    assert CALLS == []


@pytest.mark.django_db
def test_job_progress_inside_a_transaction_is_visible_from_outside(edition):
    job = Job.objects.create(kind="k", key="k", label="L", edition=edition, task="t",
                             status="running")
    with transaction.atomic():
        job.step(4, 10, "halfway there")
        seen = job_progress(Job.objects.get(pk=job.pk))
    assert (seen.done, seen.total, seen.message, seen.percent) == (4, 10, "halfway there", 40)


@pytest.mark.django_db
def test_job_page_polls_while_running(edition):
    person = secretariat_of(edition.forum)
    job = Job.objects.create(kind="k", key="k", label="Solve", edition=edition,
                             forum=edition.forum, task="t", status="running",
                             started_by=person, done=3, total=12, message="Placing sessions")
    client = Client()
    client.force_login(person)
    fragment = client.get(job.get_absolute_url(), HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' in fragment and "<html" not in fragment
    assert 'value="3"' in fragment and "Placing sessions" in fragment
    page = client.get(job.get_absolute_url()).content.decode()
    assert 'http-equiv="refresh"' in page  # works without JavaScript too


def test_job_start_refuses_a_plain_function():
    with pytest.raises(ValueError):
        job_start(kind="x", task=print, label="x")
