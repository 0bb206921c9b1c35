"""Who may open each funding page (see tests/walk.py)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from openigf.community.models import Initiative
from openigf.funding.models import GrantApplication, GrantCall, TravelApplication, TravelCall
from tests.factories import PersonFactory
from tests.walk import SIGNED_IN, STAFF


def build(world):


    now = timezone.now()
    dates = {"opens_at": now - datetime.timedelta(days=1),
             "closes_at": now + datetime.timedelta(days=9)}
    call = TravelCall.objects.create(edition=world.edition, name="Travel", budget=Decimal(
        "1000"), **dates)
    world.kwargs["travel_call_id"] = call.pk
    world.kwargs["travel_application_id"] = TravelApplication.objects.create(
        call=call, person=PersonFactory(), cost_estimate=Decimal("500"),
        contribution="Speaker").pk
    world.kwargs["grant_call_id"] = GrantCall.objects.create(
        edition=world.edition, name="Grants", budget=Decimal("1000"), **dates).pk
    world.kwargs["grant_application_id"] = _grant_application(world, world.kwargs[
        "grant_call_id"])


def _grant_application(world, call_id):

    initiative = Initiative.objects.create(forum=world.forum, name="Walk grant IGF",
                                           slug="walk-grant-igf", kind="national",
                                           status="recognised")
    return GrantApplication.objects.create(call_id=call_id, initiative=initiative,
                                           amount=Decimal("500"), purpose="Venue").pk


EXPECT = {
    "funding:travel": SIGNED_IN,
    "funding:travel_report": SIGNED_IN,  # POST only: GET answers 405 to those allowed
    "funding:travel_manage": STAFF,
    "funding:travel_call_new": STAFF,
    "funding:travel_call": STAFF,
    "funding:travel_decide": STAFF,
    "funding:travel_score": STAFF,  # POST only: GET answers 405 to those allowed
    "funding:grants": SIGNED_IN,
    "funding:grants_manage": STAFF,
    "funding:grants_decide": STAFF,
    "funding:grants_score": STAFF,  # POST only
}
