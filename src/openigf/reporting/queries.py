"""Reads of session reports used by pages and the API."""

from openigf.reporting.models import Report


def submitted(edition, *, kind: str = ""):
    """The submitted reports of ``edition``'s sessions (optionally of one kind), in session
    order."""
    reports = Report.objects.filter(session__edition=edition, status=Report.Status.SUBMITTED)
    if kind:
        reports = reports.filter(kind=kind)
    return reports.select_related("session").order_by("session__title", "session_id", "kind")


def of_session(session, *, drafts: bool = False):
    """A session's reports: the submitted ones, and the drafts too when ``drafts``."""
    reports = Report.objects.filter(session=session)
    if not drafts:
        reports = reports.filter(status=Report.Status.SUBMITTED)
    return reports.order_by("kind")
