"""What every community page shares: the permission is checked against the page's object
(``get_target``), else the request's edition or forum."""

from django.contrib import messages
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView

from openigf.core.errors import ApplicationError, add_to_form
from openigf.core.views import PermissionRequiredMixin


class CommunityMixin(PermissionRequiredMixin):
    def get_target(self):
        return None

    @cached_property
    def target(self):
        return self.get_target()

    def get_permission_object(self):
        target = self.target
        return target if target is not None else (self.request.edition or self.request.forum)

    def can(self, permission, obj=None) -> bool:
        return self.request.user.has_perm(permission, obj if obj is not None else
                                          self.get_permission_object())


class CommunityPage(CommunityMixin, TemplateView):
    pass


class CommunityFormPage(CommunityMixin, FormView):
    """A form page whose ``save(form)`` calls a domain function; a refusal from it is shown at
    the field at fault, with everything typed kept."""

    success_message = ""

    def save(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            response = self.save(form)
        except ApplicationError as exc:
            add_to_form(form, exc)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message)
        return response

