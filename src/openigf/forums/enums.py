from django.db import models
from django.utils.translation import gettext_lazy as _


class ForumKind(models.TextChoices):
    GLOBAL = "global", _("Global IGF")
    NATIONAL = "national", _("National IGF")
    SUBREGIONAL = "subregional", _("Sub-regional IGF")
    REGIONAL = "regional", _("Regional IGF")
    YOUTH = "youth", _("Youth IGF")


class Role(models.TextChoices):
    """Roles held in a forum (Secretariat) or in one of its editions (MAG)."""

    SECRETARIAT = "secretariat", _("Secretariat")
    MAG = "mag", _("MAG member")


class Phase(models.TextChoices):
    CALL_FOR_ISSUES = "call_for_issues", _("Call for issues")
    CALL_FOR_PROPOSALS = "call_for_proposals", _("Call for session proposals")
    EVALUATION = "evaluation", _("Evaluation")
    REGISTRATION = "registration", _("Registration")
    MEETING = "meeting", _("Annual meeting")
    REPORTING = "reporting", _("Reporting")


class SessionKind(models.TextChoices):
    """Kinds of session of an edition, shared by calls for proposals and the programme.

    The first ten are proposed through a call; the last four are created by the Secretariat.
    """

    WORKSHOP = "workshop", _("Workshop")
    OPEN_FORUM = "open_forum", _("Open forum")
    DC_SESSION = "dc_session", _("Dynamic Coalition session")
    BPF_SESSION = "bpf_session", _("Best Practice Forum session")
    NRI_SESSION = "nri_session", _("NRI collaborative session")
    TOWN_HALL = "town_hall", _("Town hall")
    LAUNCH_AWARD = "launch_award", _("Launch and award")
    NETWORKING = "networking", _("Networking session")
    LIGHTNING_TALK = "lightning_talk", _("Lightning talk")
    DAY_ZERO = "day_zero", _("Day 0 event")
    MAIN = "main", _("Main session")
    HIGH_LEVEL = "high_level", _("High-level session")
    OPENING = "opening", _("Opening ceremony")
    CLOSING = "closing", _("Closing ceremony")

    @classmethod
    def proposable(cls):
        return [k for k in cls if k not in (cls.MAIN, cls.HIGH_LEVEL, cls.OPENING, cls.CLOSING)]
