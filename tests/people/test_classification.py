"""Every copy of a person (the account, a proposal's people, a session's people, a
registration) keeps the same classifications, from one abstract model."""

import io

import pytest
from django.core.management import call_command

from openigf.people.models import Person, PersonClassification
from openigf.programme.models import SessionPerson
from openigf.proposals.models import ProposalPerson
from openigf.registration.models import Registration

COPIES = [Person, ProposalPerson, SessionPerson, Registration]


@pytest.mark.parametrize("model", COPIES, ids=lambda m: m.__name__)
def test_each_copy_of_a_person_has_the_shared_classifications(model):
    assert issubclass(model, PersonClassification)
    for name in ("stakeholder_group", "regional_group", "gender"):
        field, shared = model._meta.get_field(name), PersonClassification._meta.get_field(name)
        assert (field.max_length, field.choices, field.blank) == (
            shared.max_length, shared.choices, shared.blank)


def test_a_sessions_people_have_no_country_of_their_own():
    assert "country" not in {f.name for f in SessionPerson._meta.get_fields()}


@pytest.mark.django_db
def test_every_model_change_has_its_migration():
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
