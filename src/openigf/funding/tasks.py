"""Work of travel support that takes seconds, run as jobs (``core.jobs``)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from openigf.core.jobs import job_task
from openigf.funding import domain
from openigf.funding.models import TravelCall


@job_task(name="openigf.funding.tasks.travel_decisions_send")
def travel_decisions_send(job, *, call_id: int, fingerprint: str) -> dict:
    """Send the travel-support decisions the Secretariat confirmed (``travel_decide``)."""
    call = TravelCall.objects.select_related("edition__forum").get(pk=call_id)
    job.step(0, 1, _("Choosing the applications within the budget"))
    counts = domain.travel_decide(call=call, expected=fingerprint, progress=job.step)
    details = [_("USD %(cost)s of the budget of USD %(budget)s is used.") % {
        "cost": f"{counts['cost']:,.0f}", "budget": f"{call.budget:,.0f}"}]
    if counts["unchanged"]:
        details.append(_("%(n)d applicants had already been told the same decision: they "
                         "were not mailed again.") % {"n": counts["unchanged"]})
    details += [_("Aim not met: %(b)s") % {"b": b} for b in counts["broken"]]
    return {"summary": _("Decisions sent for %(call)s: %(s)d selected, %(n)d not selected; "
                         "%(m)d mails queued.") % {
                "call": call.name, "s": counts["selected"], "n": counts["not_selected"],
                "m": counts["mailed"]},
            "details": details,
            "url": reverse("funding:travel_manage", kwargs=call.edition.url_kwargs)}
