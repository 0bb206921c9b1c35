import pytest

from openigf.community.models import CoalitionMember
from openigf.people.domain import person_erase, person_export
from tests.community.factories import InitiativeFactory, coalition_with_members
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_export_lists_what_the_registry_holds_and_erasure_removes_it():
    person = PersonFactory(email="fp@example.org")
    initiative = InitiativeFactory(name="Kenya IGF")
    initiative.focal_points.add(person)
    coalition = coalition_with_members()
    CoalitionMember.objects.create(coalition=coalition, person=person, name=person.name,
                                   email=person.email, stakeholder_group="academia")
    exported = person_export(person=person)["community"]
    assert exported["focal_point_of"] == ["Kenya IGF"]
    assert [c["email"] for c in exported["coalitions"]] == ["fp@example.org"]
    person_erase(person=person)
    assert initiative.focal_points.count() == 0
    member = CoalitionMember.objects.get(coalition=coalition, stakeholder_group="academia")
    assert (member.person, member.name, member.email) == (None, "—", "")
