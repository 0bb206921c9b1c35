"""The permission walk for POST: every programme form and button, as every role, with an
empty body (rolled back). A role that may not act is refused before anything is done; one
that may is let through (its empty form may be refused as invalid, never as forbidden)."""

import pytest
from django.db import transaction
from django.urls import get_resolver, reverse

from tests import walk
from tests.programme import walk as programme_walk
from tests.test_permission_walk import _client_for, _resolve, _verdict

pytestmark = pytest.mark.django_db


def test_every_programme_form_admits_exactly_the_expected_roles_on_post():
    world = walk.build_world()
    walk.build(world)
    programme_walk.build(world)
    everyone = frozenset(world.people)
    problems = []
    for name, expected in programme_walk.POST.items():
        allowed = _resolve(expected, everyone)
        kwargs = {"forum": world.forum.slug, "edition": world.edition.slug}
        if "session" in name or name == "programme:star":
            kwargs["session_id"] = world.kwargs["session_id"]
        if name == "programme:manage_session_new":
            kwargs.pop("session_id", None)
        url = reverse(name, kwargs=kwargs)
        for role in world.people:
            with transaction.atomic():
                response = _client_for(role, world).post(url, {})
                transaction.set_rollback(True)
            verdict = _verdict(response)
            wanted = "allowed" if role in allowed else "denied"
            if verdict != wanted:
                problems.append(f"POST {url} [{name}] as {role}: {verdict} "
                                f"({response.status_code}), expected {wanted}")
    assert problems == [], "\n".join(problems)


def test_the_post_walk_covers_every_programme_action():

    names = {f"programme:{n}" for n in get_resolver().namespace_dict["programme"][1]
             .reverse_dict if isinstance(n, str)}
    actions = {n for n in names if "manage" in n or n in ("programme:solve",
                                                          "programme:publish",
                                                          "programme:star")}
    assert actions - {"programme:manage"} <= set(programme_walk.POST)
