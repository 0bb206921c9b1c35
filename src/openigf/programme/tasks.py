"""Work of the programme run as jobs (``core.jobs``): solving the schedule takes seconds."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from openigf.core.jobs import job_task
from openigf.forums.models import Edition
from openigf.programme import domain


@job_task
def schedule_solve(job, *, edition_id: int, time_limit: int, move_placed: bool = False):
    """Solve the edition's schedule into the working schedule; the result in plain words."""

    edition = Edition.objects.select_related("forum").get(pk=edition_id)
    result = domain.schedule_solve(edition=edition, time_limit=time_limit,
                                   move_placed=move_placed, progress=job.step)
    summary, details = domain.schedule_describe(edition)
    seconds = round(result.seconds)
    found = (ngettext("A schedule was found in %(s)d second.",
                      "A schedule was found in %(s)d seconds.", seconds) % {"s": seconds}
             if seconds else _("A schedule was found in under a second."))
    if result.status == "optimal":
        details.append(_("No better schedule exists for these goals."))
    else:
        details.append(_("A better schedule may exist: a longer time limit may find it."))
    details.append(_("It is the working schedule: the public sees it once you publish it."))
    return {"summary": f"{found} {summary}", "details": details,
            "url": reverse("programme:manage", kwargs=edition.url_kwargs)}
