"""Writes of the programme: sessions from accepted proposals, solving, moving, releases."""

import datetime

import pytest

from openigf.core.errors import ApplicationError
from openigf.programme import domain, queries
from openigf.programme.models import Release, Session
from openigf.proposals.domain import proposal_decide
from tests.factories import EditionFactory, ForumFactory, PersonFactory
from tests.programme.factories import RoomFactory, SessionFactory, SessionPersonFactory, windows
from tests.proposals.factories import CallFactory, ProposalFactory, person_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(forum=ForumFactory(slug="igf"), year=2019)


def test_sessions_from_accepted_proposals_copy_people_once(edition):
    call = CallFactory(edition=edition)
    proposal = ProposalFactory(call=call, status="screened_in", duration=90)
    person_row(proposal, name="Ana Speaker", email="ana@example.org", confirmed=True)
    person_row(proposal, name="Not Confirmed", email="nc@example.org", confirmed=False)
    ProposalFactory(call=call, status="screened_in")  # not accepted
    proposal_decide(proposal=proposal, status="accepted", notify=False)
    made = domain.sessions_from_accepted(edition=edition)
    assert [s.proposal for s in made] == [proposal]
    names = set(made[0].people.values_list("name", flat=True))
    assert "Ana Speaker" in names and "Not Confirmed" not in names
    assert made[0].duration == 90
    assert domain.sessions_from_accepted(edition=edition) == []


def test_solve_places_everything_and_release_logs_moves(edition):
    windows(edition, days=2)
    rooms = [RoomFactory(edition=edition) for _ in range(2)]
    sessions = [SessionFactory(edition=edition) for _ in range(6)]
    shared = PersonFactory()
    for s in sessions[:3]:
        SessionPersonFactory(session=s, person=shared, name=shared.name)
    result = domain.schedule_solve(edition=edition, time_limit=5)
    assert result.ok
    assert Session.objects.filter(edition=edition, starts_at__isnull=True).count() == 0
    assert domain.placement_warnings(edition) == []
    first = domain.release_publish(edition=edition)
    assert first.number == 1 and first.changes == []
    moved = sessions[4]
    moved.refresh_from_db()
    domain.session_place(session=moved, starts_at=moved.starts_at + datetime.timedelta(hours=1),
                         room=rooms[0])
    second = domain.release_publish(edition=edition, note="moved", accept_broken=True)
    assert [c["session"] for c in second.changes] == [moved.pk]
    assert "moved" in Release.objects.get(pk=second.pk).note


def test_a_manual_move_that_clashes_is_kept_with_warnings(edition):
    windows(edition, days=1)
    room = RoomFactory(edition=edition, capacity=20)
    a, b = SessionFactory(edition=edition), SessionFactory(edition=edition,
                                                          expected_audience=30)
    person = PersonFactory(name="Kim Lee")
    for s in (a, b):
        SessionPersonFactory(session=s, person=person, name="Kim Lee")
    start = windows(edition, days=0) or None
    start = edition.time_windows.first().starts_at
    domain.session_place(session=a, starts_at=start, room=room)
    warnings = domain.session_place(session=b, starts_at=start, room=room)
    text = " ".join(warnings)
    assert "Kim Lee is in two places at once" in text
    assert "overlap in" in text
    assert "seats" in text
    b.refresh_from_db()
    assert b.starts_at == start


def test_an_impossible_programme_says_why_in_plain_words(edition):
    windows(edition, days=1)
    RoomFactory(edition=edition, capacity=10)
    SessionFactory(edition=edition, title="Huge", expected_audience=1000)
    with pytest.raises(ApplicationError, match="No room can take “Huge”"):
        domain.schedule_solve(edition=edition, time_limit=5)


def test_solving_needs_windows_and_rooms(edition):
    SessionFactory(edition=edition)
    with pytest.raises(ApplicationError, match="time windows"):
        domain.schedule_solve(edition=edition, time_limit=1)


def test_people_in_sessions_and_times(edition):
    windows(edition, days=1)
    room = RoomFactory(edition=edition)
    s = SessionFactory(edition=edition, title="On data")
    person = PersonFactory()
    SessionPersonFactory(session=s, person=person, role="moderator")
    assert queries.people_in_sessions(edition) == {person.pk: [("On data", "Onsite moderator")]}
    assert queries.session_times(s) is None
    domain.session_place(session=s, starts_at=edition.time_windows.first().starts_at,
                         room=room)
    start, end, where = queries.session_times(s)
    assert end - start == datetime.timedelta(minutes=60) and where == room


def test_star_toggles(edition):
    s = SessionFactory(edition=edition)
    person = PersonFactory()
    assert domain.star_toggle(person=person, session=s) is True
    assert domain.star_toggle(person=person, session=s) is False
