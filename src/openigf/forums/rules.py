import rules

from openigf.forums.predicates import (
    is_mag_member,
    is_platform_admin,
    is_published,
    is_secretariat,
)

rules.add_perm("forums.view_edition", is_published | is_secretariat | is_mag_member)
rules.add_perm("forums.view_forum", rules.always_allow)
rules.add_perm("forums.manage_forum", is_secretariat)
rules.add_perm("forums.manage_edition", is_secretariat)
rules.add_perm("forums.view_audit", is_secretariat)
rules.add_perm("forums.manage_roles", is_secretariat)
rules.add_perm("forums.create_forum", is_platform_admin)
