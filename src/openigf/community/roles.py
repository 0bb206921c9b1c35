"""What a person looks after in the community registry, loaded once per request and cached on
the person (like ``forums.roles``): one query per kind, only when a page asks."""

from openigf.community.enums import WorkingGroupKind
from openigf.community.models import BpfFacilitator, CoalitionMember, Initiative, WorkingGroupMember


def _cached(person, key, load):
    if person is None or not getattr(person, "is_authenticated", False) or not getattr(
            person, "email_verified", None):  # given to an address: theirs once confirmed
        return frozenset()
    cache = person.__dict__.setdefault("_community_roles", {})
    if key not in cache:
        cache[key] = frozenset(load(person))
    return cache[key]


def initiatives_of(person) -> frozenset:
    return _cached(person, "initiatives", lambda p: Initiative.objects.filter(
        focal_points=p).values_list("id", flat=True))


def coalitions_of(person) -> frozenset:
    return _cached(person, "coalitions", lambda p: CoalitionMember.objects.filter(
        person=p, coordinator=True).values_list("coalition_id", flat=True))


def bpfs_of(person) -> frozenset:
    return _cached(person, "bpfs", lambda p: BpfFacilitator.objects.filter(
        person=p).values_list("bpf_id", flat=True))


def improvement_forums_of(person) -> frozenset:
    """Forums whose improvements tracker the person keeps, as a member of an improvements
    working group of one of its editions."""
    return _cached(person, "improvements", lambda p: WorkingGroupMember.objects.filter(
        person=p, group__kind=WorkingGroupKind.IMPROVEMENTS).values_list(
        "group__edition__forum_id", flat=True))


def forget(person) -> None:
    person.__dict__.pop("_community_roles", None)
