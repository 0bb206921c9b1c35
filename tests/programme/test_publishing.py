"""The Secretariat publishes the working schedule: a clash is named and confirmed first,
re-solving a public schedule keeps placed sessions, and the people of moved sessions are
mailed once each, after a preview."""

import datetime

import pytest

from openigf.core.errors import ApplicationError, Conflict
from openigf.forums.enums import SessionKind
from openigf.outbox.models import OutboxMail
from openigf.programme import domain
from openigf.programme.models import Release
from tests.factories import PersonFactory, secretariat_of
from tests.htmlforms import form_with
from tests.programme.factories import (
    RoomFactory,
    SessionFactory,
    SessionPersonFactory,
    url,
    windows,
)

pytestmark = pytest.mark.django_db
BERLIN_10 = datetime.datetime(2019, 11, 26, 9, 0, tzinfo=datetime.UTC)  # 10:00 CET


def clash(edition):
    """The opening plenary and a main session in the same hall at the same time."""
    windows(edition, days=1, start="09:00", end="18:00")
    hall = RoomFactory(edition=edition, name="Plenary hall", capacity=2000)
    opening = SessionFactory(edition=edition, kind=SessionKind.OPENING, title="Opening plenary")
    main = SessionFactory(edition=edition, kind=SessionKind.MAIN, title="Main session 2")
    for s in (opening, main):
        domain.session_place(session=s, starts_at=BERLIN_10, room=hall)
    return opening, main


def test_a_clash_is_named_in_plain_words_with_the_edition_zone(edition):
    clash(edition)
    assert ("“Main session 2” and “Opening plenary” overlap in Plenary hall on "
            "Tue 26 Nov 2019, 10:00 CET.") in domain.placement_warnings(edition)


def test_publishing_with_a_clash_is_refused_without_the_confirmation_of_exactly_it(edition):
    clash(edition)
    with pytest.raises(ApplicationError, match="overlap in Plenary hall"):
        domain.release_publish(edition=edition)
    with pytest.raises(ApplicationError):
        domain.release_publish(edition=edition, accept_broken="a-stale-confirmation")
    preview = domain.release_preview(edition)
    release = domain.release_publish(edition=edition, accept_broken=preview.confirmation)
    assert release.number == 1


def test_the_publish_page_asks_first_naming_each_broken_constraint(client, edition):
    clash(edition)
    client.force_login(secretariat_of(edition.forum))
    page = client.get(url("publish", edition)).content.decode()
    assert "overlap in Plenary hall on Tue 26 Nov 2019, 10:00 CET" in page
    form = form_with(page, "confirm_broken")
    response = client.post(url("publish", edition), form.data())
    assert response.status_code == 200
    assert "Tick this to publish with the broken constraints" in response.content.decode()
    assert not Release.objects.filter(edition=edition).exists()
    response = client.post(url("publish", edition), {**form.data(), "confirm_broken": "on"})
    assert response.status_code == 302
    assert Release.objects.filter(edition=edition).count() == 1
    response = client.post(url("publish", edition), {**form.data(), "confirm_broken": "on"},
                           follow=True)  # the same confirmation pressed again
    assert Release.objects.filter(edition=edition).count() == 1
    assert "Version 1 was published meanwhile" in response.content.decode()


def test_resolving_a_public_schedule_keeps_placed_sessions_unless_asked(edition):
    windows(edition, days=2)
    for _ in range(2):
        RoomFactory(edition=edition)
    placed = [SessionFactory(edition=edition) for _ in range(5)]
    domain.schedule_solve(edition=edition, time_limit=5)
    domain.release_publish(edition=edition)
    where = {s.pk: (s.starts_at, s.room_id) for s in
             type(placed[0]).objects.filter(pk__in=[s.pk for s in placed])}
    late = SessionFactory(edition=edition, title="A late addition")
    domain.schedule_solve(edition=edition, time_limit=5)
    after = {s.pk: (s.starts_at, s.room_id) for s in
             type(placed[0]).objects.filter(pk__in=[s.pk for s in placed])}
    assert after == where
    late.refresh_from_db()
    assert late.starts_at is not None


