"""Factories for the foundation's models; each app's tests add theirs in tests/<app>/."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from openigf.forums.enums import ForumKind, Role
from openigf.forums.models import Edition, Forum, Membership, Theme
from openigf.people.models import Country, Person

PASSWORD = "correct-horse-battery-staple"


def country(iso2: str) -> Country:
    return Country.objects.get(iso2=iso2)


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Faker("name")
    stakeholder_group = "civil_society"
    gender = "female"
    country = factory.LazyFunction(lambda: Country.objects.get(iso2="KE"))
    organisation = factory.Sequence(lambda n: f"Organisation {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)
    email_verified = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class ForumFactory(DjangoModelFactory):
    class Meta:
        model = Forum
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"forum{n}")
    name = factory.LazyAttribute(lambda o: f"Forum {o.slug}")
    kind = ForumKind.GLOBAL


class EditionFactory(DjangoModelFactory):
    class Meta:
        model = Edition

    forum = factory.SubFactory(ForumFactory)
    year = 2019
    slug = factory.LazyAttribute(lambda o: str(o.year))
    title = factory.LazyAttribute(lambda o: f"{o.forum.name} {o.year}")
    start_date = datetime.date(2019, 11, 26)
    end_date = datetime.date(2019, 11, 29)
    timezone = "Europe/Berlin"


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


def secretariat_of(forum, **kwargs) -> Person:
    person = PersonFactory(**kwargs)
    Membership.objects.create(forum=forum, person=person, role=Role.SECRETARIAT)
    return person


def mag_member_of(edition, **kwargs) -> Person:
    person = PersonFactory(**kwargs)
    Membership.objects.create(forum=edition.forum, edition=edition, person=person, role=Role.MAG)
    return person
