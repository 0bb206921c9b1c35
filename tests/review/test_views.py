"""Evaluation pages: the reviewer's workspace and score form, the Secretariat's round,
assignment, CSV, results and selection; reviews never reach the reviewed."""

import datetime
import io

import pytest
from django.urls import reverse

from openigf.review import domain
from openigf.review.models import Assignment, Conflict, Review
from tests.factories import PersonFactory, secretariat_of


def url(name, world, **kwargs):
    return reverse(f"review:{name}", kwargs={**world["edition"].url_kwargs, **kwargs})


def test_reviewer_scores_and_moves_to_the_next(client, world):
    domain.assign_reviewers(round_=world["round"])
    member = world["mag"][0]
    client.force_login(member)
    html = client.get(url("workspace", world)).content.decode()
    assert "0 of" in html and "Score the next proposal" in html
    first, second = Assignment.objects.filter(reviewer=member).order_by(
        "proposal__title")[:2]
    page = url("score", world, proposal_id=first.proposal_id)
    response = client.post(page, {"score": "2", "comment": "thin"})
    html = response.content.decode()  # the refusal stands at the reason field
    assert '<ul class="errorlist" id="id_reason_error"><li>Choose the main reason.</li></ul>' \
        in html and 'aria-describedby="id_reason_error"' in html
    assert "thin" in response.content.decode()  # what was typed is kept
    response = client.post(page, {"score": "4"})
    assert response.status_code == 302
    assert Review.objects.get(reviewer=member, proposal=first.proposal).score == 4
    response = client.post(url("score", world, proposal_id=second.proposal_id) + "?do=conflict",
                           {"conflict-reason": "I am a speaker"})
    assert Conflict.objects.filter(reviewer=member, declared=True).count() == 1


def test_a_reviewer_sees_only_their_list(client, world):
    domain.assign_reviewers(round_=world["round"])
    member = world["mag"][0]
    mine = set(Assignment.objects.filter(reviewer=member).values_list("proposal_id", flat=True))
    others = {p.pk for p in world["proposals"]} - mine
    assert (len(mine), len(others)) == (3, 3)
    client.force_login(member)
    status = {pk: client.get(url("score", world, proposal_id=pk)).status_code
              for pk in mine | others}
    assert status == {**dict.fromkeys(mine, 200), **dict.fromkeys(others, 404)}


def test_reviews_never_reach_the_reviewed(client, world):
    domain.assign_reviewers(round_=world["round"])
    a = Assignment.objects.first()
    domain.review_save(round_=world["round"], proposal=a.proposal, reviewer=a.reviewer,
                       score=5, comment="SECRET COMMENT")
    proposer = a.proposal.created_by
    client.force_login(proposer)
    for name in ("results", "manage", "workspace"):
        assert client.get(url(name, world)).status_code == 403
    detail = client.get(a.proposal.get_absolute_url()).content.decode()
    assert "SECRET COMMENT" not in detail and a.reviewer.name not in detail


def test_secretariat_sets_assigns_exports_imports_selects_and_decides(client, world):
    client.force_login(secretariat_of(world["edition"].forum))
    response = client.post(url("manage", world) + "?do=round", {
        "opens_at": "2019-06-01T00:00", "closes_at": "2019-05-01T00:00",
        "reviews_per_proposal": 2})
    assert "must close after it opens" in response.content.decode()
    response = client.post(url("manage", world) + "?do=assign", follow=True)
    assert "Assigned: 12 reviews" in response.content.decode()
    csv_text = client.get(url("csv", world)).content.decode()
    assert csv_text.count("\n") == 13
    bad = io.BytesIO(b"proposal_id,reviewer_email\n1,nobody@example.org\n")
    bad.name = "a.csv"
    response = client.post(url("manage", world) + "?do=import", {"file": bad}, follow=True)
    assert "Line 2:" in response.content.decode()
    for a in Assignment.objects.all():
        Review.objects.create(round=world["round"], proposal=a.proposal, reviewer=a.reviewer,
                              score=3 + a.proposal.pk % 3, reason="format")
    response = client.post(url("results", world) + "?do=select", {
        "slots": 3, "developing_share": 0, "first_time_share": 0}, follow=True)
    assert "3 proposals selected" in response.content.decode()
    response = client.post(url("results", world) + "?do=decide", follow=True)
    assert "Decisions sent" in response.content.decode()


def test_results_page_runs_a_fixed_number_of_queries(client, world,
                                                     django_assert_max_num_queries):
    domain.assign_reviewers(round_=world["round"])
    for a in Assignment.objects.all():
        Review.objects.create(round=world["round"], proposal=a.proposal, reviewer=a.reviewer,
                              score=4)
    client.force_login(secretariat_of(world["edition"].forum, email="s2@example.org"))
    with django_assert_max_num_queries(20):
        assert client.get(url("results", world)).status_code == 200


@pytest.mark.django_db
def test_only_mag_members_review(client, world):
    client.force_login(PersonFactory())
    assert client.get(url("workspace", world)).status_code == 403


def test_members_see_results_only_after_scoring_closes(client, world):
    client.force_login(world["mag"][0])
    assert client.get(url("results", world)).status_code == 403
    round_ = world["round"]
    round_.closes_at = round_.opens_at + datetime.timedelta(minutes=1)
    round_.save()
    assert client.get(url("results", world)).status_code == 200
