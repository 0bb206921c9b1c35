"""The reviewer's workspace and the Secretariat's evaluation pages."""

import csv
import io
from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from openigf.core.audit import audit_log
from openigf.core.csvexport import csv_response
from openigf.core.errors import ApplicationError, add_to_form
from openigf.core.views import PermissionRequiredMixin
from openigf.proposals.models import Proposal
from openigf.review import domain, forms
from openigf.review.models import Assignment, Conflict, Review, Round


class RoundMixin(PermissionRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        self.round = Round.objects.filter(edition=request.edition).first()
        return super().dispatch(request, *args, **kwargs)

    def url(self, name, **kwargs):
        return reverse(f"review:{name}", kwargs={**self.request.edition.url_kwargs, **kwargs})


class WorkspaceView(RoundMixin, TemplateView):
    permission_required = "review.score"
    template_name = "review/workspace.html"

    def get_context_data(self, **kwargs):
        if self.round is None:
            return {**super().get_context_data(**kwargs), "round": None}
        me = self.request.user
        assigned = list(Assignment.objects.filter(round=self.round, reviewer=me)
                        .select_related("proposal__theme").order_by("proposal__title"))
        scores = dict(Review.objects.filter(round=self.round, reviewer=me)
                      .values_list("proposal_id", "score"))
        rows = [(a.proposal, scores.get(a.proposal_id)) for a in assigned]
        nxt = next((p for p, s in rows if s is None), None)
        conflicts = Conflict.objects.filter(round=self.round, reviewer=me).select_related(
            "proposal")
        return {**super().get_context_data(**kwargs), "round": self.round, "rows": rows,
                "done": sum(1 for _p, s in rows if s is not None), "next": nxt,
                "conflicts": conflicts}


class ScoreView(RoundMixin, TemplateView):
    permission_required = "review.score"
    template_name = "review/score.html"

    def get_proposal(self):
        if self.round is None:
            raise Http404
        assignment = Assignment.objects.filter(round=self.round, reviewer=self.request.user,
                                               proposal_id=self.kwargs["proposal_id"]).first()
        if assignment is None:
            raise Http404(_("This proposal is not on your list."))
        return get_object_or_404(Proposal.objects.select_related("theme").prefetch_related(
            "people", "policy_questions", "tags"), pk=self.kwargs["proposal_id"])

    def others(self, proposal):
        return Proposal.objects.filter(pk__in=domain.proposals_of(self.round).values("pk")) \
            .exclude(pk=proposal.pk).order_by("title")

    def get_context_data(self, **kwargs):
        proposal = kwargs.get("proposal") or self.get_proposal()
        review = Review.objects.filter(round=self.round, proposal=proposal,
                                       reviewer=self.request.user).first()
        initial = ({"score": review.score, "reason": review.reason, "comment": review.comment,
                    "merge_with": review.merge_with_id} if review else {})
        form = kwargs.get("form") or forms.ReviewForm(initial=initial,
                                                      proposals=self.others(proposal))
        mine = list(Assignment.objects.filter(round=self.round, reviewer=self.request.user)
                    .order_by("proposal__title").values_list("proposal_id", flat=True))
        done = set(Review.objects.filter(round=self.round, reviewer=self.request.user)
                   .values_list("proposal_id", flat=True))
        nxt = next((p for p in mine if p not in done and p != proposal.pk), None)
        return {**super().get_context_data(**kwargs), "round": self.round,
                "proposal": proposal, "form": form,
                "conflict_form": (kwargs.get("conflict_form")
                                  or forms.ConflictForm(prefix="conflict")),
                "next_id": nxt, "position": (mine.index(proposal.pk) + 1, len(mine)),
                "blind": self.round.blind}

    def post(self, request, *args, **kwargs):
        proposal = self.get_proposal()
        if request.GET.get("do") == "conflict":
            form = forms.ConflictForm(request.POST, prefix="conflict")
            if form.is_valid():
                domain.conflict_declare(round_=self.round, proposal=proposal,
                                        reviewer=request.user,
                                        reason=form.cleaned_data["reason"])
                messages.success(request, _("Conflict recorded: the proposal left your list."))
                return redirect(self.url("workspace"))
            return self.render_to_response(self.get_context_data(proposal=proposal,
                                                                 conflict_form=form))
        form = forms.ReviewForm(request.POST, proposals=self.others(proposal))
        if form.is_valid():
            try:
                domain.review_save(round_=self.round, proposal=proposal, reviewer=request.user,
                                   **form.cleaned_data)
            except ApplicationError as error:
                add_to_form(form, error)
            else:
                messages.success(request, _("Score saved."))
                nxt = self.get_context_data(proposal=proposal)["next_id"]
                return redirect(self.url("score", proposal_id=nxt) if nxt
                                else self.url("workspace"))
        return self.render_to_response(self.get_context_data(proposal=proposal, form=form))


class ManageView(RoundMixin, TemplateView):
    permission_required = "review.manage"
    template_name = "review/manage.html"

    def get_context_data(self, **kwargs):
        form = kwargs.get("form") or forms.RoundForm(instance=self.round)
        progress = []
        if self.round is not None:
            assigned = defaultdict(int)
            for r in Assignment.objects.filter(round=self.round).values_list("reviewer_id",
                                                                             flat=True):
                assigned[r] += 1
            scored = defaultdict(int)
            for r in Review.objects.filter(round=self.round).values_list("reviewer_id",
                                                                         flat=True):
                scored[r] += 1
            for person in domain.reviewers(self.round):
                progress.append({"person": person, "assigned": assigned[person.pk],
                                 "scored": scored[person.pk]})
        return {**super().get_context_data(**kwargs), "round": self.round, "form": form,
                "progress": progress,
                "proposals": domain.proposals_of(self.round).count() if self.round else 0}

    def post(self, request, *args, **kwargs):
        action = request.GET.get("do")
        try:
            if action == "round":
                form = forms.RoundForm(request.POST, instance=self.round)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(form=form))
                domain.round_save(edition=request.edition, **form.cleaned_data)
                messages.success(request, _("The evaluation round is saved."))
            elif self.round is None:
                messages.error(request, _("Set up the round first."))
            elif action == "assign":
                result = domain.assign_reviewers(round_=self.round)
                messages.success(request, _(
                    "Assigned: %(n)d reviews, %(a)d to %(b)d per proposal, loads %(c)d to "
                    "%(d)d.") % {"n": len(result.pairs), "a": result.per_item[0],
                                 "b": result.per_item[1], "c": result.load[0],
                                 "d": result.load[1]})
            elif action == "remind":
                n = domain.remind_late(round_=self.round)
                messages.success(request, _("%(n)d reviewers reminded.") % {"n": n})
            elif action == "import":
                n = assignments_import(self.round, request.FILES.get("file"))
                messages.success(request, _("%(n)d assignments imported.") % {"n": n})
        except ApplicationError as error:
            messages.error(request, str(error))
        return redirect(self.url("manage"))


