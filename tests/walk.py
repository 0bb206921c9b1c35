"""The world the permission walk runs in, and the foundation's expectations.

Every app with URLs has ``tests/<app>/walk.py`` defining:

- ``build(world)``: add the objects its URLs need (``world.kwargs["proposal_id"] = ...``) and
  the people holding its object roles (``world.people["organiser"] = ...``);
- ``EXPECT``: for each URL name, the set of roles that may open it with GET, and POST to it
  (an allowed role may get 405 where the page has no form);
- ``POST_EXPECT`` (optional): for a URL whose POST admits other roles than its GET.

Roles: ``public`` (not signed in), ``participant`` (signed in, no role), ``mag`` (MAG member of
the edition), ``secretariat`` (of the forum), ``other_secretariat`` (of another forum: tenancy
must keep them out), ``superuser``, and any role an app adds. ``ALL`` and ``SIGNED_IN`` stand
for everyone and everyone but ``public``, whatever roles the apps add.
"""

from dataclasses import dataclass, field

from openigf.core.models import Job
from tests.factories import (
    EditionFactory,
    ForumFactory,
    PersonFactory,
    ThemeFactory,
    mag_member_of,
    secretariat_of,
)

BASE_ROLES = ["public", "participant", "mag", "secretariat", "other_secretariat", "superuser"]
# Tokens resolved by the walk against every role in the world, apps' own roles included:
ALL = "everyone"
SIGNED_IN = "everyone signed in"
STAFF = frozenset({"secretariat", "superuser"})


@dataclass
class World:
    forum: object
    edition: object
    other_forum: object
    people: dict = field(default_factory=dict)
    kwargs: dict = field(default_factory=dict)


def build_world() -> World:
    forum = ForumFactory(slug="igf", name="Internet Governance Forum")
    edition = EditionFactory(forum=forum, year=2019)
    other = ForumFactory(slug="afigf", name="African IGF", kind="regional")
    EditionFactory(forum=other, year=2019)
    world = World(forum=forum, edition=edition, other_forum=other)
    world.people.update(
        public=None,
        participant=PersonFactory(email="participant@walk.test"),
        mag=mag_member_of(edition, email="mag@walk.test"),
        secretariat=secretariat_of(forum, email="secretariat@walk.test"),
        other_secretariat=secretariat_of(other, email="other@walk.test"),
        superuser=PersonFactory(email="root@walk.test", is_superuser=True, is_staff=True),
    )
    return world


def build(world):
    world.kwargs["theme_id"] = ThemeFactory(edition=world.edition).pk
    world.kwargs["uidb64"], world.kwargs["token"] = "MQ", "set-password"
    world.kwargs["job_id"] = Job.objects.create(
        kind="walk", key="walk", label="A job", edition=world.edition, forum=world.forum,
        started_by=world.people["secretariat"], task="walk", status="done").pk


EXPECT = {
    "health": ALL,
    "favicon": ALL,
    "core:job": STAFF,
    "javascript-catalog": ALL,
    "forums:home": ALL,
    "forums:forum": ALL,
    "forums:edition": ALL,
    "forums:manage": STAFF,
    "forums:manage_settings": STAFF,
    "forums:manage_themes": STAFF,
    "forums:manage_theme_new": STAFF,
    "forums:manage_theme": STAFF,
    "forums:manage_roles": STAFF,
    "forums:manage_audit": STAFF,
    "outbox:list": STAFF,
    "outbox:platform": frozenset({"superuser"}),
    "people:login": ALL,
    "people:logout": ALL,
    "people:signup": ALL,
    "people:signup_sent": ALL,
    "people:confirm_address": ALL,  # a link mailed to an address: whoever reads that mail
    "people:language": ALL,  # POST only
    "people:confirm_resend": SIGNED_IN,  # POST only
    "people:password_reset": ALL,
    "people:password_reset_done": ALL,
    "people:password_reset_confirm": ALL,
    "people:profile": SIGNED_IN,
    "people:export": SIGNED_IN,
    "people:erase": SIGNED_IN,
}
