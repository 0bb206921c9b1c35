"""Who may do what with the programme. Views name only these permissions."""

import rules

from openigf.forums.predicates import is_published, is_secretariat, is_signed_in
from openigf.programme.roles import is_session_organiser, is_session_rapporteur

rules.add_perm("programme.view_agenda", is_published | is_secretariat)
rules.add_perm("programme.view_session", is_published | is_secretariat)
rules.add_perm("programme.star", is_signed_in)
rules.add_perm("programme.manage", is_secretariat)
rules.add_perm("programme.change_session",
               is_secretariat | is_session_organiser)
rules.add_perm("programme.report_session",
               is_secretariat | is_session_organiser | is_session_rapporteur)
rules.add_perm("programme.manage_feeds", is_signed_in)
# The Secretariat's actions on the programme page, each with its own permission.
rules.add_perm("programme.create_windows", is_secretariat)
rules.add_perm("programme.create_sessions", is_secretariat)
rules.add_perm("programme.solve_schedule", is_secretariat)
rules.add_perm("programme.publish_schedule", is_secretariat)
rules.add_perm("programme.place_session", is_secretariat)
