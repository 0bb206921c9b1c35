import datetime
from zoneinfo import ZoneInfo

import factory
from django.urls import reverse

from openigf.programme.models import Room, Session, SessionPerson, TimeWindow


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    name = factory.Sequence(lambda n: f"Room {n}")
    capacity = 100
    order = factory.Sequence(lambda n: n)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    kind = "workshop"
    title = factory.Sequence(lambda n: f"Workshop on topic {n}")
    description = "A session about the Internet."
    duration = 60
    expected_audience = 50


class SessionPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionPerson

    name = factory.Sequence(lambda n: f"Speaker {n}")
    role = "speaker"


def windows(edition, days=2, start="09:00", end="13:00"):
    tz = ZoneInfo(edition.timezone)
    made = []
    for d in range(days):
        day = edition.start_date + datetime.timedelta(days=d)
        made.append(TimeWindow.objects.create(
            edition=edition,
            starts_at=datetime.datetime.combine(day, datetime.time.fromisoformat(start), tz),
            ends_at=datetime.datetime.combine(day, datetime.time.fromisoformat(end), tz)))
    return made


def url(name, edition, **kwargs):
    """The address of a programme page of ``edition``."""

    return reverse(f"programme:{name}", kwargs={**edition.url_kwargs, **kwargs})
