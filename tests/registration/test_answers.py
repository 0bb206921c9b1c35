"""Answers to the edition's extra questions are checked in the domain, for the page and the
API alike."""

import pytest

from openigf.core.errors import ApplicationError
from openigf.registration import domain
from openigf.registration.models import Registration
from tests.factories import EditionFactory, PersonFactory

pytestmark = pytest.mark.django_db
QUESTIONS = [{"key": "diet", "label": "Diet", "required": True},
             {"key": "visa", "label": "Visa letter", "required": False}]


@pytest.fixture
def edition():
    edition = EditionFactory()
    settings = domain.settings_of(edition)
    settings.questions = QUESTIONS
    settings.save()
    return edition


@pytest.mark.parametrize("answers, fields", [
    ({"diet": "vegan", "blob": "x" * 9_000_000}, ["answers.blob"]),
    ({"diet": "x" * 1001}, ["answers.diet"]),
    ({"diet": {"nested": ["json"]}}, ["answers.diet"]),
    ({}, ["answers.diet"]),
    (["diet"], ["answers"]),
])
def test_answers_outside_the_questions_are_refused(edition, answers, fields):
    with pytest.raises(ApplicationError) as refused:
        domain.register(edition=edition, person=PersonFactory(), answers=answers)
    assert sorted(refused.value.fields) == fields
    assert not Registration.objects.exists()


def test_answers_are_kept_for_every_question(edition):
    registration, _created = domain.register(edition=edition, person=PersonFactory(),
                                             answers={"diet": " vegan "})
    assert registration.answers == {"diet": "vegan", "visa": ""}


def test_the_page_shares_the_check(client, edition):
    person = PersonFactory()
    client.force_login(person)
    url = f"/{edition.forum.slug}/{edition.slug}/register/"
    client.post(url, {"attendance": "onsite", "stakeholder_group": "academia",
                      "country": "404", "q_diet": "none"})
    assert Registration.objects.get().answers == {"diet": "none", "visa": ""}
