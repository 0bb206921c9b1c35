"""Every evaluation action refuses a POST from whoever may not do it (the walk of
tests/test_permission_walk.py opens pages with GET; the actions are walked here with POST)."""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests import walk
from tests.review import walk as review_walk
from tests.test_permission_walk import _verdict

ACTIONS = ["review:score", "review:conflict", "review:round", "review:assign",
           "review:remind", "review:import", "review:select", "review:override",
           "review:decide"]


@pytest.mark.django_db
def test_every_evaluation_action_refuses_a_post_from_the_wrong_roles():
    world = walk.build_world()
    review_walk.build(world)
    problems = []
    for name in ACTIONS:
        kwargs = {"forum": world.forum.slug, "edition": world.edition.slug}
        if name in ("review:score", "review:conflict"):
            kwargs["proposal_id"] = world.kwargs["proposal_id"]
        url = reverse(name, kwargs=kwargs)
        allowed = review_walk.EXPECT[name]
        for role, person in world.people.items():
            client = Client()
            if person is not None:
                client.force_login(person)
            with transaction.atomic():
                verdict = _verdict(client.post(url, {"proposal": world.kwargs["proposal_id"]}))
                transaction.set_rollback(True)
            wanted = "allowed" if role in allowed else "denied"
            if verdict != wanted and not (role == "superuser" and verdict == "denied"
                                          and name in ("review:score", "review:conflict")):
                problems.append(f"POST {url} as {role}: {verdict}, expected {wanted}")
    assert problems == []
