"""Reporting pages: the reports section of the session page, the report form (with a draft
from the transcript), the compliance board and the templates."""


import json
from collections import Counter

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from openigf.algorithms.summarise import Turn, draft
from openigf.core.charts import breakdown
from openigf.core.csvexport import csv_response
from openigf.core.errors import ApplicationError, add_to_form
from openigf.core.views import PermissionRequiredMixin, PermissionTemplateView
from openigf.programme.models import Session
from openigf.reporting import domain, forms
from openigf.reporting.models import Report, ReportKind
from openigf.transcripts.models import Transcript
from openigf.transcripts.queries import session_turns


def section_context(request, session):
    reports = list(Report.objects.filter(session=session))
    can_write = request.user.has_perm("programme.report_session", session)
    published = [r for r in reports if r.status == Report.Status.SUBMITTED]
    if not published and not can_write:
        return None
    mine = {r.kind: r for r in reports}
    return {"session": session, "published": published, "can_write": can_write,
            "kinds": [(k, label, mine.get(k)) for k, label in ReportKind.choices]}


class ReportView(PermissionRequiredMixin, TemplateView):
    permission_required = "programme.report_session"
    template_name = "reporting/form.html"

    def get_permission_object(self):
        self.session = get_object_or_404(Session.objects.select_related("edition__forum"),
                                         edition=self.request.edition,
                                         pk=self.kwargs["session_id"])
        if self.kwargs["kind"] not in ReportKind.values:
            raise Http404
        return self.session

    def form(self, data=None):
        kind = self.kwargs["kind"]
        template = domain.template_for(self.session.edition, kind, self.session.kind)
        report = Report.objects.filter(session=self.session, kind=kind).first()
        initial = {}
        if report is not None:
            initial.update({f"q_{k}": v for k, v in report.answers.items()})
            initial.update({f"takeaway_{i}": t for i, t in enumerate(report.takeaways, 1)})
            initial.update({f"call_{i}": t for i, t in enumerate(report.calls_to_action, 1)})
        self.sources = report.sources if report else {}
        if data is None and self.request.GET.get("draft") == "transcript":
            initial.update(self.transcript_draft(kind))
        return forms.ReportForm(data, initial=initial, template=template, kind=kind), report

    def transcript_draft(self, kind):
        turns = session_turns(self.session)
        if not turns:
            return {}
        result = draft([Turn(t.anchor, t.speaker, t.text) for t in turns])
        self.sources = {s.text: s.anchor for s in
                        result.summary + result.takeaways + result.calls_to_action}
        values = {f"takeaway_{i}": s.text for i, s in enumerate(result.takeaways, 1)}
        values.update({f"call_{i}": s.text for i, s in enumerate(result.calls_to_action, 1)})
        values["q_summary"] = " ".join(s.text for s in result.summary)
        self.drafted = result
        return values

    def sources_json(self):
        return json.dumps(getattr(self, "sources", {}) or {})

    def get_context_data(self, **kwargs):
        form, report = kwargs.get("form_and_report") or self.form()

        return {**super().get_context_data(**kwargs), "session": self.session, "form": form,
                "report": report, "kind": ReportKind(self.kwargs["kind"]),
                "due": domain.due_at(self.session, self.kwargs["kind"]),
                "has_transcript": Transcript.objects.filter(session=self.session).exists(),
                "can_lock": self.request.user.has_perm("programme.manage", self.request.edition),
                "drafted": getattr(self, "drafted", None)}

    def post(self, request, *args, **kwargs):
        form, report = self.form(request.POST)
        if form.is_valid():
            sources = {}
            try:
                sources = json.loads(request.POST.get("sources") or "{}")
            except ValueError:
                sources = {}
            try:
                domain.report_save(session=self.session, kind=self.kwargs["kind"],
                                   person=request.user, answers=form.answers(),
                                   takeaways=form.takeaways(), calls_to_action=form.calls(),
                                   sources=sources if isinstance(sources, dict) else {},
                                   submit="submit" in request.POST)
            except ApplicationError as error:
                add_to_form(form, error, names={
                    **{key: f"q_{key}" for key in error.fields},
                    "takeaways": "takeaway_1", "calls_to_action": "call_1"})
            else:
                messages.success(request, _("Report submitted.") if "submit" in request.POST
                                 else _("Draft saved."))
                return redirect(self.session.get_absolute_url() + "#reports")
        return self.render_to_response(self.get_context_data(form_and_report=(form, report)))


