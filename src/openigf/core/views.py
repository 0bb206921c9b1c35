"""View helpers every app uses: permission checks against the request's tenancy."""

from django.views.generic import TemplateView
from django.views.generic.detail import SingleObjectMixin
from rules.contrib.views import PermissionRequiredMixin as RulesPermissionRequiredMixin


class PermissionRequiredMixin(RulesPermissionRequiredMixin):
    """Check ``permission_required`` against the view's object, else the request's edition or
    forum. Anonymous visitors are sent to sign in; signed-in people without it get a 403."""

    def get_permission_object(self):
        if isinstance(self, SingleObjectMixin):
            if getattr(self, "object", None) is None:
                self.object = self.get_object()
            return self.object
        return self.request.edition or self.request.forum

    def get_object(self, queryset=None):
        """Reuse the object the permission check loaded, so that it costs no extra query."""
        if getattr(self, "object", None) is not None:
            return self.object
        return super().get_object(queryset)


class PermissionTemplateView(PermissionRequiredMixin, TemplateView):
    pass
