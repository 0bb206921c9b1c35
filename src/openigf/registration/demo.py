"""Demo registrations of 2019: about 3,000 participants from every region with a realistic
mix (two thirds onsite), an onsite capacity with a short waiting list, a few checked in."""

import datetime

from django.contrib.auth.hashers import make_password

from openigf.forums.models import Edition
from openigf.people.demo import REGION_WEIGHTS, _countries_by_group, _person
from openigf.people.models import Person
from openigf.registration import domain
from openigf.registration.models import Registration, RegistrationStatus

COUNT = 3000


def load(ctx):
    with ctx.step("registration.registrations_2019") as run:
        if not run:
            return

        edition = Edition.objects.get(forum__slug="igf", slug="2019")
        settings = domain.settings_of(edition)
        settings.onsite_capacity = 2000
        settings.join_link = "https://meet.example.org/igf2019"
        settings.save()
        rng = ctx.rng("registration.people")
        countries = _countries_by_group()
        unusable = make_password(None)
        regions = list(REGION_WEIGHTS)
        people = [_person(rng, 10000 + i, rng.choices(regions, list(REGION_WEIGHTS.values()))[0],
                          countries, unusable) for i in range(COUNT)]
        for p in people:
            p.email = p.email.replace("@example.org", "@participants.example.net")
        Person.objects.bulk_create(people, batch_size=1000)
        people = list(Person.objects.filter(email__endswith="@participants.example.net")
                      .order_by("pk"))
        known = list(Person.objects.filter(email__in=["participant@demo.openigf.org",
                                                      "proposer@demo.openigf.org"]))
        start = datetime.datetime(2019, 9, 1, tzinfo=datetime.UTC)
        rows, onsite = [], 0
        for p in known + people:
            attendance = "onsite" if rng.random() < 0.67 else "online"
            status = RegistrationStatus.CONFIRMED
            if attendance == "onsite":
                onsite += 1
                if onsite > settings.onsite_capacity:
                    status = RegistrationStatus.WAITLISTED
            rows.append(Registration(
                edition=edition, person=p, attendance=attendance, status=status,
                stakeholder_group=p.stakeholder_group, regional_group=p.regional_group,
                gender=p.gender, country=p.country, first_time=p.first_time,
                checked_in_at=(datetime.datetime(2019, 11, 26, 8, tzinfo=datetime.UTC)
                               if status == "confirmed" and attendance == "onsite"
                               and rng.random() < 0.3 else None)))
        Registration.objects.bulk_create(rows, batch_size=1000)
        Registration.objects.filter(edition=edition).update(created=start)
