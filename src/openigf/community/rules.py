"""Who may do what in the community registry. Views name only these permissions."""

import rules

from openigf.community import models, roles
from openigf.community.enums import CoalitionStatus, NriStatus
from openigf.forums.predicates import (
    forum_id_of,
    is_mag_member,
    is_published,
    is_secretariat,
    is_signed_in,
)


def _id_of(obj, model_name, attr):
    """The id of the ``model_name`` object ``obj`` is or belongs to (through ``attr``)."""
    if obj is None:
        return None
    if isinstance(obj, getattr(models, model_name)):
        return obj.pk
    return getattr(obj, attr, None)


@rules.predicate
def is_focal_point(person, obj=None):
    """The person is a focal point of the initiative (or of the request or report's)."""
    return _id_of(obj, "Initiative", "initiative_id") in roles.initiatives_of(person)


@rules.predicate
def is_coordinator(person, obj=None):
    return _id_of(obj, "Coalition", "coalition_id") in roles.coalitions_of(person)


@rules.predicate
def is_facilitator(person, obj=None):
    return _id_of(obj, "BestPracticeForum", "bpf_id") in roles.bpfs_of(person)


@rules.predicate
def is_improvements_keeper(person, obj=None):
    return forum_id_of(obj) in roles.improvement_forums_of(person)


@rules.predicate
def is_certificate_holder(person, obj=None):
    return getattr(obj, "person_id", None) == getattr(person, "pk", False)


@rules.predicate
def has_public_figures(person, obj=None):
    return bool(getattr(obj, "figures_public", False))


@rules.predicate
def is_listed(person, obj=None):
    return getattr(obj, "status", None) in (NriStatus.RECOGNISED, NriStatus.LAPSED)


@rules.predicate
def is_active_coalition(person, obj=None):
    return getattr(obj, "status", None) in (CoalitionStatus.ACTIVE, CoalitionStatus.INACTIVE)


rules.add_perm("community.view_registry", rules.always_allow)
rules.add_perm("community.view_edition", is_published | is_secretariat | is_mag_member)
rules.add_perm("community.manage_registry", is_secretariat)
rules.add_perm("community.manage_mag", is_secretariat)
# Initiatives (NRIs)
rules.add_perm("community.request_recognition", is_signed_in)
rules.add_perm("community.view_initiative", is_listed | is_focal_point | is_secretariat)
rules.add_perm("community.change_initiative", is_focal_point | is_secretariat)
rules.add_perm("community.decide_recognition", is_secretariat)
rules.add_perm("community.view_own", is_signed_in)
# Dynamic Coalitions and Best Practice Forums
rules.add_perm("community.propose_coalition", is_signed_in)
rules.add_perm("community.view_coalition", is_active_coalition | is_coordinator | is_secretariat)
rules.add_perm("community.change_coalition", is_coordinator | is_secretariat)
rules.add_perm("community.change_bpf", is_facilitator | is_secretariat)
# MAG
rules.add_perm("community.view_certificate", is_certificate_holder | is_secretariat)
# Improvements
rules.add_perm("community.change_improvements", is_improvements_keeper | is_secretariat)
# Donors
rules.add_perm("community.view_donor_figures", has_public_figures | is_secretariat)
rules.add_perm("community.manage_donors", is_secretariat)
