"""The screening rules' common parts: what a rule sees, what it says, and the registries.

A rule sees plain snapshots (:class:`Submission`, :class:`Named`) and an edition-wide
:class:`Context` built in a fixed number of queries, so that checking 1,200 proposals costs the
same queries as checking one. Each rule explains itself in plain words (``title`` and
``explanation``) and says why a proposal fails in its ``message``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from openigf.forums.enums import SessionKind

# Session types run with a panel of speakers, where the rules on speakers apply by default.
PANELS = (SessionKind.WORKSHOP, SessionKind.OPEN_FORUM, SessionKind.DC_SESSION,
          SessionKind.BPF_SESSION, SessionKind.NRI_SESSION, SessionKind.TOWN_HALL,
          SessionKind.DAY_ZERO)
BLOCK = "block"  # refuses submission
WARN = "warn"  # shown to the proposers and the Secretariat, never refuses
SEVERITIES = [(BLOCK, _("Refuses submission")), (WARN, _("Warning only"))]


@dataclass(slots=True)  # not frozen: built 10,000 times for a screening list
class Named:
    """Someone named in a proposal, as the rules see them."""

    key: str  # "p<person id>" or "e<email>" or "n<name>": who they are across proposals
    person_id: int | None
    name: str
    role: str
    stakeholder_group: str = ""
    gender: str = ""
    onsite: bool = True
    confirmed: bool = False


@dataclass(frozen=True)
class Submission:
    id: int | None
    edition_id: int
    kind: str
    organisation: str
    people: tuple[Named, ...]
    coalition_id: int | None = None

    def with_role(self, *roles) -> list[Named]:
        return [p for p in self.people if p.role in roles]


@dataclass
class Context:
    """Edition-wide facts the rules compare a proposal with (built by ``context.build``)."""

    # person key -> ids of received proposals where they organise / speak
    organises: dict = field(default_factory=dict)
    speaks: dict = field(default_factory=dict)
    # (kind, organisation, lower-cased) -> ids of received proposals
    organisation_proposals: dict = field(default_factory=dict)
    organiser_proposals_by_kind: dict = field(default_factory=dict)
    mag_keys: set = field(default_factory=set)
    missing_reports: dict = field(default_factory=dict)  # person id -> reason
    eligible_coalitions: set = field(default_factory=set)
    coalition_reasons: dict = field(default_factory=dict)  # coalition id -> [reasons]


@dataclass(frozen=True)
class RuleResult:
    rule: str
    title: str
    passed: bool
    severity: str
    message: str
    field: str = ""  # the form field the message belongs to ("" : the people section)

    @property
    def blocking(self) -> bool:
        return not self.passed and self.severity == BLOCK


class Rule:
    """One screening rule. Subclasses set the class attributes and write ``evaluate``."""

    key: str = ""
    title = ""
    explanation = ""  # the rule in plain words, shown beside the form and in the call settings
    severity: str = BLOCK
    kinds: tuple | None = None  # session kinds it applies to by default (None: all)
    params: dict = {}  # name -> (default, label)
    field: str = "people"

    def settings(self, call_rules: dict, kind: str) -> dict | None:
        """The rule's settings for a call, or None when it is off for that call."""
        own = dict((call_rules or {}).get(self.key) or {})
        default_on = self.kinds is None or kind in self.kinds
        if not own.get("enabled", default_on):
            return None
        values = {name: own.get(name, default) for name, (default, _label) in self.params.items()}
        values["severity"] = own.get("severity", self.severity)
        return values

    def describe(self, settings: dict) -> str:
        return str(self.explanation) % settings if "%(" in str(self.explanation) else str(
            self.explanation)

    def evaluate(self, submission: Submission, context: Context, settings: dict) -> str | None:
        """Return None when the proposal passes, else why it fails, in plain words."""
        raise NotImplementedError

    def check(self, submission, context, settings, *, texts=None) -> RuleResult:
        """``texts``: (title, description) already translated, when checking many."""
        title, description = texts or (str(self.title), None)
        failure = self.evaluate(submission, context, settings)
        return RuleResult(rule=self.key, title=title, passed=failure is None,
                          severity=settings["severity"],
                          message=str(failure) if failure else (
                              description or self.describe(settings)),
                          field=self.field)


RULES: dict[str, Rule] = {}
REPORT_SOURCES: list[Callable] = []


def register(rule_class):
    """Class decorator: add a rule to the registry (one module per rule)."""
    RULES[rule_class.key] = rule_class()
    return rule_class


def register_report_source(fn: Callable) -> Callable:
    """Add a source of missing reports: ``fn(edition, person_ids) -> {person id: reason}``
    maps each person who has a report missing from an earlier edition to a plain-words
    reason. The "past session has no filed report" rule asks every registered source."""
    if fn not in REPORT_SOURCES:
        REPORT_SOURCES.append(fn)
    return fn


def others(ids, own_id) -> set:
    return {i for i in ids if i != own_id}
