"""The Secretariat's evaluation pages: the round, the assignment (preview, then confirm),
reminders, the CSV of assignments in and out."""

from collections import defaultdict

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from openigf.core.audit import audit_log
from openigf.core.csvexport import csv_response
from openigf.core.errors import ApplicationError
from openigf.review import domain, forms
from openigf.review.models import Assignment, Review
from openigf.review.views.base import RoundAction, RoundPage


class ManageView(RoundPage):
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


class RoundSaveView(ManageView):
    """POST only: the round's dates and rules."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = forms.RoundForm(request.POST, instance=self.round)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        domain.round_save(edition=request.edition, **form.cleaned_data)
        messages.success(request, _("The evaluation round is saved."))
        return redirect(self.url("manage"))


class AssignView(RoundPage):
    """GET: what an assignment run would keep, add and remove, and the loads it leaves;
    POST: do it. Run again, it completes the assignment and never doubles it."""

    permission_required = "review.manage"
    template_name = "review/assign.html"

    def get_context_data(self, **kwargs):
        round_ = self.get_round()
        rebalance = self.request.GET.get("rebalance") == "1"
        try:
            plan = domain.assignment_plan(round_=round_, rebalance=rebalance)
        except ApplicationError as error:
            return {**super().get_context_data(**kwargs), "round": round_,
                    "error": error.message}
        return {**super().get_context_data(**kwargs), "round": round_, "plan": plan,
                "rebalance": rebalance,
                "loads": sorted(plan.loads.items(), key=lambda kv: (kv[0].name, kv[0].pk))}

    def post(self, request, *args, **kwargs):
        try:
            plan = domain.assign_reviewers(round_=self.get_round(),
                                           rebalance=request.POST.get("rebalance") == "1")
        except ApplicationError as error:
            messages.error(request, error.message)
            return redirect(self.url("manage"))
        messages.success(request, domain.assignment_summary(plan))
        return redirect(self.url("manage"))


class RemindView(RoundPage):
    """GET: who will be reminded, with the number of proposals each has left; POST: send.
    A reviewer reminded in the last 20 hours is not mailed again."""

    permission_required = "review.manage"
    template_name = "review/remind.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs),
                "plan": domain.reminders_plan(round_=self.get_round())}

    def post(self, request, *args, **kwargs):
        n = domain.remind_late(round_=self.get_round())
        messages.success(request, ngettext(
            "Reminder sent to %(n)d reviewer with proposals left to score.",
            "Reminders sent to %(n)d reviewers with proposals left to score.", n) % {"n": n})
        return redirect(self.url("manage"))


class ImportView(RoundAction):
    """POST only: add assignments from a CSV file (all or nothing)."""

    permission_required = "review.manage"

    def post(self, request, *args, **kwargs):
        try:
            n = domain.assignments_import(round_=self.get_round(),
                                          upload=request.FILES.get("file"))
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("%(n)d assignments imported.") % {"n": n})
        return redirect(self.url("manage"))


class AssignmentsCsvView(RoundPage):
    permission_required = "review.manage"

    def get(self, request, *args, **kwargs):
        round_ = self.get_round()
        done = set(Review.objects.filter(round=round_).values_list("proposal_id",
                                                                   "reviewer_id"))
        rows = [[a.proposal_id, a.proposal.title, a.reviewer.email, a.reviewer.name,
                 int(a.manual), int((a.proposal_id, a.reviewer_id) in done)]
                for a in Assignment.objects.filter(round=round_).select_related(
                    "proposal", "reviewer").order_by("proposal_id", "reviewer__name")]
        audit_log(action="review.export", obj=round_,
                  changes={"file": "assignments.csv", "rows": len(rows)})
        return csv_response(
            "assignments.csv",
            ["proposal_id", "proposal_title", "reviewer_email", "reviewer_name", "manual",
             "scored"], rows)