def test_the_solve_form_offers_moving_placed_sessions_only_once_public(client, edition):
    windows(edition, days=1)
    RoomFactory(edition=edition)
    SessionFactory(edition=edition)
    client.force_login(secretariat_of(edition.forum))
    assert "move_placed" not in client.get(url("manage", edition)).content.decode()
    domain.schedule_solve(edition=edition, time_limit=5)
    domain.release_publish(edition=edition)
    form = form_with(client.get(url("manage", edition)).content.decode(), "move_placed")
    assert "move_placed" not in form.data()  # off by default


def moved_programme(edition):
    """Two published sessions sharing an organiser, then both moved by hand."""
    windows(edition, days=1, start="09:00", end="18:00")
    room = RoomFactory(edition=edition, name="Raum I")
    organiser = PersonFactory(email="ana@example.org", name="Ana")
    a = SessionFactory(edition=edition, title="On data")
    b = SessionFactory(edition=edition, title="On access")
    still = SessionFactory(edition=edition, title="Unmoved")
    for s in (a, b):
        SessionPersonFactory(session=s, person=organiser, name="Ana", role="organiser")
    SessionPersonFactory(session=a, name="Bo", email="bo@example.org", role="speaker")
    SessionPersonFactory(session=a, name="Mo", email="mo@example.org", role="moderator")
    SessionPersonFactory(session=still, name="Cy", email="cy@example.org", role="speaker")
    for i, s in enumerate((a, b, still)):
        domain.session_place(session=s, starts_at=BERLIN_10 + datetime.timedelta(hours=i),
                             room=room)
    domain.release_publish(edition=edition)
    for i, s in enumerate((a, b)):
        domain.session_place(session=s, starts_at=BERLIN_10 + datetime.timedelta(hours=4 + i),
                             room=room)
    return a, b


def test_publishing_mails_organisers_and_speakers_of_moved_sessions_once(client, edition):
    moved_programme(edition)
    client.force_login(secretariat_of(edition.forum))
    page = client.get(url("publish", edition)).content.decode()
    assert "ana@example.org" in page and "bo@example.org" in page
    assert "mo@example.org" not in page and "cy@example.org" not in page
    assert "Tue 26 Nov 2019, 14:00 CET, Raum I" in page
    form = form_with(page, "notify")
    assert form.data()["notify"]  # on by default, and said who gets what above
    client.post(url("publish", edition), form.data())
    mails = OutboxMail.objects.filter(edition=edition).order_by("to")
    assert [m.to for m in mails] == ["ana@example.org", "bo@example.org"]
    ana = mails[0]
    assert "On data" in ana.body and "On access" in ana.body and "Unmoved" not in ana.body
    assert "11:00 CET" in ana.body and "15:00 CET" in ana.body
    release = Release.objects.get(edition=edition, number=2)
    assert domain.release_notify(release=release) == []
    client.post(url("publish", edition), form.data())  # pressed twice
    assert OutboxMail.objects.filter(edition=edition).count() == 2
    assert Release.objects.filter(edition=edition).count() == 2


def test_publishing_without_notify_mails_nobody(edition):
    moved_programme(edition)
    preview = domain.release_preview(edition)
    assert [r.address for r in preview.recipients] == ["ana@example.org", "bo@example.org"]
    domain.release_publish(edition=edition, base=preview.base)
    assert not OutboxMail.objects.filter(edition=edition).exists()
    with pytest.raises(Conflict):
        domain.release_publish(edition=edition, base=preview.base)


def test_resolving_with_placed_sessions_in_a_clash_says_so_unless_they_may_move(edition):
    windows(edition, days=1, start="09:00", end="18:00")
    hall = RoomFactory(edition=edition, name="Plenary hall")
    a = SessionFactory(edition=edition, title="Opening plenary")
    b = SessionFactory(edition=edition, title="Main session 2")
    domain.schedule_solve(edition=edition, time_limit=5)
    domain.release_publish(edition=edition)
    a.refresh_from_db()
    domain.session_place(session=b, starts_at=a.starts_at, room=hall)
    with pytest.raises(ApplicationError, match="cannot all keep their place: .* overlap in "
                                               "Plenary hall"):
        domain.schedule_solve(edition=edition, time_limit=5)
    domain.schedule_solve(edition=edition, time_limit=5, move_placed=True)
    assert domain.placement_warnings(edition) == []

