"""Work of transcripts that runs as a job: reading a large upload into turns."""

from django.utils.translation import gettext as _

from openigf.core.jobs import job_task
from openigf.transcripts import domain


@job_task
def transcript_parse(job, *, upload_id: int):
    transcript = domain.upload_store(upload_id=upload_id, progress=job.step)
    if transcript is None:
        return {"summary": _("This upload was already read.")}
    turns = transcript.turns.count()
    linked = transcript.turns.exclude(speaker=None).count()
    return {"summary": _("Transcript saved: %(n)d turns, %(words)d words.") % {
                "n": turns, "words": transcript.words},
            "details": [_("%(linked)d turns linked to a person of the session.") % {
                "linked": linked}],
            "url": transcript.session.get_absolute_url() + "#transcript"}
