from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from openigf.proposals.screening.base import Rule, others, register


@register
class SpeakerSessions(Rule):
    key = "speaker_sessions"
    title = gettext_lazy("Sessions per speaker")
    explanation = gettext_lazy("A speaker speaks in at most %(maximum)s proposed sessions of "
                               "the edition.")
    params = {"maximum": (3, gettext_lazy("Most sessions per speaker"))}

    def evaluate(self, submission, context, settings):
        limit = settings["maximum"]
        busy = [p.name for p in submission.with_role("speaker")
                if len(others(context.speaks.get(p.key, ()), submission.id)) + 1 > limit]
        if busy:
            return _("Speakers already in %(max)s proposed sessions: %(names)s.") % {
                "names": ", ".join(busy), "max": limit}
        return None
