"""openigf: the open platform that runs a multistakeholder Internet governance forum."""

from openigf.celery import app as celery_app

__all__ = ["celery_app"]
