"""Factories of calls, proposals and the people in them."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from openigf.proposals.enums import PersonRole, ProposalStatus
from openigf.proposals.models import Call, Proposal, ProposalPerson
from tests.factories import EditionFactory, PersonFactory


class CallFactory(DjangoModelFactory):
    """An open call (opened a month ago, closes in a month)."""

    class Meta:
        model = Call
        django_get_or_create = ["edition", "kind"]

    edition = factory.SubFactory(EditionFactory)
    kind = "workshop"
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=30))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    durations = [60, 90]
    formats = []
    fields = ["policy_questions", "tags", "sdg_targets", "interaction_plan"]
    word_limit = 500


class ProposalFactory(DjangoModelFactory):
    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    call = factory.SubFactory(CallFactory)
    edition = factory.LazyAttribute(lambda o: o.call.edition)
    kind = factory.LazyAttribute(lambda o: o.call.kind)
    title = factory.Sequence(lambda n: f"Proposal {n} on data governance")
    description = "A workshop on cross-border data flows and privacy in developing countries."
    format = "roundtable"
    duration = 90
    created_by = factory.SubFactory(PersonFactory)
    organisation = factory.LazyAttribute(lambda o: o.created_by.organisation)
    status = ProposalStatus.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def organiser(obj, create, extracted, **kwargs):
        """The proposer as first organiser (pass ``organiser=False`` to skip)."""
        if create and extracted is not False and obj.created_by:
            person_row(obj, obj.created_by, PersonRole.ORGANISER, confirmed=True)


def person_row(proposal, person=None, role=PersonRole.SPEAKER, **values) -> ProposalPerson:
    """Name someone in a proposal; ``person`` (a Person) fills the classifications."""
    if person is not None:
        values = {"person": person, "name": person.name, "email": person.email,
                  "organisation": person.organisation,
                  "stakeholder_group": person.stakeholder_group,
                  "regional_group": person.regional_group, "gender": person.gender,
                  "country": person.country, **values}
    values.setdefault("name", "Someone")
    return ProposalPerson.objects.create(proposal=proposal, role=role, **values)


def complete(proposal, *, genders=("female", "male", "female"), confirmed=True, onsite=True):
    """Speakers and moderators so that every default rule passes."""
    for i, gender in enumerate(genders):
        person_row(proposal, name=f"Speaker {i}", email=f"speaker{i}.{proposal.pk}@example.net",
                   gender=gender, stakeholder_group="academia", confirmed=confirmed,
                   onsite=onsite)
    person_row(proposal, role=PersonRole.MODERATOR, name="Moderator",
               email=f"mod.{proposal.pk}@example.net", onsite=onsite, confirmed=True)
    person_row(proposal, role=PersonRole.ORGANISER, name="Co-organiser",
               email=f"co.{proposal.pk}@example.net", stakeholder_group="private_sector",
               confirmed=True)
    return proposal
