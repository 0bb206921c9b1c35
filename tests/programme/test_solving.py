"""Solving the schedule from the Secretariat's page: a job with its progress, one at a time,
and a result in plain words."""

import pytest
from django.utils import timezone

from openigf.core.models import Job
from openigf.forums.models import Tag
from openigf.programme.models import Session
from tests.factories import (
    PersonFactory,
    secretariat_of,
)
from tests.programme.factories import (
    RoomFactory,
    SessionFactory,
    SessionPersonFactory,
    url,
    windows,
)

pytestmark = pytest.mark.django_db


def test_solving_runs_as_a_job_whose_result_speaks_plain_words(client, edition):
    windows(edition, days=1, start="09:00", end="11:00")
    for _ in range(2):
        RoomFactory(edition=edition)
    tag = Tag.objects.create(edition=edition, name="Privacy")
    shared = PersonFactory(name="Kim Lee")
    sessions = [SessionFactory(edition=edition) for _ in range(3)]
    for s in sessions[:2]:
        SessionPersonFactory(session=s, person=shared, name="Kim Lee")
    for s in sessions:
        s.tags.add(tag)  # three in two rooms for two hours: two must run side by side
    client.force_login(secretariat_of(edition.forum))
    response = client.post(url("solve", edition), {"time_limit": 5})
    job = Job.objects.get(kind="programme.solve", edition=edition)
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.error == "" and job.status == "done" and job.done == job.total == 3
    page = client.get(job.get_absolute_url()).content.decode()
    assert ("All 3 sessions placed, no speaker in two rooms, 2 sessions share a tag with a "
            "parallel one.") in page
    for jargon in ("objective", "bound", "gap"):
        assert jargon not in page
    assert Session.objects.filter(edition=edition, starts_at__isnull=True).count() == 0
    manage = client.get(url("manage", edition)).content.decode()
    assert "All 3 sessions placed, no speaker in two rooms" in manage


def test_the_solve_button_cannot_start_a_second_solve(client, edition):
    windows(edition, days=1)
    RoomFactory(edition=edition)
    SessionFactory(edition=edition)
    running = Job.objects.create(kind="programme.solve", key=f"programme.solve:e{edition.pk}:",
                                 label="Solve the schedule", edition=edition,
                                 forum=edition.forum, task="programme.solve",
                                 status="running", heartbeat=timezone.now())
    client.force_login(secretariat_of(edition.forum))
    page = client.get(url("manage", edition)).content.decode()
    assert "The schedule is being solved." in page and running.get_absolute_url() in page
    assert 'action="' + url("solve", edition) not in page
    response = client.post(url("solve", edition), {"time_limit": 5})
    assert response["Location"] == running.get_absolute_url()
    assert Job.objects.count() == 1
    assert not Session.objects.filter(edition=edition, starts_at__isnull=False).exists()


def test_an_impossible_solve_says_why_on_the_job_page(client, edition):
    windows(edition, days=1)
    RoomFactory(edition=edition, capacity=10)
    SessionFactory(edition=edition, title="Huge", expected_audience=1000)
    client.force_login(secretariat_of(edition.forum))
    response = client.post(url("solve", edition), {"time_limit": 5}, follow=True)
    assert "No room can take “Huge”" in response.content.decode()
