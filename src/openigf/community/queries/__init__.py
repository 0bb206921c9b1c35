"""Reads of the community registry used by several pages, commands and other apps.

Other apps: ``coalitions.coalition_is_eligible(coalition, edition)`` and
``coalitions.eligible_coalitions(edition)`` say which Dynamic Coalitions may hold a session at
an annual meeting (see docs/architecture.md).
"""