class ReportLockView(PermissionRequiredMixin, View):
    """The Secretariat locks a report (its writers can no longer change it), or unlocks it:
    a button on the report's page."""

    permission_required = "programme.manage"
    http_method_names = ["post"]

    def get_permission_object(self):
        return self.request.edition

    def post(self, request, *args, **kwargs):
        report = get_object_or_404(Report.objects.select_related("session"),
                                   session__edition=request.edition,
                                   session_id=self.kwargs["session_id"], kind=self.kwargs["kind"])
        locked = request.POST.get("locked") != "0"
        domain.report_lock(report=report, locked=locked)
        messages.success(request, _("The report is locked: its writers can no longer change "
                                    "it.") if locked else _("The report is unlocked."))
        return redirect("reporting:report", **request.edition.url_kwargs,
                        session_id=report.session_id, kind=report.kind)


STATE_LABELS = {"filed": "Filed", "late": "Filed late", "missing": "Missing",
                "not_due": "Not due yet"}


class ComplianceView(PermissionTemplateView):
    permission_required = "programme.manage"
    template_name = "reporting/compliance.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            return csv_response(
                "report-compliance.csv",
                ["session_id", "type", "title", "organisers", "short_report", "full_report"],
                ([row["session"].pk, row["session"].kind, row["session"].title,
                  row["organisers"], row["short"], row["full"]]
                 for row in domain.compliance(request.edition)))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        rows = domain.compliance(self.request.edition)
        state = self.request.GET.get("state")
        shown = [r for r in rows if not state or state in (r["short"], r["full"])]
        charts = []
        for kind, title in (("short", _("Short reports")), ("full", _("Full reports"))):
            counts = Counter(_(STATE_LABELS[r[kind]]) for r in rows)
            charts.append(breakdown(title, dict(counts)))
        by_kind = {}
        for r in rows:
            key = r["session"].get_kind_display()
            entry = by_kind.setdefault(key, Counter())
            entry[r["short"]] += 1
        return {**super().get_context_data(**kwargs), "rows": shown, "charts": charts,
                "by_kind": sorted(by_kind.items()), "labels": STATE_LABELS, "state": state}


class TemplatesView(PermissionTemplateView):
    permission_required = "programme.manage"
    template_name = "reporting/templates.html"

    def get_context_data(self, **kwargs):
        edition = self.request.edition
        kind = self.request.GET.get("kind", ReportKind.FULL)
        kind = kind if kind in ReportKind.values else ReportKind.FULL
        template = domain.template_for(edition, kind, self.request.GET.get("session_kind", ""))
        lines = "\n".join(f"{q['key']} | {q['label']} | {q.get('type', 'long')} | "
                          f"{'required' if q.get('required') else ''}"
                          for q in template.questions)
        form = kwargs.get("form") or forms.TemplateForm(initial={
            "kind": kind, "session_kind": template.session_kind,
            "due_hours": template.due_hours, "questions": lines})
        return {**super().get_context_data(**kwargs), "form": form,
                "templates": edition.report_templates.all()}

    def post(self, request, *args, **kwargs):
        form = forms.TemplateForm(request.POST)
        if form.is_valid():
            try:
                domain.template_save(edition=request.edition, **form.cleaned_data)
            except ApplicationError as error:
                add_to_form(form, error, field="questions")
            else:
                messages.success(request, _("Template saved."))
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(form=form))
