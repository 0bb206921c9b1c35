"""Session reports: the submitted ones (each session's, and the edition's), and filing one
through ``reporting.domain`` with the report form's rules (the template's questions, at most
three takeaways and calls to action)."""

from datetime import datetime
from typing import Literal

from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from openigf.api import scopes
from openigf.api.auth import BearerToken
from openigf.api.common import PUBLIC, PageQuery, answers, local, page_of, paged
from openigf.api.endpoints.programme import session_target
from openigf.core.errors import ApplicationError
from openigf.reporting import domain, queries
from openigf.reporting.forms import ReportForm
from openigf.reporting.models import Report

router = Router(tags=["Reports"])
Kind = Literal["pre", "short", "full"]
Answer = str | int | None
Stored = str | int | float | bool | None


class ReportOut(Schema):
    session: int
    kind: str
    status: str = Field(description="submitted, or draft (only to those who write it)")
    submitted_at: datetime | None
    due_at: datetime | None
    late: bool
    answers: dict[str, Stored]
    takeaways: list[str]
    calls_to_action: list[str]


class ReportIn(Schema):
    answers: dict[str, Answer] = Field(default_factory=dict, max_length=50,
                                       description="Question key -> answer, as the "
                                                   "template's questions")
    takeaways: list[str] = Field(default_factory=list, max_length=3)
    calls_to_action: list[str] = Field(default_factory=list, max_length=3)
    submit: bool = Field(False, description="Submit; otherwise save a draft")


class ReportFilters(Schema):
    kind: Kind | None = None


def _out(report: Report, edition) -> dict:
    return {"session": report.session_id, "kind": report.kind, "status": report.status,
            "submitted_at": local(report.submitted_at, edition),
            "due_at": local(report.due_at, edition), "late": report.late,
            "answers": report.answers, "takeaways": report.takeaways,
            "calls_to_action": report.calls_to_action}


def _form(session, kind: str, body: ReportIn) -> ReportForm:
    template = domain.template_for(session.edition, kind, session.kind)
    known = {q["key"] for q in template.questions}
    unknown = sorted(set(body.answers) - known)
    if unknown:
        raise ApplicationError(_("These are not questions of this report: %(keys)s.") % {
            "keys": ", ".join(unknown)}, fields={f"answers.{k}": [_("Unknown question.")]
                                                 for k in unknown})
    data = MultiValueDict()
    for key, value in body.answers.items():
        data[f"q_{key}"] = "" if value is None else str(value)
    for prefix, items in (("takeaway", body.takeaways), ("call", body.calls_to_action)):
        for i, text in enumerate(items, start=1):
            data[f"{prefix}_{i}"] = text
    return ReportForm(data, template=template, kind=kind)


def _field(name: str) -> str:
    if name.startswith("q_"):
        return "answers." + name[2:]
    return {"takeaway": "takeaways", "call": "calls_to_action"}.get(name.split("_")[0], name)


@router.get("{slug:forum}/{slug:edition}/reports/", response=answers(paged(ReportOut)),
            auth=BearerToken("programme.view_agenda"), openapi_extra=PUBLIC)
def report_list(request, forum: str, edition: str, filters: Query[ReportFilters],
                paging: Query[PageQuery]):
    """The submitted reports of the edition's sessions."""
    e = request.edition
    return page_of(queries.submitted(e, kind=filters.kind or ""), paging, lambda r: _out(r, e))


@router.get("{slug:forum}/{slug:edition}/sessions/{int:session_id}/reports/",
            response=answers(list[ReportOut]),
            auth=BearerToken("programme.view_session", target=session_target),
            openapi_extra=PUBLIC)
def session_reports(request, forum: str, edition: str, session_id: int):
    """A session's submitted reports, and its drafts for those who write them."""
    session = request.api_object
    drafts = request.user.has_perm("programme.report_session", session)
    return [_out(r, request.edition) for r in queries.of_session(session, drafts=drafts)]


@router.put("{slug:forum}/{slug:edition}/sessions/{int:session_id}/reports/{kind}/",
            response=answers(ReportOut, 200, 409),
            auth=BearerToken("programme.report_session", target=session_target,
                             scope=scopes.REPORTS))
def report_file(request, forum: str, edition: str, session_id: int, kind: Kind,
                payload: ReportIn):
    """Save the report of one kind as a draft, or submit it (a late report is accepted and
    marked late; a report the Secretariat locked is refused)."""
    session = request.api_object
    form = _form(session, kind, payload)
    if not form.is_valid():
        fields = {}
        for name, messages in form.errors.items():
            fields.setdefault(_field(name), []).extend(messages)
        raise ApplicationError(_("Some answers are not accepted."), fields=fields)
    try:
        report = domain.report_save(session=session, kind=kind, person=request.user,
                                    answers=form.answers(), takeaways=form.takeaways(),
                                    calls_to_action=form.calls(), submit=payload.submit)
    except ApplicationError as error:  # the domain names questions by their bare key
        error.fields = {k if k in ("takeaways", "calls_to_action") else f"answers.{k}": v
                        for k, v in error.fields.items()}
        raise
    return _out(report, request.edition)

