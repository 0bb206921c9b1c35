"""Celery application. Workers start with ``celery -A openigf worker``."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openigf.settings")

app = Celery("openigf")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
