import rules

from openigf.forums.predicates import is_published, is_secretariat, is_signed_in

rules.add_perm("funding.apply", is_signed_in & is_published)
rules.add_perm("funding.manage", is_secretariat)
