"""What roles a person holds, loaded once per request (two queries) and cached on the person."""

from dataclasses import dataclass, field

from openigf.forums.enums import Role
from openigf.forums.models import Edition, Membership


@dataclass(frozen=True)
class RoleSet:
    secretariat_forums: frozenset = field(default_factory=frozenset)
    secretariat_editions: frozenset = field(default_factory=frozenset)
    mag_editions: frozenset = field(default_factory=frozenset)


EMPTY = RoleSet()


def roles_of(person) -> RoleSet:
    """No roles until the person confirmed their address: a role given to an address belongs
    to whoever proves it is theirs (see ``people.domain.person_claim``)."""
    if person is None or not getattr(person, "is_authenticated", False) or not getattr(
            person, "email_verified", None):
        return EMPTY
    cached = getattr(person, "_openigf_roles", None)
    if cached is not None:
        return cached

    rows = list(Membership.objects.filter(person=person).values_list("forum_id", "edition_id",
                                                                      "role"))
    secretariat = frozenset(f for f, _e, r in rows if r == Role.SECRETARIAT)
    roles = RoleSet(
        secretariat_forums=secretariat,
        secretariat_editions=frozenset(
            Edition.objects.filter(forum_id__in=secretariat).values_list("id", flat=True)
        ) if secretariat else frozenset(),
        mag_editions=frozenset(e for _f, e, r in rows if r == Role.MAG and e),
    )
    person._openigf_roles = roles
    return roles


def forget_roles(person) -> None:
    """Drop the cached roles after they changed."""
    if hasattr(person, "_openigf_roles"):
        del person._openigf_roles
