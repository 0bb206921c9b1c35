"""The permission walk for actions: POST to each action URL as every role (an empty form,
rolled back) and check who gets through. Pages' GETs are walked by test_permission_walk."""

from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests import walk
from tests.test_permission_walk import _path_for, _patterns, _resolve, _verdict


def post_problems(expect: dict, *builders) -> list[str]:
    """``expect``: URL name -> roles allowed to POST (``walk.ALL``, ``SIGNED_IN`` or a set).
    ``builders`` add what the URLs need to the world (an app's ``walk.build``)."""
    world = walk.build_world()
    walk.build(world)
    for build in builders:
        build(world)
    everyone = frozenset(world.people)
    routes = {name: (route, entry) for name, route, entry in _patterns()}
    problems = []
    for name, roles_allowed in expect.items():
        route, entry = routes[name]
        url = reverse(name, kwargs=_path_for(route, entry, world))
        allowed = _resolve(roles_allowed, everyone)
        for role, person in world.people.items():
            client = Client()
            if person is not None:
                client.force_login(person,
                                   backend="django.contrib.auth.backends.ModelBackend")
            with transaction.atomic():
                response = client.post(url, {})
                transaction.set_rollback(True)
            verdict = _verdict(response)
            wanted = "allowed" if role in allowed else "denied"
            if verdict != wanted:
                problems.append(f"POST {url} [{name}] as {role}: {verdict} "
                                f"({response.status_code}), expected {wanted}")
    return problems
