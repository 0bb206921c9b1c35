import rules

from openigf.forums.predicates import is_platform_admin, is_secretariat

rules.add_perm("outbox.view_outbox", is_secretariat)
rules.add_perm("outbox.retry_message", is_secretariat)
rules.add_perm("outbox.view_platform_outbox", is_platform_admin)
