"""What every proposals page shares."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView

from openigf.core.errors import ApplicationError, add_to_form, refusal_from
from openigf.core.views import PermissionRequiredMixin
from openigf.proposals.models import Proposal


class ProposalsMixin(PermissionRequiredMixin):
    def get_target(self):
        return None

    @cached_property
    def target(self):
        return self.get_target()

    def get_permission_object(self):
        target = self.target
        return target if target is not None else self.request.edition

    def can(self, permission, obj=None) -> bool:
        return self.request.user.has_perm(permission, obj if obj is not None else
                                          self.get_permission_object())


class ProposalMixin(ProposalsMixin):
    """A page about one proposal of the request's edition (``pk`` in the URL)."""

    def get_target(self):
        return get_object_or_404(
            Proposal.objects.select_related("call", "theme", "edition__forum", "created_by"),
            edition=self.request.edition, pk=self.kwargs["proposal_id"])

    @property
    def proposal(self) -> Proposal:
        return self.target


class Page(ProposalsMixin, TemplateView):
    pass


class FormPage(ProposalsMixin, FormView):
    """A form page whose ``save(form)`` calls a domain function; a refusal from it is shown
    at the field at fault, with everything typed kept."""

    def save(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            return self.save(form)
        except (ValidationError, ApplicationError) as exc:
            add_errors(form, exc)
            return self.form_invalid(form)


def add_errors(form, exc) -> None:
    add_to_form(form, exc if isinstance(exc, ApplicationError) else refusal_from(exc))


def flash_error(request, exc) -> None:
    text = exc.message if isinstance(exc, ApplicationError) else " ".join(exc.messages)
    messages.error(request, text)
