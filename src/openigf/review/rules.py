"""Who may do what in the evaluation. Reviews never reach the reviewed: only MAG members (for
the proposals on their list) and the Secretariat see scores."""

import rules

from openigf.forums.predicates import is_mag_member, is_secretariat

rules.add_perm("review.score", is_mag_member)
rules.add_perm("review.manage", is_secretariat)
rules.add_perm("review.view_results", is_secretariat | is_mag_member)
