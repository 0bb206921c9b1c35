"""No free-text field takes a megabyte: every form of every page, as the role that may use it,
posted with one text field holding 1 MB (one "word" without spaces, so no word limit lets it
through) answers with an error at that field: never a 500, never a save.

The pages are those of the permission walk (``tests/walk.py`` and each app's ``walk.py``).
"""

import re

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from openigf.community.forms import RecommendationForm
from openigf.core import textlimits
from openigf.core.models import AuditEntry
from openigf.core.textlimits import DOCUMENT
from tests import walk
from tests.htmlforms import forms_of
from tests.test_edit_forms import _client, _walk_modules, world  # noqa: F401 (fixture)
from tests.test_permission_walk import _path_for, _patterns, _resolve

MEGABYTE = "x" * 1_000_000
TEXT_KINDS = {"text", "textarea", "search"}
# Roles tried first: the one a page is for, before those who may open every page.
LAST = ["secretariat", "mag", "participant", "public", "other_secretariat", "superuser"]
# Pages whose text fields are not free text kept anywhere: what is typed is checked and
# thrown away at once (a password, a code looked up), each refused as wrong, not as long.
NOT_KEPT = {"people:login", "people:password_reset", "people:erase",
            "registration:checkin"}


def _role_for(allowed, w) -> str | None:
    roles = [r for r in w.people if r not in LAST] + LAST
    return next((r for r in roles if r in allowed), None)


def _pages(w):
    expect = {}
    for module in _walk_modules():
        expect.update(module.EXPECT)
    everyone = frozenset(w.people)
    for name, route, entry in _patterns():
        if name not in expect or isinstance(expect[name], dict) or name in NOT_KEPT:
            continue
        role = _role_for(_resolve(expect[name], everyone), w)
        if role is None:
            continue
        try:
            url = reverse(name, kwargs=_path_for(route, entry, w))
        except LookupError:
            continue
        yield name, url, role


def _marked_invalid(html: str, field: str) -> bool:
    tags = re.findall(rf'<(?:input|textarea)[^>]*\bname="{re.escape(field)}"[^>]*>', html)
    return any('aria-invalid="true"' in tag for tag in tags)


@pytest.mark.django_db
def test_a_megabyte_in_any_text_field_is_refused_at_the_field(world):  # noqa: F811
    problems, tried = [], 0
    for name, url, role in _pages(world):
        client = _client(world, role) if world.people[role] is not None else Client()
        page = client.get(url)
        if page.status_code != 200 or "html" not in page.get("Content-Type", ""):
            continue
        for form in forms_of(page.content.decode()):
            if form.attrs.get("method", "get").lower() != "post":
                continue
            action = form.attrs.get("action") or url
            target = url.split("?")[0] + action if action.startswith("?") else action
            for field, f in form.fields.items():
                if f.kind not in TEXT_KINDS or field == "csrfmiddlewaretoken":
                    continue
                tried += 1
                audited = AuditEntry.objects.count()
                with transaction.atomic():
                    response = client.post(target, {**form.data(), field: MEGABYTE})
                    recorded = AuditEntry.objects.count() != audited
                    transaction.set_rollback(True)
                where = f"{name} as {role}: {field}"
                if response.status_code >= 500:
                    problems.append(f"{where}: {response.status_code}")
                elif response.status_code in (301, 302, 303):
                    problems.append(f"{where}: accepted (redirected to "
                                    f"{response.get('Location')})")
                elif recorded:
                    problems.append(f"{where}: something was recorded")
                elif response.status_code == 200 and not _marked_invalid(
                        response.content.decode(), field):
                    problems.append(f"{where}: no error at the field")
    assert tried > 80, tried
    assert problems == [], "\n".join(problems)


def test_the_caps_are_in_order():
    assert textlimits.NOTE < textlimits.TEXT < textlimits.LONG < DOCUMENT < len(MEGABYTE)


def test_walk_roles_are_known():
    assert set(walk.BASE_ROLES) <= set(LAST)


@pytest.mark.django_db
def test_a_tag_too_long_for_the_improvements_tracker_is_refused_at_the_field():
    form = RecommendationForm(data={"text": "Fund captioning.", "tags": "x" * 61,
                                    "status": "open"})
    assert not form.is_valid()
    assert "tags" in form.errors
