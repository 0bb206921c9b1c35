"""What an API token may change besides reading. A person chooses a token's scopes among those
their roles allow; every write still checks the same permission as the page."""

from django.utils.translation import gettext_lazy as _

from openigf.forums.predicates import is_secretariat_anywhere
from openigf.programme.queries import session_roles_of

PROPOSALS = "proposals:write"
REPORTS = "reports:write"
TRANSCRIPTS = "transcripts:write"
REGISTRATION = "registration:write"

SCOPES = {
    PROPOSALS: _("Start, edit and submit your session proposals"),
    REPORTS: _("File the reports of the sessions you organise or report on"),
    TRANSCRIPTS: _("Send the captions of the sessions you organise"),
    REGISTRATION: _("Register you for an edition"),
}


def scopes_allowed(person) -> list[str]:
    """The scopes ``person``'s roles allow (three queries at most): anyone may propose and
    register; reports need a session they organise or report on, captions a session they
    organise; the Secretariat of any forum may do both."""
    allowed = [PROPOSALS, REGISTRATION]
    staff = is_secretariat_anywhere(person)
    roles = set() if staff else session_roles_of(person)
    if staff or roles & {"organiser", "rapporteur"}:
        allowed.append(REPORTS)
    if staff or "organiser" in roles:
        allowed.append(TRANSCRIPTS)
    return sorted(allowed)
