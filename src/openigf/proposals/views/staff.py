"""The Secretariat's pages: the screening list with each rule's result, screening a proposal
in or out, look-alike proposals side by side, and the calls' settings."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from openigf.algorithms.clustering import Document, similar_pairs
from openigf.core.forms import editable_copy
from openigf.forums.enums import SessionKind
from openigf.proposals import domain, forms, queries
from openigf.proposals.enums import ProposalStatus
from openigf.proposals.models import Call, CallQuestion, Proposal
from openigf.proposals.screening import RULES, check_rows
from openigf.proposals.screening.context import person_key
from openigf.proposals.views.base import FormPage, Page, ProposalMixin
from openigf.proposals.views.portal import screening_context
from openigf.proposals.views.public import PAGE_SIZE


class ScreeningListView(Page):
    """Every received proposal with its rule results; filter by type, theme, status and rule
    outcome."""

    permission_required = "proposals.screen"
    template_name = "proposals/staff/screening_list.html"

    def get_context_data(self, **kwargs):
        edition, get = self.request.edition, self.request.GET
        kind = get.get("kind", "")
        status = get.get("status", "")
        theme = get.get("theme", "")
        outcome = get.get("outcome", "")  # "", "blocking", "warning", "clean"
        rule = get.get("rule", "")
        # Every received proposal is checked (the rules count across them), then filtered.
        proposals = queries.received(edition)
        results = check_rows(edition, proposals, all_received=True)
        theme_name = next((t.name for t in edition.themes.all() if t.slug == theme), None)
        rows = []
        for p in proposals:
            if (kind and p.kind != kind) or (status and p.status != status) or (
                    theme and p.theme != theme_name):
                continue
            res = results[p.id]
            failing = [r for r in res if not r.passed]
            if rule and not any(r.rule == rule for r in failing):
                continue
            blocking = any(r.blocking for r in failing)
            if outcome == "blocking" and not blocking:
                continue
            if outcome == "warning" and (blocking or not failing):
                continue
            if outcome == "clean" and failing:
                continue
            rows.append({"proposal": p, "results": res, "failing": failing,
                         "blocking": blocking})
        filters = {"kind": kind, "status": status, "theme": theme, "outcome": outcome,
                   "rule": rule}
        page = Paginator(rows, PAGE_SIZE).get_page(self.request.GET.get("page"))
        return {**super().get_context_data(**kwargs), "rows": page.object_list, "page": page,
                "matching": len(rows), "total": len(proposals),
                "query": urlencode({k: v for k, v in filters.items() if v}),
                "kinds": SessionKind.proposable(), "themes": list(edition.themes.all()),
                "statuses": [(s.value, s.label) for s in ProposalStatus
                             if s in ProposalStatus.received()],
                "rules": list(RULES.values()),
                "base": reverse("proposals:overview", kwargs=edition.url_kwargs),
                "filters": filters}


class ScreenPassingView(Page):
    """POST: screen in every submitted proposal of a closed call that fails no blocking
    rule."""

    permission_required = "proposals.screen"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        n = domain.proposals_screen_passing(edition=request.edition, person=request.user)
        messages.success(request, _("%(n)s proposals screened in.") % {"n": n})
        return redirect("proposals:screening_list", **request.edition.url_kwargs)


class ScreenView(ProposalMixin, FormPage):
    permission_required = "proposals.screen"
    template_name = "proposals/staff/screen.html"
    form_class = forms.ScreenForm

    def get_initial(self):
        p = self.proposal
        return {"decision": "out" if p.status == ProposalStatus.SCREENED_OUT else "in",
                "reason": p.screening_note}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **screening_context(self.proposal)}

    def save(self, form):
        domain.proposal_screen(proposal=self.proposal,
                               screened_in=form.cleaned_data["decision"] == "in",
                               reason=form.cleaned_data["reason"], person=self.request.user)
        messages.success(self.request, _("Screening saved."))
        return redirect("proposals:screening_list", **self.request.edition.url_kwargs)


SIMILARITY_LEVELS = ["0.5", "0.6", "0.7", "0.8", "0.9"]


class SimilarView(Page):
    """Proposals that look alike (same organisers, or similar title and description) side by
    side, as merge candidates."""

    permission_required = "proposals.screen"
    template_name = "proposals/staff/similar.html"

    def get_context_data(self, **kwargs):
        edition = self.request.edition
        kind = self.request.GET.get("kind", "")
        proposals = {p.id: p for p in queries.received(
            edition, kind=kind if kind in SessionKind.values else "", roles=["organiser"])}
        descriptions = dict(Proposal.objects.filter(pk__in=proposals).values_list(
            "id", "description"))
        for p in proposals.values():
            p.description = descriptions.get(p.id, "")
        documents = [
            Document(key=p.id, text=f"{p.title}. {p.title}. {p.description}",
                     owners=frozenset(person_key(person_id=r.person_id, email=r.email,
                                                 name=r.name) for r in p.people))
            for p in proposals.values()]
        minimum = self.request.GET.get("min", "0.7")
        minimum = minimum if minimum in SIMILARITY_LEVELS else "0.7"
        pairs = [{"a": proposals[pair.a], "b": proposals[pair.b], "score": pair.score,
                  "both": (proposals[pair.a], proposals[pair.b]),
                  "same_owners": pair.same_owners}
                 for pair in similar_pairs(documents, threshold=float(minimum), limit=100)]
        return {**super().get_context_data(**kwargs),
                "pairs": [p for p in pairs if p["score"] >= float(minimum)],
                "same_organisers": [p for p in pairs if p["score"] < float(minimum)],
                "kinds": SessionKind.proposable(), "kind": kind, "minimum": minimum,
                "levels": SIMILARITY_LEVELS}


class CallsView(Page):
    permission_required = "proposals.manage_calls"
    template_name = "proposals/staff/calls.html"

    def get_context_data(self, **kwargs):
        edition = self.request.edition
        calls = list(Call.objects.filter(edition=edition).prefetch_related("questions"))
        have = {c.kind for c in calls}
        return {**super().get_context_data(**kwargs), "calls": calls,
                "missing": [k for k in SessionKind.proposable() if k.value not in have]}


class CallEditView(FormPage):
    permission_required = "proposals.manage_calls"
    template_name = "proposals/staff/call_form.html"

    def get_call(self):
        kind = self.kwargs.get("call_kind")
        if kind is None:
            return None
        return get_object_or_404(Call, edition=self.request.edition, kind=kind)

    def get_form(self, form_class=None):
        self.call = self.get_call()
        kwargs = self.get_form_kwargs()
        if self.call is None and "kind" in self.request.GET:
            kwargs.setdefault("initial", {})["kind"] = self.request.GET["kind"]
        return forms.CallForm(**kwargs, instance=editable_copy(self.call),
                              edition=self.request.edition,
                              content_language=self.request.forum.language)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "call": self.call}

    def save(self, form):
        domain.call_save(edition=self.request.edition, call=self.call,
                         themes=list(form.cleaned_data["themes"]), **form.values())
        messages.success(self.request, _("The call is saved."))
        return redirect("proposals:manage_calls", **self.request.edition.url_kwargs)


class CallQuestionsView(FormPage):
    permission_required = "proposals.manage_calls"
    template_name = "proposals/staff/questions.html"
    form_class = forms.CallQuestionForm

    def dispatch(self, request, *args, **kwargs):
        self.call = get_object_or_404(Call, edition=request.edition, kind=kwargs["call_kind"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "call": self.call,
                "questions": list(self.call.questions.all())}

    def post(self, request, *args, **kwargs):
        if "remove" in request.POST:
            question = get_object_or_404(CallQuestion, pk=request.POST["remove"],
                                         call=self.call)
            domain.call_question_remove(question=question)
            messages.success(request, _("The question is removed."))
            return redirect(request.path)
        return super().post(request, *args, **kwargs)

    def save(self, form):
        domain.call_question_save(call=self.call, **form.cleaned_data)
        messages.success(self.request, _("The question is added."))
        return redirect(self.request.path)


__all__ = ["CallEditView", "CallQuestionsView", "CallsView", "ScreenView",
           "ScreeningListView", "SimilarView"]
