"""Every edit form keeps what is typed: submitted unchanged it changes nothing; with every field
changed, the page read back afterwards shows each new value.

The forms are found on their pages as a browser would fill them in (``tests/htmlforms.py``),
in the world of the permission walk (``tests/walk.py`` and each app's ``walk.py``), each as the
role that edits it.
"""

import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, reverse

from tests import walk
from tests.htmlforms import changed, form_with


@dataclass(frozen=True)
class Case:
    url_name: str
    role: str
    field: str  # a field of the form on the page (which form is meant)
    skip: dict = field(default_factory=dict)  # field -> why it is not changed here
    values: dict = field(default_factory=dict)  # field -> the new value, where set by hand
    kwargs: tuple = ()  # the URL's kwargs (names of world.kwargs)
    elsewhere: tuple = ()  # fields whose value shows on the page outside the field itself
    query: str = ""  # the page's query string, formatted with world.kwargs
    button: str | None = None  # the name of the button pressed ("": the unnamed one)

    def __str__(self):
        return f"{self.url_name}-{self.role}"


CASES = [
    Case("forums:manage_settings", "secretariat", "title",
         skip={"slug": "the address of the edition", "timezone": "changed on its own below",
               "published": "hides the edition from the public"},
         values={"start_date": ["2019-11-24"]}),
    Case("forums:manage_theme", "secretariat", "narrative", kwargs=("theme_id",),
         skip={"slug": "the address of the theme"}, values={"colour": ["#224466"]}),
    Case("people:profile", "participant", "name",
         skip={"email": "the login", "preferred_language": "changes the page's language"}),
    Case("community:nri_edit", "focal_point", "name", kwargs=("nri",)),
    Case("community:nri_edit", "secretariat", "name", kwargs=("nri",),
         skip={"hosted_forum": "a forum of its own is set on the forum's page"}),
    Case("community:nri_report", "focal_point", "venue", kwargs=("nri", "year"),
         values={"meeting_start": ["2019-09-10"], "meeting_end": ["2019-09-11"]}),
    Case("community:coalition_edit", "coordinator", "need", kwargs=("coalition",)),
    Case("community:coalition_edit", "secretariat", "need", kwargs=("coalition",)),
    Case("community:coalition_report", "coordinator", "activities",
         kwargs=("coalition", "year")),
    Case("community:bpf_edit", "facilitator", "topic", kwargs=("bpf",)),
    Case("community:working_group", "secretariat", "mandate", kwargs=("group_id",)),
    Case("community:improvement", "wg_member", "text", kwargs=("recommendation_id",)),
    Case("community:donor_edit", "secretariat", "notes", kwargs=("donor_id",)),
    Case("proposals:edit", "organiser", "title", kwargs=("proposal_id",),
         skip={"coalition": "only for a coalition's session"},
         elsewhere=("write_in_tags",)),  # becomes a ticked tag of its own
    Case("proposals:call_edit", "secretariat", "introduction", kwargs=("call_kind",),
         skip={"kind": "the address of the call"}, values={"durations": ["60, 90, 120"]}),
    Case("review:manage", "secretariat", "reviews_per_proposal"),
    Case("programme:manage_session", "secretariat", "title", kwargs=("session_id",),
         skip={"kind": "a session's kind follows its proposal"}),
    Case("programme:manage_session", "secretariat", "place-starts_at", kwargs=("session_id",)),
    Case("registration:manage", "secretariat", "onsite_capacity"),
    Case("funding:travel_call", "secretariat", "name", kwargs=("travel_call_id",),
         values={"floors": ["gender = female: 3\nfirst_time = yes: 2"]}),
    Case("proposals:edit", "organiser", "name", kwargs=("proposal_id",),
         query="?person={proposal_person_id}",
         skip={"email": "a new address is a new person, invited again"}),
    Case("review:score", "mag", "score", kwargs=("proposal_id",)),
    Case("reporting:report", "secretariat", "takeaway_1", kwargs=("session_id", "kind")),
    Case("reporting:templates", "secretariat", "questions",
         skip={"kind": "chooses which template the page shows",
               "session_kind": "chooses which template the page shows"},
         values={"questions": ["summary | Summary | long | required\nnext | Next steps | "
                               "long | "]}),
    Case("community:manage_mag", "secretariat", "term_for"),
    Case("community:mag_rotation", "secretariat", "newcomers", button="",
         values={"newcomers": ["participant@walk.test"]}),
]
# Not edit forms, so not here: forms that add a row (members, meetings, outputs, pledges,
# receipts, extra questions, roles, tokens), actions (screen, solve, publish, select,
# decide), sign-up and registration (one each, then shown, not edited). NRI grant
# applications and travel-support applications are written again, not edited; IGF Messages
# cannot be edited once drafted.


