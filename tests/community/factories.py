"""Factories of the community registry."""

import datetime

import factory
from factory.django import DjangoModelFactory

from openigf.community.enums import CoalitionStatus, NriKind, NriStatus
from openigf.community.models import (
    AnnualReport,
    BestPracticeForum,
    Coalition,
    CoalitionMember,
    CoalitionReport,
    Donor,
    Initiative,
    Pledge,
    Recommendation,
    WorkingGroup,
)
from tests.factories import EditionFactory, ForumFactory, country


class InitiativeFactory(DjangoModelFactory):
    class Meta:
        model = Initiative

    forum = factory.SubFactory(ForumFactory, slug="igf")
    name = factory.Sequence(lambda n: f"Initiative {n} IGF")
    slug = factory.Sequence(lambda n: f"initiative-{n}")
    kind = NriKind.NATIONAL
    country = factory.LazyFunction(lambda: country("KE"))
    regional_group = "african"
    status = NriStatus.RECOGNISED
    recognised_on = datetime.date(2016, 5, 1)


class AnnualReportFactory(DjangoModelFactory):
    class Meta:
        model = AnnualReport

    initiative = factory.SubFactory(InitiativeFactory)
    year = 2019
    meeting_start = factory.LazyAttribute(lambda o: datetime.date(o.year, 9, 10))
    meeting_end = factory.LazyAttribute(lambda o: datetime.date(o.year, 9, 11))
    venue = "Nairobi, Kenya"
    participants = 200
    topics = "Access\nCybersecurity"


class CoalitionFactory(DjangoModelFactory):
    class Meta:
        model = Coalition

    forum = factory.SubFactory(ForumFactory, slug="igf")
    name = factory.Sequence(lambda n: f"Dynamic Coalition {n}")
    slug = factory.Sequence(lambda n: f"dc-{n}")
    need = "A need."
    action_plan = "A plan."
    mailing_list = "dc@lists.example.org"
    status = CoalitionStatus.ACTIVE
    founded = 2015


def coalition_with_members(groups=("civil_society", "private_sector", "technical"),
                           report_years=(2018,), **kwargs) -> Coalition:
    coalition = CoalitionFactory(**kwargs)
    for i, group in enumerate(groups):
        CoalitionMember.objects.create(coalition=coalition, name=f"Member {i}",
                                       stakeholder_group=group, coordinator=i == 0)
    for year in report_years:
        CoalitionReport.objects.create(coalition=coalition, year=year, activities="Work.")
    return coalition


class BpfFactory(DjangoModelFactory):
    class Meta:
        model = BestPracticeForum

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"BPF {n}")
    slug = factory.Sequence(lambda n: f"bpf-{n}")
    topic = "A topic."


class WorkingGroupFactory(DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Working group {n}")
    kind = "improvements"


class RecommendationFactory(DjangoModelFactory):
    class Meta:
        model = Recommendation

    forum = factory.SubFactory(ForumFactory, slug="igf")
    text = factory.Sequence(lambda n: f"Recommendation {n}")
    category = "outcomes"
    source = "CSTD WG on Improvements to the IGF (2012)"
    reference = factory.Sequence(lambda n: f"REF-{n}")


class DonorFactory(DjangoModelFactory):
    class Meta:
        model = Donor

    forum = factory.SubFactory(ForumFactory, slug="igf")
    name = factory.Sequence(lambda n: f"Donor {n}")
    kind = "government"


class PledgeFactory(DjangoModelFactory):
    class Meta:
        model = Pledge

    donor = factory.SubFactory(DonorFactory)
    amount = 100000
    currency = "USD"
    first_year = 2019
    last_year = 2019
