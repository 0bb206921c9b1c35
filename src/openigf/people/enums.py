"""The classifications every IGF statistic is cut by."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StakeholderGroup(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    INTERGOVERNMENTAL = "igo", _("Intergovernmental organisation")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    TECHNICAL = "technical", _("Technical community")
    ACADEMIA = "academia", _("Academia")


class RegionalGroup(models.TextChoices):
    """UN regional groups, plus intergovernmental organisations (which belong to none)."""

    AFRICAN = "african", _("African Group")
    ASIA_PACIFIC = "asia_pacific", _("Asia-Pacific Group")
    EASTERN_EUROPEAN = "eeg", _("Eastern European Group")
    GRULAC = "grulac", _("Latin American and Caribbean Group (GRULAC)")
    WEOG = "weog", _("Western European and Others Group (WEOG)")
    INTERGOVERNMENTAL = "igo", _("Intergovernmental organisation")


class Gender(models.TextChoices):
    FEMALE = "female", _("Woman")
    MALE = "male", _("Man")
    NON_BINARY = "non_binary", _("Non-binary")
    SELF_DESCRIBED = "self_described", _("Self-described")
    UNDISCLOSED = "undisclosed", _("Prefer not to say")


class Attendance(models.TextChoices):
    ONSITE = "onsite", _("Onsite")
    ONLINE = "online", _("Online")
