"""What every community page shares: the permission is checked against the page's object
(``get_target``), else the request's edition or forum."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView

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
    """A form page whose ``save(form)`` calls a domain function; a ``ValidationError`` from
    it is shown at the field at fault, with everything typed kept."""

    success_message = ""

    def save(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            response = self.save(form)
        except ValidationError as exc:
            add_errors(form, exc)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message)
        return response


def add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)
