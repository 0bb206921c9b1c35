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
