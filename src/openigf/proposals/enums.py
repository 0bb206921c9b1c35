"""Choices of the call for session proposals."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    SCREENED_IN = "screened_in", _("Screened in")
    SCREENED_OUT = "screened_out", _("Screened out")
    ACCEPTED = "accepted", _("Accepted")
    CONDITIONAL = "conditional", _("Accepted if merged")
    WAITLISTED = "waitlisted", _("Waitlisted")
    REJECTED = "rejected", _("Not accepted")

    @classmethod
    def received(cls):
        """Statuses of proposals that were submitted (what the public overview counts)."""
        return [s for s in cls if s not in (cls.DRAFT, cls.WITHDRAWN)]

    @classmethod
    def editable(cls):
        """The proposer may change a proposal in these statuses until the call's deadline,
        screened in or not: the evaluation starts from what stands at the deadline."""
        return [cls.DRAFT, cls.SUBMITTED, cls.SCREENED_IN]

    @classmethod
    def passed_screening(cls):
        return [cls.SCREENED_IN, cls.ACCEPTED, cls.CONDITIONAL, cls.WAITLISTED, cls.REJECTED]

    @classmethod
    def decisions(cls):
        return [cls.ACCEPTED, cls.CONDITIONAL, cls.WAITLISTED, cls.REJECTED]


class PersonRole(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    SPEAKER = "speaker", _("Speaker")
    MODERATOR = "moderator", _("Onsite moderator")
    ONLINE_MODERATOR = "online_moderator", _("Online moderator")
    RAPPORTEUR = "rapporteur", _("Rapporteur")


class Format(models.TextChoices):
    ROUNDTABLE = "roundtable", _("Round table")
    PANEL = "panel", _("Panel")
    DEBATE = "debate", _("Debate")
    BREAKOUT = "breakout", _("Break-out group discussions")
    BIRDS_OF_A_FEATHER = "birds", _("Birds of a feather")
    PRESENTATION = "presentation", _("Presentation")
    CLASSROOM = "classroom", _("Classroom")
    OTHER = "other", _("Other")


class QuestionKind(models.TextChoices):
    SHORT = "short", _("Short answer")
    LONG = "long", _("Long answer")
    YES_NO = "yes_no", _("Yes or no")


# The 17 Sustainable Development Goals; a proposal names goals or targets ("16", "16.10").
SDGS = [
    ("1", _("1. No poverty")), ("2", _("2. Zero hunger")),
    ("3", _("3. Good health and well-being")), ("4", _("4. Quality education")),
    ("5", _("5. Gender equality")), ("6", _("6. Clean water and sanitation")),
    ("7", _("7. Affordable and clean energy")), ("8", _("8. Decent work and economic growth")),
    ("9", _("9. Industry, innovation and infrastructure")), ("10", _("10. Reduced inequalities")),
    ("11", _("11. Sustainable cities and communities")),
    ("12", _("12. Responsible consumption and production")), ("13", _("13. Climate action")),
    ("14", _("14. Life below water")), ("15", _("15. Life on land")),
    ("16", _("16. Peace, justice and strong institutions")),
    ("17", _("17. Partnerships for the goals")),
]
