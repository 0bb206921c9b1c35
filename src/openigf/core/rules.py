"""Who may see a job: who started it, the Secretariat of its forum, platform admins."""

import rules


@rules.predicate
def started_the_job(person, job):
    return job is not None and person.is_authenticated and job.started_by_id == person.pk


@rules.predicate
def manages_the_jobs_forum(person, job):
    if job is None or not person.is_authenticated:
        return False
    return bool(job.forum_id) and person.has_perm("forums.manage_forum", job.forum)


rules.add_perm("core.view_job", started_the_job | manages_the_jobs_forum | rules.is_superuser)