def assignments_import(round_, upload) -> int:
    """CSV ``proposal_id,reviewer_email`` (all or nothing, naming the line at fault)."""

    if upload is None:
        raise ApplicationError(_("Choose a CSV file."))
    try:
        reader = csv.DictReader(io.StringIO(upload.read().decode("utf-8-sig")))
    except UnicodeDecodeError:
        raise ApplicationError(_("The file is not UTF-8 text.")) from None
    proposals = set(domain.proposals_of(round_).values_list("pk", flat=True))
    reviewers = {p.email.lower(): p for p in domain.reviewers(round_) if p.email}
    rows = []
    for line, row in enumerate(reader, start=2):
        try:
            pk = int(row.get("proposal_id") or "")
        except ValueError:
            raise ApplicationError(_("Line %(n)d: proposal_id is not a number.") % {
                "n": line}) from None
        if pk not in proposals:
            raise ApplicationError(_("Line %(n)d: proposal %(pk)d is not evaluated in this "
                                     "round.") % {"n": line, "pk": pk})
        person = reviewers.get((row.get("reviewer_email") or "").strip().lower())
        if person is None:
            raise ApplicationError(_("Line %(n)d: %(email)s is not a MAG member of this "
                                     "edition.") % {"n": line,
                                                   "email": row.get("reviewer_email")})
        rows.append((pk, person))
    with transaction.atomic():
        for pk, person in rows:
            domain.assignment_set(round_=round_, proposal=Proposal.objects.get(pk=pk),
                                  reviewer=person, assigned=True)
    return len(rows)


