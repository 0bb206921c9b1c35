"""Walk every URL the project defines with every role and check who gets in, with GET and
with POST (an empty form: a role refused is refused before any form is read), and every
method of every API URL.

A URL without an expectation fails the walk: whoever adds a page says who may open it, in
``tests/<app>/walk.py``.
"""

import functools
import importlib
import re
from pathlib import Path

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from openigf.api.api import api
from tests import walk

SKIP_PREFIXES = ("admin/", "i18n/setlang", "static/", "media/")
DENIED = {401, 403, 404}


def _walk_modules():
    yield walk
    for path in sorted(Path(__file__).parent.glob("*/walk.py")):
        yield importlib.import_module(f"tests.{path.parent.name}.walk")


def _patterns(resolver=None, prefix="", namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}{entry.namespace}:"
            yield from _patterns(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern), entry


def _path_for(route: str, entry: URLPattern, world) -> str:

    converters = entry.pattern.converters
    kwargs = {}
    for name in converters:
        if name == "forum":
            kwargs[name] = world.forum.slug
        elif name == "edition":
            kwargs[name] = world.edition.slug
        elif name in world.kwargs:
            kwargs[name] = world.kwargs[name]
        else:
            raise LookupError(f"no sample value for <{name}> in {route}; add it in a walk.py")
    return kwargs


def _client_for(role, world):
    client = Client()
    person = world.people.get(role)
    if person is not None:
        client.force_login(person, backend="django.contrib.auth.backends.ModelBackend")
    return client


def _verdict(response) -> str:
    if response.status_code in DENIED:
        return "denied"
    if response.status_code in (301, 302) and "/accounts/login/" in response.get("Location", ""):
        return "denied"
    if response.status_code >= 500:
        return "error"
    return "allowed"


def _resolve(expected, everyone):
    if isinstance(expected, dict):
        return expected
    return {walk.ALL: everyone, walk.SIGNED_IN: everyone - {"public"}}.get(expected, expected)


@functools.cache
def _api_paths() -> dict:
    return api.get_openapi_schema()["paths"]


def _api_methods(route: str) -> set:
    """The methods the OpenAPI document gives the route (``<int:session_id>`` ->
    ``{session_id}``)."""
    template = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)
    return {m.upper() for m in _api_paths().get(template, {})}


def _walk_methods(name, route, url, expected, clients, everyone) -> list:
    """Each method of an API URL as every role; a write (empty JSON body) is rolled back."""
    problems = []
    methods = _api_methods(route)
    if set(expected) != methods:
        return [f"{name} ({route}): walk.py expects {sorted(expected)}, the API answers "
                f"{sorted(methods)}"]
    for method, roles_allowed in sorted(expected.items()):
        allowed = _resolve(roles_allowed, everyone)
        for role, client in clients.items():
            if method == "GET":
                response = client.get(url)
            else:
                with transaction.atomic():
                    response = client.generic(method, url, "{}",
                                              content_type="application/json")
                    transaction.set_rollback(True)
            verdict = _verdict(response)
            wanted = "allowed" if role in allowed else "denied"
            if verdict != wanted:
                problems.append(f"{method} {url} [{name}] as {role}: {verdict} "
                                f"({response.status_code}), expected {wanted}")
    return problems


def _post_verdict(client, url, role, world) -> str:
    """POST an empty form to ``url`` (in a transaction rolled back): "denied" (401, 403, the
    sign-in page), "none" (404: the empty form names nothing to act on; 405: the page takes
    no form), "error" (5xx) or "allowed". A POST that signs the client out (signing out) is
    followed by signing in again."""
    with transaction.atomic():
        response = client.post(url, {})
        transaction.set_rollback(True)
    person = world.people.get(role)
    if person is not None and "_auth_user_id" not in client.session:
        client.force_login(person, backend="django.contrib.auth.backends.ModelBackend")
    if response.status_code in (404, 405):
        return "none"
    return _verdict(response)


@pytest.mark.django_db
def test_every_url_admits_exactly_the_expected_roles():
    world = walk.build_world()
    expect, post_expect = {}, {}
    for module in _walk_modules():
        module.build(world)
        expect.update(module.EXPECT)
        post_expect.update(getattr(module, "POST_EXPECT", {}))
    roles = list(world.people)
    everyone = frozenset(roles)
    clients = {role: _client_for(role, world) for role in roles}
    problems = []
    walked = posted = 0
    for name, route, entry in _patterns():
        if route.startswith(SKIP_PREFIXES):
            continue
        if name not in expect:
            problems.append(f"{name} ({route}): no expectation in any tests/**/walk.py")
            continue
        allowed = _resolve(expect[name], everyone)
        try:
            kwargs = _path_for(route, entry, world)
        except LookupError as exc:
            problems.append(str(exc))
            continue

        url = reverse(name, kwargs=kwargs)
        if isinstance(expect[name], dict):  # an API URL: every method it answers
            problems += _walk_methods(name, route, url, expect[name], clients, everyone)
            walked += 1
            continue
        for role in roles:
            verdict = _verdict(clients[role].get(url))
            wanted = "allowed" if role in allowed else "denied"
            if verdict != wanted:
                problems.append(f"{url} [{name}] as {role}: {verdict}, expected {wanted}")
        posted_by = _resolve(post_expect.get(name, expect[name]), everyone)
        for role in roles:
            verdict = _post_verdict(clients[role], url, role, world)
            wanted = "allowed" if role in posted_by else "denied"
            if verdict not in (wanted, "none"):
                problems.append(f"POST {url} [{name}] as {role}: {verdict}, expected {wanted}")
            posted += verdict == "allowed"
        walked += 1
    assert walked > 15
    assert posted > 30, "too few forms were posted to tell who may"
    assert problems == [], "\n".join(problems)
