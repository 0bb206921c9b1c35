"""Proposal pages split by audience: ``public`` (overview, CSV, a proposal), ``portal`` (the
proposers' form, people, submission; speakers' confirmation) and ``staff`` (Secretariat)."""
