"""Who sees which figures: aggregated figures of a published edition are public (small cells
hidden); exact figures and the outreach list are the Secretariat's."""

import rules

from openigf.forums.predicates import is_published, is_secretariat

rules.add_perm("analytics.view_figures", is_published | is_secretariat)
rules.add_perm("analytics.view_exact", is_secretariat)
rules.add_perm("analytics.view_outreach", is_secretariat)