class AssignmentsCsvView(RoundMixin, TemplateView):
    permission_required = "review.manage"

    def get(self, request, *args, **kwargs):
        if self.round is None:
            raise Http404
        done = set(Review.objects.filter(round=self.round).values_list("proposal_id",
                                                                       "reviewer_id"))
        rows = [[a.proposal_id, a.proposal.title, a.reviewer.email, a.reviewer.name,
                 int(a.manual), int((a.proposal_id, a.reviewer_id) in done)]
                for a in Assignment.objects.filter(round=self.round).select_related(
                    "proposal", "reviewer").order_by("proposal_id", "reviewer__name")]
        audit_log(action="review.export", obj=self.round,
                  changes={"file": "assignments.csv", "rows": len(rows)})
        return csv_response(
            "assignments.csv",
            ["proposal_id", "proposal_title", "reviewer_email", "reviewer_name", "manual",
             "scored"], rows)


SORTS = {"rank": "rank", "mean": "mean", "median": "median", "stdev": "stdev",
         "normalised": "normalised", "n": "n"}


class ResultsView(RoundMixin, TemplateView):
    permission_required = "review.view_results"
    template_name = "review/results.html"

    def get_context_data(self, **kwargs):
        if self.round is None:
            return {**super().get_context_data(**kwargs), "round": None}
        staff = self.request.user.has_perm("review.manage", self.request.edition)
        if not staff and self.round.is_open() and not self.round.scores_visible:
            # No one sees others' scores before scoring closes unless the Secretariat allows.

            raise PermissionDenied(_("Scores are shown once scoring closes."))
        table = domain.aggregate(self.round)
        titles = dict(Proposal.objects.filter(pk__in=[r["proposal_id"] for r in table])
                      .values_list("pk", "title"))
        sort = SORTS.get(self.request.GET.get("sort", "rank"), "rank")
        table.sort(key=lambda r: r[sort], reverse=sort not in ("rank",))
        run = self.round.selections.first()
        chosen = set(run.chosen) if run else set()
        for row in table:
            row["title"] = titles.get(row["proposal_id"], "")
            row["chosen"] = row["proposal_id"] in chosen
            row["why"] = run.explanations.get(str(row["proposal_id"]), "") if run else ""
        return {**super().get_context_data(**kwargs), "round": self.round, "table": table,
                "run": run, "staff": staff, "sort": sort,
                "form": kwargs.get("form") or forms.SelectionForm(
                    initial=run.settings if run else None),
                "override_form": forms.OverrideForm()}

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("review.manage", request.edition) or self.round is None:
            return HttpResponse(status=403)
        action = request.GET.get("do")
        try:
            if action == "select":
                form = forms.SelectionForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(form=form))
                data = form.cleaned_data
                run = domain.selection_run(
                    round_=self.round, slots=data["slots"], theme_cap=data["theme_cap"],
                    developing_share=data["developing_share"] / 100,
                    first_time_share=data["first_time_share"] / 100,
                    every_region=data["every_region"], every_group=data["every_group"])
                messages.success(request, _("%(n)d proposals selected (%(status)s).") % {
                    "n": len(run.chosen), "status": run.status})
                for broken in run.broken:
                    messages.warning(request, _("Constraint not met: %(c)s") % {"c": broken})
            elif action == "override":
                form = forms.OverrideForm(request.POST)
                proposal = get_object_or_404(Proposal, pk=request.POST.get("proposal"),
                                             edition=request.edition)
                if form.is_valid():
                    domain.override_set(round_=self.round, proposal=proposal,
                                        person=request.user, **form.cleaned_data)
                    messages.success(request, _("Override recorded; run the selection again."))
                else:
                    messages.error(request, _("Give the decision and why."))
            elif action == "decide":
                counts = domain.decisions_send(round_=self.round)
                messages.success(request, _("Decisions sent: %(c)s.") % {
                    "c": ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))})
        except ApplicationError as error:
            messages.error(request, str(error))
        return redirect(self.url("results"))
