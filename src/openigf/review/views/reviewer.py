"""A MAG member's pages: the list of proposals to score, the score form (read-only outside
the round's dates) and the declaration of a conflict."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from openigf.core.errors import ApplicationError, add_to_form
from openigf.proposals.models import Proposal
from openigf.review import domain, forms
from openigf.review.models import Assignment, Conflict, Review
from openigf.review.views.base import RoundMixin, RoundPage


class WorkspaceView(RoundPage):
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
                "conflicts": conflicts, "phase": domain.scoring_phase(self.round),
                "results_open": domain.results_open_to_members(self.round)}


class ProposalOnMyList(RoundMixin):
    permission_required = "review.score"

    def get_proposal(self):
        round_ = self.get_round()
        if not Assignment.objects.filter(round=round_, reviewer=self.request.user,
                                         proposal_id=self.kwargs["proposal_id"]).exists():
            raise Http404(_("This proposal is not on your list."))
        return get_object_or_404(Proposal.objects.select_related("theme").prefetch_related(
            "people", "policy_questions", "tags"), pk=self.kwargs["proposal_id"],
            edition=self.request.edition)


class ScoreView(ProposalOnMyList, RoundPage):
    """The score form while scoring is open; outside the round's dates the same page,
    read-only, under one notice saying why."""

    template_name = "review/score.html"

    def others(self, proposal):
        return Proposal.objects.filter(pk__in=domain.proposals_of(self.round).values("pk")) \
            .exclude(pk=proposal.pk).order_by("title")

    def get_context_data(self, **kwargs):
        proposal = kwargs.get("proposal") or self.get_proposal()
        me = self.request.user
        review = Review.objects.filter(round=self.round, proposal=proposal,
                                       reviewer=me).first()
        initial = ({"score": review.score, "reason": review.reason, "comment": review.comment,
                    "merge_with": review.merge_with_id} if review else {})
        phase = domain.scoring_phase(self.round)
        form = kwargs.get("form") or forms.ReviewForm(initial=initial,
                                                      proposals=self.others(proposal))
        if phase != "open":
            for field in form.fields.values():
                field.disabled = True
        mine = list(Assignment.objects.filter(round=self.round, reviewer=me)
                    .order_by("proposal__title").values_list("proposal_id", flat=True))
        done = set(Review.objects.filter(round=self.round, reviewer=me)
                   .values_list("proposal_id", flat=True))
        nxt = next((p for p in mine if p not in done and p != proposal.pk), None)
        return {**super().get_context_data(**kwargs), "round": self.round,
                "proposal": proposal, "form": form, "phase": phase, "review": review,
                "conflict_form": (kwargs.get("conflict_form")
                                  or forms.ConflictForm(prefix="conflict")),
                "next_id": nxt, "position": (mine.index(proposal.pk) + 1, len(mine)),
                "blind": self.round.blind}

    def post(self, request, *args, **kwargs):
        proposal = self.get_proposal()
        if domain.scoring_phase(self.round) != "open":
            return self.render_to_response(self.get_context_data(proposal=proposal), status=409)
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


class ConflictDeclareView(ScoreView):
    """POST only: the reviewer declares a conflict; the proposal leaves their list."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        proposal = self.get_proposal()
        form = forms.ConflictForm(request.POST, prefix="conflict")
        if form.is_valid():
            try:
                domain.conflict_declare(round_=self.round, proposal=proposal,
                                        reviewer=request.user,
                                        reason=form.cleaned_data["reason"])
            except ApplicationError as error:
                add_to_form(form, error)
            else:
                messages.success(request, _("Conflict recorded: the proposal left your list."))
                return redirect(self.url("workspace"))
        return self.render_to_response(self.get_context_data(proposal=proposal,
                                                             conflict_form=form))
