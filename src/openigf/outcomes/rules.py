import rules

from openigf.forums.predicates import is_published, is_secretariat, is_signed_in

rules.add_perm("outcomes.view", is_published | is_secretariat)
rules.add_perm("outcomes.comment", is_signed_in)
rules.add_perm("outcomes.edit", is_secretariat)
