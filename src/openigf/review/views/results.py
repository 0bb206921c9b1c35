"""The results of the evaluation, the balanced selection (run as a job), the MAG's
overrides and the decisions (preview, then send)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from openigf.core.errors import ApplicationError
from openigf.core.jobs import job_start
from openigf.proposals.models import Proposal
from openigf.review import domain, forms, tasks
from openigf.review.views.base import RoundAction, RoundPage

SORTS = {"rank": "rank", "mean": "mean", "median": "median", "stdev": "stdev",
         "normalised": "normalised", "n": "n"}


class ResultsView(RoundPage):
    """The table of results. MAG members see it once scoring closes (or earlier if the
    Secretariat allows), never a proposal they have a conflict with; while scoring is open
    they are told so, with the date."""

    permission_required = "review.view_results"
    template_name = "review/results.html"

    def get(self, request, *args, **kwargs):
        staff = request.user.has_perm("review.manage", request.edition)
        if self.round is not None and not staff \
                and not domain.results_open_to_members(self.round):
            return self.response_class(request=request, template="review/results_later.html",
                                       context={"round": self.round,
                                                "phase": domain.scoring_phase(self.round)},
                                       status=403,
                                       using=self.template_engine)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        if self.round is None:
            return {**super().get_context_data(**kwargs), "round": None}
        staff = self.request.user.has_perm("review.manage", self.request.edition)
        table = domain.results_for(round_=self.round, viewer=self.request.user, staff=staff)
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
                    initial=forms.SelectionForm.initial_from(run)),
                "override_form": forms.OverrideForm()}


class SelectView(ResultsView):
    """POST only: run the balanced selection as a job; its page shows progress, then the
    result in plain words."""

    permission_required = "review.manage"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        round_ = self.get_round()
        form = forms.SelectionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        job = job_start(kind="review.select", task=tasks.selection_job,
                        edition=request.edition, person=request.user,
                        params={"round_id": round_.pk, **form.selection_settings()},
                        label=_("Balanced selection"), return_url=self.url("results"))
        return redirect(job)


class OverrideView(RoundAction):
    permission_required = "review.manage"

    def post(self, request, *args, **kwargs):
        round_ = self.get_round()
        form = forms.OverrideForm(request.POST)
        proposal = get_object_or_404(Proposal, pk=request.POST.get("proposal"),
                                     edition=request.edition)
        if form.is_valid():
            try:
                domain.override_set(round_=round_, proposal=proposal, person=request.user,
                                    **form.cleaned_data)
            except ApplicationError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("Override recorded; run the selection again."))
        else:
            messages.error(request, _("Give the decision and why."))
        return redirect(self.url("results"))


class DecideView(RoundPage):
    """GET: who will be told what (each proposal, its decision, the addresses mailed);
    POST: send it. Proposals already decided are neither decided nor mailed again."""

    permission_required = "review.manage"
    template_name = "review/decide.html"

    def get_context_data(self, **kwargs):
        round_ = self.get_round()
        try:
            lines = domain.decisions_plan(round_=round_)
        except ApplicationError as error:
            return {**super().get_context_data(**kwargs), "round": round_,
                    "error": error.message}
        return {**super().get_context_data(**kwargs), "round": round_, "lines": lines,
                "counts": domain.decision_counts(lines),
                "recipients": sum(len(line.recipients) for line in lines)}

    def post(self, request, *args, **kwargs):
        try:
            lines = domain.decisions_send(round_=self.get_round())
        except ApplicationError as error:
            messages.error(request, error.message)
            return redirect(self.url("results"))
        if lines:
            messages.success(request, domain.decisions_summary(lines))
        else:
            messages.info(request, _("Nothing was sent: every evaluated proposal had already "
                                     "been decided and its proposers told."))
        return redirect(self.url("results"))
