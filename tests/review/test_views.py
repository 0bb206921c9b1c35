"""Evaluation pages: the reviewer's workspace and score form, the Secretariat's round,
assignment, CSV, results and selection; reviews never reach the reviewed."""

import datetime
import io

import pytest
from django.urls import reverse

from openigf.core.models import Job
from openigf.outbox.models import OutboxMail
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
    response = client.post(url("conflict", world, proposal_id=second.proposal_id),
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
    response = client.post(url("round", world), {
        "opens_at": "2019-06-01T00:00", "closes_at": "2019-05-01T00:00",
        "reviews_per_proposal": 2})
    assert "must close after it opens" in response.content.decode()
    response = client.post(url("assign", world), follow=True)
    assert "12 reviews added, 0 removed, 0 kept. Every proposal has 2 to 2 reviewers; each " \
        "reviewer has 3 to 3 proposals." in response.content.decode()
    csv_text = client.get(url("csv", world)).content.decode()
    assert csv_text.count("\n") == 13
    bad = io.BytesIO(b"proposal_id,reviewer_email\n1,nobody@example.org\n")
    bad.name = "a.csv"
    response = client.post(url("import", world), {"file": bad}, follow=True)
    assert "Line 2:" in response.content.decode()
    for a in Assignment.objects.all():
        Review.objects.create(round=world["round"], proposal=a.proposal, reviewer=a.reviewer,
                              score=3 + a.proposal.pk % 3, reason="format")
    response = client.post(url("select", world), {
        "slots": 3, "developing_share": 0, "first_time_share": 0}, follow=True)
    assert "3 proposals selected." in response.content.decode()
    response = client.post(url("decide", world), follow=True)
    assert "Decisions sent for 6 proposals" in response.content.decode()


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


def test_a_conflicted_member_sees_nothing_of_that_proposals_evaluation(client, world):

    round_ = world["round"]
    member, hidden = world["mag"][0], world["proposals"][0]
    for i, p in enumerate(world["proposals"]):
        for reviewer in world["mag"][1:3]:
            Assignment.objects.create(round=round_, proposal=p, reviewer=reviewer)
            Review.objects.create(round=round_, proposal=p, reviewer=reviewer, score=5 - i % 5,
                                  reason="format" if 5 - i % 5 <= 3 else "")
    Conflict.objects.create(round=round_, proposal=hidden, reviewer=member, reason="Speaker",
                            declared=True)
    domain.selection_run(round_=round_, slots=2, developing_share=0, first_time_share=0,
                         every_region=False, every_group=False)
    round_.closes_at = round_.opens_at + datetime.timedelta(minutes=1)
    round_.save()
    client.force_login(member)
    html = client.get(url("results", world)).content.decode()
    assert hidden.title not in html and "#1:" not in html  # neither row, score nor reason
    ranks = [int(r) for r in __import__("re").findall(r"<tr><td>(\d+)</td>", html)]
    assert ranks == [1, 2, 3, 4, 5]  # no gap gives the hidden proposal's place away
    client.force_login(world["mag"][1])  # a member without the conflict sees all six
    html = client.get(url("results", world)).content.decode()
    assert hidden.title in html and "#1:" in html


def test_assignment_is_previewed_then_confirmed_and_a_second_run_changes_nothing(client,
                                                                                 world):
    client.force_login(secretariat_of(world["edition"].forum))
    preview = client.get(url("assign", world)).content.decode()
    assert "12 reviews to add" in preview and "Confirm the assignment" in preview
    assert not Assignment.objects.exists()  # the preview does nothing
    client.post(url("assign", world))
    preview = client.get(url("assign", world)).content.decode()
    assert "0 reviews to add" in preview and "12 reviews kept" in preview
    assert "nothing to change" in preview and "Confirm the assignment" not in preview
    response = client.post(url("assign", world), follow=True)
    assert "0 reviews added, 0 removed, 12 kept" in response.content.decode()
    assert Assignment.objects.count() == 12
    manage = response.content.decode()  # the loads reported are the table's: 3 each
    assert manage.count("<td>3</td><td>0</td>") == 4


def test_a_member_with_scoring_closed_gets_a_read_only_page_under_one_notice(client, world):

    domain.assign_reviewers(round_=world["round"])
    member = world["mag"][0]
    a = Assignment.objects.filter(reviewer=member).first()
    domain.review_save(round_=world["round"], proposal=a.proposal, reviewer=member, score=4)
    round_ = world["round"]
    round_.closes_at = round_.opens_at + datetime.timedelta(minutes=1)
    round_.save()
    client.force_login(member)
    html = client.get(url("score", world, proposal_id=a.proposal_id)).content.decode()
    assert html.count("Scoring closed on") == 1
    assert html.index("Scoring closed on") < html.index("<h1>")  # at the top
    assert "<fieldset disabled" in html and 'value="4"' in html and "checked" in html
    assert "Save and go to the next" not in html and "Declare the conflict" not in html
    response = client.post(url("score", world, proposal_id=a.proposal_id), {"score": "1"})
    assert response.status_code == 409 and response.content.decode().count(
        "Scoring closed on") == 1
    assert Review.objects.get(reviewer=member, proposal=a.proposal).score == 4
    workspace = client.get(url("workspace", world)).content.decode()
    assert url("results", world) in workspace and "Scoring closed on" in workspace


def test_while_scoring_is_open_members_are_told_when_results_come(client, world):
    client.force_login(world["mag"][0])
    workspace = client.get(url("workspace", world)).content.decode()
    assert "The results are shown here once scoring closes." in workspace
    response = client.get(url("results", world))
    html = response.content.decode()
    assert response.status_code == 403 and "Scoring is open until" in html
    assert "does not hold the role" not in html


def _scored(world):
    domain.assign_reviewers(round_=world["round"])
    for a in Assignment.objects.all():
        Review.objects.create(round=world["round"], proposal=a.proposal, reviewer=a.reviewer,
                              score=4 + a.proposal.pk % 2)


def test_selection_runs_as_a_job_and_its_settings_stay_in_the_forms_units(client, world):

    _scored(world)
    client.force_login(secretariat_of(world["edition"].forum))
    form = client.get(url("results", world)).content.decode()
    assert 'name="developing_share" value="30"' in form and "data-once" in form
    assert 'name="every_region" id="id_every_region" checked' in form
    response = client.post(url("select", world), {
        "slots": 4, "developing_share": 0, "first_time_share": 25, "every_region": ""})
    job = Job.objects.get(kind="review.select")
    assert response["Location"] == job.get_absolute_url()
    page = client.get(job.get_absolute_url()).content.decode()
    assert "4 proposals selected." in page and "See the result" in page
    assert "objective" not in page
    form = client.get(url("results", world)).content.decode()
    assert 'name="slots" value="4"' in form
    assert 'name="first_time_share" value="25"' in form  # a percentage, not 0.25
    assert 'name="developing_share" value="0"' in form
    assert 'name="every_region" id="id_every_region" checked' not in form


def test_decisions_show_who_receives_what_then_send_once(client, world):

    _scored(world)
    domain.selection_run(round_=world["round"], slots=2, developing_share=0,
                         first_time_share=0, every_region=False, every_group=False)
    client.force_login(secretariat_of(world["edition"].forum))
    preview = client.get(url("decide", world)).content.decode()
    for p in world["proposals"]:
        assert p.created_by.email in preview and p.title in preview
    assert "6 proposals will be decided and 6 organisers told by mail" in preview
    assert "Send 6 decisions" in preview and not OutboxMail.objects.exists()
    response = client.post(url("decide", world), follow=True)
    assert "Decisions sent for 6 proposals (Accepted: 2, Waitlisted: 4); " \
        "6 mails to their organisers." in response.content.decode()
    assert OutboxMail.objects.count() == 6
    again = client.post(url("decide", world), follow=True).content.decode()
    assert "Nothing was sent" in again and OutboxMail.objects.count() == 6
    assert "there is nothing to send" in client.get(url("decide", world)).content.decode()


def test_reminders_show_who_receives_one_before_sending(client, world):

    domain.assign_reviewers(round_=world["round"])
    client.force_login(secretariat_of(world["edition"].forum))
    preview = client.get(url("remind", world)).content.decode()
    assert all(m.email in preview for m in world["mag"]) and "Send 4 reminders" in preview
    assert not OutboxMail.objects.exists()
    response = client.post(url("remind", world), follow=True)
    assert "Reminders sent to 4 reviewers" in response.content.decode()
    assert "No one to remind" in client.get(url("remind", world)).content.decode()
