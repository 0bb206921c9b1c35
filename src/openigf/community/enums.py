"""Choices of the community registry."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NriKind(models.TextChoices):
    """The four kinds of initiative; the values match ``forums.enums.ForumKind``."""

    NATIONAL = "national", _("National")
    SUBREGIONAL = "subregional", _("Sub-regional")
    REGIONAL = "regional", _("Regional")
    YOUTH = "youth", _("Youth")


class NriStatus(models.TextChoices):
    REQUESTED = "requested", _("Recognition requested")
    RECOGNISED = "recognised", _("Recognised")
    LAPSED = "lapsed", _("Lapsed (annual report missing)")
    DECLINED = "declined", _("Not recognised")


class Principle(models.TextChoices):
    """The IGF principles an initiative must follow to be recognised."""

    OPEN = "open", _("Open")
    TRANSPARENT = "transparent", _("Transparent")
    INCLUSIVE = "inclusive", _("Inclusive")
    BOTTOM_UP = "bottom_up", _("Bottom-up")
    MULTISTAKEHOLDER = "multistakeholder", _("Multistakeholder")
    NON_COMMERCIAL = "non_commercial", _("Non-commercial")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the Secretariat")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned for changes")
    DECLINED = "declined", _("Declined")


class CoalitionStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")


class FacilitatorRole(models.TextChoices):
    MAG = "mag", _("MAG co-facilitator")
    LEAD_EXPERT = "lead_expert", _("Lead expert")
    SECRETARIAT = "secretariat", _("Secretariat support")


class MeetingKind(models.TextChoices):
    VIRTUAL = "virtual", _("Virtual meeting")
    IN_PERSON = "in_person", _("In person")
    SESSION = "session", _("Session at the annual meeting")


class OutputKind(models.TextChoices):
    CALL = "call", _("Call for contributions")
    DRAFT = "draft", _("Draft output for comment")
    FINAL = "final", _("Final output document")


class MagSeat(models.TextChoices):
    MEMBER = "member", _("Member")
    CHAIR = "chair", _("Chair")
    HOST = "host", _("Host country representative")


class WorkingGroupKind(models.TextChoices):
    WORKSHOP_PROCESS = "workshop_process", _("Workshop process")
    IMPROVEMENTS = "improvements", _("IGF improvements")
    FUNDRAISING = "fundraising", _("Fundraising")
    OUTREACH = "outreach", _("Outreach and engagement")
    STRATEGY = "strategy", _("Strategy")
    YOUTH = "youth", _("Youth")
    OTHER = "other", _("Other")


class WorkingGroupRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    CO_CHAIR = "co_chair", _("Co-chair")
    MEMBER = "member", _("Member")


class PlanDecision(models.TextChoices):
    RENEW = "renew", _("Renew for another term")
    LEAVE = "leave", _("Rotates out")
    JOIN = "join", _("Joins (new member)")


class ImprovementCategory(models.TextChoices):
    """The five areas of the CSTD Working Group on Improvements to the IGF, and others."""

    OUTCOMES = "outcomes", _("Outcomes and visibility")
    MODALITIES = "modalities", _("Working modalities")
    FUNDING = "funding", _("Funding")
    PARTICIPATION = "participation", _("Participation and capacity building")
    LINKAGES = "linkages", _("Links with other entities")
    OTHER = "other", _("Other")


class ImprovementStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    PARTIAL = "partial", _("Partly implemented")
    IMPLEMENTED = "implemented", _("Implemented")
    ONGOING = "ongoing", _("Implemented, ongoing")
    NOT_APPLICABLE = "not_applicable", _("No longer applicable")


class Cost(models.TextChoices):
    NONE = "none", _("No cost")
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")
    UNKNOWN = "unknown", _("Not assessed")


class DonorKind(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    IGO = "igo", _("Intergovernmental organisation")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    TECHNICAL = "technical", _("Technical community")
    CIVIL_SOCIETY = "civil_society", _("Civil society or foundation")


CURRENCIES = [
    ("USD", "USD"), ("EUR", "EUR"), ("CHF", "CHF"), ("GBP", "GBP"), ("JPY", "JPY"),
    ("SEK", "SEK"), ("NOK", "NOK"), ("DKK", "DKK"), ("CAD", "CAD"), ("AUD", "AUD"),
    ("CNY", "CNY"), ("RUB", "RUB"), ("PLN", "PLN"), ("BRL", "BRL"),
]
