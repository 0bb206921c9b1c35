"""What session reports hold about a person: which reports they wrote. The report belongs
to the session and stays, without its author."""

from openigf.core import privacy
from openigf.reporting.models import Report


def export(person) -> list:
    return [{"session": r.session.title, "report": r.kind, "status": r.status,
             "answers": r.answers, "takeaways": r.takeaways,
             "calls_to_action": r.calls_to_action}
            for r in Report.objects.filter(author=person).select_related("session")]


def erase(person) -> None:
    Report.objects.filter(author=person).update(author=None)


def register() -> None:
    privacy.register("session_reports", export=export, erase=erase)
