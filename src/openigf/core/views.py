"""View helpers every app uses: permission checks against the request's tenancy."""

from django.utils import timezone
from django.views.generic import DetailView, TemplateView
from django.views.generic.detail import SingleObjectMixin
from rules.contrib.views import PermissionRequiredMixin as RulesPermissionRequiredMixin

from openigf.core.jobs import job_progress
from openigf.core.models import Job


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


class JobView(PermissionRequiredMixin, DetailView):
    """A job's progress, refreshing itself until the work is done, then its result."""

    queryset = Job.objects.select_related("edition__forum", "forum", "started_by")
    permission_required = "core.view_job"
    pk_url_kwarg = "job_id"
    template_name = "core/job.html"
    context_object_name = "job"

    def get_object(self, queryset=None):
        job = job_progress(super().get_object(queryset))
        # The job's page is its edition's: same header, times in the edition's zone.
        self.request.edition, self.request.forum = job.edition, job.forum
        if job.edition is not None:
            timezone.activate(job.edition.tz)
        return job

    def get_template_names(self):
        if self.request.htmx:
            return ["core/includes/job_status.html"]
        return [self.template_name]