def _walk_modules():
    yield walk
    for path in sorted(Path(__file__).parent.glob("*/walk.py")):
        yield importlib.import_module(f"tests.{path.parent.name}.walk")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The permission walk's world, built once for every case (each case rolls back)."""
    with django_db_blocker.unblock(), transaction.atomic():
        built = walk.build_world()
        for module in _walk_modules():
            module.build(built)
        yield built
        transaction.set_rollback(True)


def _client(world, role) -> Client:
    client = Client()
    client.force_login(world.people[role],
                       backend="django.contrib.auth.backends.ModelBackend")
    return client


def _url(world, case) -> str:
    own = {k: world.kwargs[k] for k in case.kwargs}
    for tenancy in ({"forum": world.forum.slug, "edition": world.edition.slug},
                    {"forum": world.forum.slug}, {}):
        try:
            return reverse(case.url_name, kwargs={**tenancy, **own}) + case.query.format(
                **world.kwargs)
        except NoReverseMatch:
            continue
    raise NoReverseMatch(case.url_name)


def _post(client, url, form, data, button=None):
    """Submit ``form`` of the page at ``url`` with ``data``, pressing the button named
    ``button``, by default the first (as pressing Enter does)."""
    action = form.attrs.get("action") or ""
    target = (url.split("?")[0] + action if action.startswith("?") else action or url)
    button = next((b for b in form.buttons if button is None or b.get("name", "") == button),
                  None)
    if button is not None and button.get("name"):
        data = {**data, button["name"]: button.get("value", "")}
    response = client.post(target, data)
    if response.status_code == 200:
        errors = response.content.decode().count('class="errorlist')
        assert errors == 0, _errors(response)
    assert response.status_code in (200, 302), response.status_code
    return response


def _errors(response) -> str:
    html = response.content.decode()
    found = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S)
    ids = re.findall(r'<ul class="errorlist[^"]*" id="([^"]+)"', html)
    return f"form refused: {list(zip(ids, found, strict=False)) or found}"


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=str)
def test_an_edit_form_keeps_what_is_typed(world, case):
    client = _client(world, case.role)
    url = _url(world, case)
    before = form_with(client.get(url).content.decode(), case.field)

    typed = {}
    for name, f in before.fields.items():
        if name in case.skip or name == "csrfmiddlewaretoken" or f.kind == "hidden":
            continue
        new = case.values.get(name, changed(f))
        if new is not None:
            typed[name] = new
    _post(client, url, before, {**before.data(), **typed}, case.button)
    page = client.get(url).content.decode()
    after = form_with(page, case.field)
    shown = after.shown()
    assert {n: shown.get(n) for n in typed if n not in case.elsewhere} == {
        n: sorted(v) for n, v in typed.items() if n not in case.elsewhere}
    assert [n for n in case.elsewhere if typed[n][0] not in page] == []

    _post(client, url, after, after.data(), case.button)
    again = form_with(client.get(url).content.decode(), case.field)
    assert again.shown() == shown, "submitting the form unchanged changed it"
