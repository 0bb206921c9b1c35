import rules

from openigf.forums.predicates import is_published, is_secretariat, is_signed_in

rules.add_perm("registration.register", is_signed_in & is_published)
rules.add_perm("registration.check_in", is_secretariat)
rules.add_perm("registration.manage", is_secretariat)
