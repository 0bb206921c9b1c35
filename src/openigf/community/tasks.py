"""Celery entry points of the community registry: each calls one domain function."""

from celery import shared_task

from openigf.community.domain.nris import initiatives_lapse_all


@shared_task(name="openigf.community.tasks.nri_lapse_all")
def nri_lapse_all() -> int:
    """Lapse, in every registry, the initiatives whose last closed year has no report."""
    return initiatives_lapse_all()
