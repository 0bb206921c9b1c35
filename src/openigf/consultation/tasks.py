"""Jobs of the call for issues: the suggested number of themes and theme discovery run as
jobs with progress."""

from django.urls import reverse
from django.utils.translation import gettext as _

from openigf.consultation import themes
from openigf.core.jobs import job_task
from openigf.forums.models import Edition
from openigf.people.models import Person


@job_task(name="openigf.consultation.tasks.themes_discover")
def themes_discover(job, *, edition_id: int, k: int, person_id: int | None = None):
    edition = Edition.objects.select_related("forum").get(pk=edition_id)
    person = Person.objects.filter(pk=person_id).first() if person_id else None
    grouping = themes.grouping_discover(edition=edition, k=k, person=person, progress=job.step)
    sizes = [t.placements.count() for t in grouping.themes.all()]
    ungrouped = grouping.placements.filter(theme__isnull=True).count()
    job.step(3, 3, _("Done"))
    return {"summary": _("Version %(v)d: %(n)d inputs grouped into %(k)d themes; %(u)d fit "
                         "no theme and are listed apart.")
            % {"v": grouping.version, "n": sum(sizes), "k": len(sizes), "u": ungrouped},
            "details": [f"{t.name}: {n}" for t, n in zip(grouping.themes.all(), sizes,
                                                          strict=True)],
            "url": reverse("consultation:themes", kwargs=edition.url_kwargs)
            + f"?version={grouping.version}"}


@job_task(name="openigf.consultation.tasks.themes_suggest")
def themes_suggest(job, *, edition_id: int):
    edition = Edition.objects.select_related("forum").get(pk=edition_id)
    job.step(1, 2, _("Grouping samples of the inputs into 2 to 10 themes"))
    suggestion = themes.k_suggestion(edition, compute=True)
    job.step(2, 2, _("Done"))
    url = reverse("consultation:themes", kwargs=edition.url_kwargs)
    if suggestion is None:
        return {"summary": _("Too few published inputs to suggest a number of themes."),
                "url": url}
    return {"summary": _("Suggested: %(k)s themes.") % {"k": suggestion["k"]},
            "details": [suggestion["reason"]], "url": url}
