"""Demo funding of 2019: a travel-support call with about 300 applications (most from the
sessions' speakers) and a budget for about 80 trips, decided; an NRI grant round of a donor."""

import datetime
from decimal import Decimal

from openigf.community import demo as community_demo
from openigf.community.models import Donor, Initiative
from openigf.forums.enums import SessionKind
from openigf.forums.models import Edition
from openigf.funding import domain
from openigf.funding.models import (
    GRANT_CAPS,
    GrantApplication,
    GrantCall,
    TravelApplication,
    TravelCall,
)
from openigf.people.models import Person
from openigf.programme.domain import session_person_add
from openigf.programme.models import Session

UTC = datetime.UTC


def load(ctx):
    with ctx.step("funding.travel_2019") as run:
        if run:
            _travel(ctx)
    # Grants go to the community registry's initiatives: load that part of the demo first
    # (its steps are the same, so they do not run twice).
    community_demo.load(ctx)
    with ctx.step("funding.grants_2019") as run:
        if run:
            _grants(ctx)


def _travel(ctx):
    edition = Edition.objects.get(forum__slug="igf", slug="2019")
    rng = ctx.rng("funding.travel")
    call = TravelCall.objects.create(
        edition=edition, name="IGF 2019 travel support", budget=Decimal("200000"),
        opens_at=datetime.datetime(2019, 7, 1, tzinfo=UTC),
        closes_at=datetime.datetime(2019, 8, 15, tzinfo=UTC),
        floors=[{"attribute": "gender", "value": "female", "minimum": 35},
                {"attribute": "region", "value": "african", "minimum": 15},
                {"attribute": "region", "value": "grulac", "minimum": 8},
                {"attribute": "first_time", "value": True, "minimum": 15}])
    candidates = list(Person.objects.filter(email__endswith="@participants.example.net",
                                            country__developing=True).order_by("pk")[:300])
    sessions = list(Session.objects.filter(edition=edition, kind=SessionKind.WORKSHOP)
                    .order_by("pk"))
    for i, person in enumerate(candidates):
        if i % 10 < 8 and sessions:  # most applicants speak in a session
            session_person_add(session=sessions[i % len(sessions)], person=person,
                               name=person.name, role="speaker",
                               stakeholder_group=person.stakeholder_group,
                               regional_group=person.regional_group, gender=person.gender)
    rows = [TravelApplication(
        call=call, person=p, cost_estimate=Decimal(rng.randrange(1200, 4600, 50)),
        cost_breakdown="Economy ticket, five nights, daily allowance.",
        contribution="Speaker in a workshop of the programme." if i % 10 < 8 else
        "Participant.", recommendation="Recommended by the national IGF.",
        score=rng.randint(3, 10)) for i, p in enumerate(candidates)]
    TravelApplication.objects.bulk_create(rows)
    domain.travel_decide(call=call, notify=False)


def _grants(ctx):
    edition = Edition.objects.get(forum__slug="igf", slug="2019")
    rng = ctx.rng("funding.grants")
    donor = Donor.objects.filter(forum=edition.forum).order_by("pk").first()
    call = GrantCall.objects.create(
        edition=edition, name="NRI grants 2019", donor=donor, budget=Decimal("60000"),
        opens_at=datetime.datetime(2019, 3, 1, tzinfo=UTC),
        closes_at=datetime.datetime(2019, 4, 30, tzinfo=UTC))
    initiatives = list(Initiative.objects.filter(forum=edition.forum, status="recognised")
                       .order_by("pk")[:16])
    GrantApplication.objects.bulk_create(GrantApplication(
        call=call, initiative=nri,
        amount=Decimal(min(GRANT_CAPS.get(nri.kind, 5000), rng.randrange(2000, 12001, 500))),
        co_funding="Local ISP association and the national regulator.",
        purpose="Venue, remote participation and travel of youth participants.",
        score=rng.randint(4, 10)) for nri in initiatives)
    domain.grant_decide(call=call, notify=False)
