"""Choices of the programme (defined with the models, re-exported for leaves)."""

from openigf.programme.models import (  # noqa: F401
    EXCLUSIVE_KINDS,
    Equipment,
    Language,
    SessionFormat,
    SessionRole,
    SessionStatus,
)
