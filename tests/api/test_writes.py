"""Writes for integrations, through the domain with the pages' rules: proposals, reports,
registrations; read back what was written."""

import json

import pytest

from openigf.core.models import AuditEntry
from openigf.proposals.models import Proposal
from openigf.registration.models import Registration, RegistrationSettings
from tests.api import world as api_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return api_world.build()


def _send(client, method, url, body, secret):
    return getattr(client, method)(url, json.dumps(body), content_type="application/json",
                                   HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_a_proposal_is_started_changed_and_submitted_and_reads_back(client, world):
    secret = world.token("participant")
    created = _send(client, "post", world.base + "proposals/",
                    {"call": "workshop", "title": "Community networks", "duration": 60,
                     "theme": world.theme.pk, "write_in_tags": ["mesh"]}, secret)
    assert created.status_code == 201, created.content
    proposal = created.json()
    assert (proposal["status"], proposal["duration"], [t["name"] for t in proposal["tags"]]) \
        == ("draft", 60, ["mesh"])
    url = world.base + f"proposals/{proposal['id']}/"
    updates = AuditEntry.objects.filter(action="proposal.update",
                                        actor=world.people["participant"])
    before = updates.count()
    changed = _send(client, "patch", url, {"description": "Mesh networks in villages.",
                                           "format": "roundtable"}, secret)
    assert (changed.json()["title"], changed.json()["description"], changed.json()["duration"]) \
        == ("Community networks", "Mesh networks in villages.", 60)
    assert updates.count() == before + 1
    assert updates.first().changes["description"] == ["", "Mesh networks in villages."]
    again = _send(client, "patch", url, {"description": "Mesh networks in villages."}, secret)
    assert (again.status_code, updates.count()) == (200, before + 1)
    alone = _send(client, "post", url + "submit/", {}, secret)
    assert (alone.status_code, list(alone.json()["error"]["fields"])) == (400, ["people"])
    for role, name, gender in (("moderator", "Mo", "male"), ("speaker", "Sue", "female"),
                               ("speaker", "Sid", "male")):
        added = _send(client, "post", url + "people/",
                      {"role": role, "name": name, "email": f"{name.lower()}@example.net",
                       "stakeholder_group": "academia", "gender": gender, "country": "404"},
                      secret)
        assert added.status_code == 201, added.content
    submitted = _send(client, "post", url + "submit/", {}, secret)
    assert (submitted.status_code, submitted.json().get("status")) == (200, "submitted"), \
        submitted.content
    read = client.get(url, HTTP_AUTHORIZATION=f"Bearer {secret}").json()
    assert (read["description"], sorted(p["name"] for p in read["people"])) == (
        "Mesh networks in villages.", ["Mo", "Pia Participant", "Sid", "Sue"])


def test_a_proposal_keeps_the_calls_rules(client, world):
    secret = world.token("participant")
    refused = _send(client, "post", world.base + "proposals/",
                    {"call": "workshop", "title": "Too long", "duration": 45,
                     "description": "word " * 501}, secret)
    assert refused.status_code == 400
    assert sorted(refused.json()["error"]["fields"]) == ["description", "duration"]
    assert not Proposal.objects.filter(title="Too long").exists()
    no_call = _send(client, "post", world.base + "proposals/",
                    {"call": "town_hall", "title": "No such call"}, secret)
    assert list(no_call.json()["error"]["fields"]) == ["call"]


def test_a_report_is_filed_with_the_templates_questions(client, world):
    secret = world.token("organiser")
    url = world.base + f"sessions/{world.session.pk}/reports/full/"
    unknown = _send(client, "put", url, {"answers": {"colour": "blue"}}, secret)
    assert list(unknown.json()["error"]["fields"]) == ["answers.colour"]
    missing = _send(client, "put", url, {"answers": {"summary": "We met."}, "submit": True},
                    secret)
    assert "answers.participants_onsite" in missing.json()["error"]["fields"]
    answers = {"summary": "We met.", "participants_onsite": 40, "participants_online": 12,
               "women_share": 50, "gender_discussed": "yes"}
    filed = _send(client, "put", url, {"answers": answers, "takeaways": ["Connect villages."],
                                       "submit": True}, secret)
    assert (filed.status_code, filed.json()["status"], filed.json()["answers"]) == (
        200, "submitted", answers)
    public = client.get(world.base + f"sessions/{world.session.pk}/reports/").json()
    assert [r["kind"] for r in public] == ["full", "short"]


def test_registration_is_idempotent_and_checks_the_questions(client, world):
    RegistrationSettings.objects.update_or_create(edition=world.edition, defaults={
        "questions": [{"key": "diet", "label": "Diet", "required": True}]})
    secret = world.token("participant")
    url = world.base + "registration/"
    missing = _send(client, "post", url, {"attendance": "online"}, secret)
    assert missing.json()["error"]["fields"] == {"answers.diet": [
        "This question must be answered."]}
    first = _send(client, "post", url, {"attendance": "online", "answers": {"diet": "vegan"}},
                  secret)
    again = _send(client, "post", url, {"attendance": "online", "answers": {"diet": "vegan"}},
                  secret)
    assert (first.status_code, again.status_code, first.json()["id"]) == (
        201, 200, again.json()["id"])
    assert Registration.objects.get().answers == {"diet": "vegan"}
