"""Every write of the community registry, one module per part (see each module)."""
