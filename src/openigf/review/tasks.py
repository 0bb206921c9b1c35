"""The evaluation's long work, run as jobs (core.jobs)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from openigf.core.jobs import job_task
from openigf.review import domain
from openigf.review.models import Round


@job_task
def selection_job(job, *, round_id, **settings):
    """The balanced selection, reported in plain words."""
    round_ = Round.objects.select_related("edition__forum").get(pk=round_id)
    job.step(0, 2, _("Adding up the scores"))
    job.step(1, 2, _("Choosing the proposals"))
    run = domain.selection_run(round_=round_, **settings)
    job.step(2, 2, _("Done"))
    summary = ngettext("%(n)d proposal selected.", "%(n)d proposals selected.",
                       len(run.chosen)) % {"n": len(run.chosen)}
    if run.broken:
        summary += " " + _("Some balance targets could not be met; they are listed below.")
    else:
        summary += " " + _("Every balance target is met.")
    details = [_("Not met: %(c)s") % {"c": c} for c in run.broken]
    return {"summary": summary, "details": details,
            "url": reverse("review:results", kwargs=round_.edition.url_kwargs)}
