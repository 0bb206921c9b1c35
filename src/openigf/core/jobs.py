"""Long work run as a task with progress: the one way a page starts work that takes seconds.

A view calls :func:`job_start` and redirects to the job's page, which refreshes itself until the
work is done and then shows its result in plain words. The work is a function decorated with
:func:`job_task` in the app's ``tasks.py``; it receives the :class:`~openigf.core.models.Job`
and its parameters, reports progress with ``job.step(done, total, message)`` (``Job.step``)
and returns ``{"summary": "...", "details": ["..."], "url": "..."}``.

    @job_task
    def schedule_solve(job, *, edition_id, time_limit):
        ...
        job.step(1, 3, _("Placing sessions"))
        return {"summary": _("All 199 sessions placed."), "url": edition_url}

    job = job_start(kind="programme.solve", task=schedule_solve, edition=edition,
                    person=request.user, params={"edition_id": edition.pk, "time_limit": 20},
                    label=_("Solve the schedule"), return_url=request.path)
    return redirect(job)

Pressing the button twice starts nothing more: while a job of the same ``kind``, edition and
``about`` is unfinished, ``job_start`` returns it. A job whose worker died (no progress for
``JOB_STALE_AFTER`` seconds) is marked failed and a new one may start. With tasks inline (the
demo, the tests) the work runs before ``job_start`` returns.
"""

import datetime
import functools
import logging

from celery import shared_task
from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from openigf.core.audit import acting_as
from openigf.core.errors import ApplicationError
from openigf.core.models import Job, JobStatus

log = logging.getLogger(__name__)
_REGISTRY = {}


def _stale_after() -> datetime.timedelta:
    return datetime.timedelta(seconds=getattr(settings, "JOB_STALE_AFTER", 600))


def job_key(*, kind: str, edition=None, forum=None, about="") -> str:
    scope = f"e{edition.pk}" if edition is not None else f"f{forum.pk}" if forum else "-"
    return f"{kind}:{scope}:{about}"


def job_start(*, kind: str, task, label: str, edition=None, forum=None, person=None,
              params: dict | None = None, about: str = "", return_url: str = "") -> Job:
    """Start ``task`` as a job, or return the unfinished one doing the same work.

    Side effects, in order: a job that stopped responding is marked failed; one ``Job`` row;
    after commit, the task is queued (with tasks inline it runs now, before this returns).
    """
    name = getattr(task, "name", None)
    if name not in _REGISTRY:
        raise ValueError(f"{task!r} is not a @job_task")
    if edition is not None and forum is None:
        forum = edition.forum
    key = job_key(kind=kind, edition=edition, forum=forum, about=about)
    _expire_stale(key)
    existing = Job.objects.active().filter(key=key).first()
    if existing is not None:
        return existing
    person = person if getattr(person, "is_authenticated", False) else None
    try:
        with transaction.atomic():
            job = Job.objects.create(
                kind=kind, key=key, label=str(label)[:300], forum=forum, edition=edition,
                started_by=person, task=name, params=params or {},
                language=translation.get_language() or "", return_url=return_url)
    except IntegrityError:  # another request started the same work a moment ago
        return Job.objects.active().get(key=key)
    if settings.CELERY_TASK_ALWAYS_EAGER:
        _dispatch(task, job.pk)  # inline: the work is done before the page answers
        job.refresh_from_db()
    else:  # a worker must see the row: queue once it is committed
        transaction.on_commit(lambda: _dispatch(task, job.pk))
    return job


def _dispatch(task, job_id) -> None:
    try:
        task.delay(job_id=str(job_id))
    except Exception:  # broker unreachable: say so on the job's page rather than hang
        log.exception("jobs: could not queue job %s", job_id)
        Job.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
            status=JobStatus.FAILED, finished_at=timezone.now(),
            error=_("The work could not be queued (the task queue is unreachable). "
                    "Try again in a moment."))


def _expire_stale(key: str) -> None:
    limit = timezone.now() - _stale_after()
    for job in Job.objects.active().filter(key=key):
        last = job.heartbeat or job.started_at or job.created
        if last < limit:
            Job.objects.filter(pk=job.pk, status=job.status).update(
                status=JobStatus.FAILED, finished_at=timezone.now(),
                error=_("This work stopped responding and was abandoned; it can be started "
                        "again."))


def job_task(func=None, *, name: str | None = None):
    """Make ``func(job, **params)`` a Celery task run as a job (see the module's docstring)."""
    if func is None:
        return functools.partial(job_task, name=name)
    task_name = name or f"{func.__module__}.{func.__name__}"

    @shared_task(name=task_name, acks_late=True)
    @functools.wraps(func)
    def run(*, job_id):
        return _run(func, job_id)

    _REGISTRY[task_name] = func
    return run


def _run(func, job_id) -> str:
    job = Job.objects.select_related("edition", "started_by").filter(pk=job_id).first()
    if job is None or job.finished:
        return "skipped"  # redelivered after it finished: the work is not done twice
    now = timezone.now()
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, started_at=now,
                                         heartbeat=now)
    job.status, job.started_at = JobStatus.RUNNING, now
    zone = job.edition.tz if job.edition_id else timezone.get_default_timezone()
    with translation.override(job.language or settings.LANGUAGE_CODE), \
            timezone.override(zone), acting_as(job.started_by):
        try:
            result = func(job, **job.params) or {}
        except ApplicationError as exc:
            return _finish(job, JobStatus.FAILED, error=str(exc.message))
        except Exception:
            log.exception("jobs: %s (%s) failed", job.kind, job.pk)
            return _finish(job, JobStatus.FAILED,
                           error=_("An unexpected error stopped this work. Nothing was "
                                   "published; you can try again."))
        return _finish(job, JobStatus.DONE, result=_plain(result))


def _plain(result: dict) -> dict:
    """Lazy translations and other objects as the strings JSON can store."""
    return {"summary": str(result.get("summary", "")),
            "details": [str(d) for d in result.get("details", [])],
            "url": str(result.get("url", "") or "")}


def _finish(job: Job, status: str, *, result=None, error="") -> str:
    Job.objects.filter(pk=job.pk).update(status=status, finished_at=timezone.now(),
                                         result=result or {}, error=error,
                                         done=job.done, total=job.total, message=job.message)
    cache.delete(job.progress_key)
    return status


def job_progress(job: Job) -> Job:
    """The job with the freshest progress (the cache is written inside transactions too)."""
    if not job.finished:
        fresh = cache.get(job.progress_key)
        if fresh:
            job.done, job.total, job.message = fresh["done"], fresh["total"], fresh["message"]
    return job
