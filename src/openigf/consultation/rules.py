import rules

from openigf.forums.predicates import is_mag_member, is_published, is_secretariat

rules.add_perm("consultation.view", is_published | is_secretariat)
rules.add_perm("consultation.submit", is_published)
rules.add_perm("consultation.manage", is_secretariat)
# Theme discovery and its edits: the Secretariat and the MAG of the edition.
rules.add_perm("consultation.discover", is_secretariat | is_mag_member)
rules.add_perm("consultation.adopt", is_secretariat)
