import rules

from openigf.forums.predicates import is_published, is_secretariat
from openigf.programme.roles import is_session_organiser

rules.add_perm("transcripts.view", is_published | is_secretariat)
rules.add_perm("transcripts.upload", is_secretariat | is_session_organiser)
rules.add_perm("transcripts.link_speakers", is_secretariat)
rules.add_perm("transcripts.view_voices", is_published | is_secretariat)
