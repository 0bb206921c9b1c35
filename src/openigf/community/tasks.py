from celery import shared_task

from openigf.community.domain.nris import initiatives_lapse_overdue
from openigf.forums.models import Forum


@shared_task(name="openigf.community.tasks.nri_lapse_all")
def nri_lapse_all() -> int:
    """Lapse, in every registry, the initiatives whose last closed year has no report."""
    forums = Forum.objects.filter(initiatives__isnull=False).distinct()
    return sum(len(initiatives_lapse_overdue(forum=forum)) for forum in forums)
