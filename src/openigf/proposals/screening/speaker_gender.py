from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from openigf.proposals.screening.base import PANELS, Rule, register

UNKNOWN = {"", "undisclosed"}


@register
class SpeakerGender(Rule):
    key = "speaker_gender"
    title = gettext_lazy("Gender diversity of speakers")
    kinds = PANELS
    explanation = gettext_lazy("At least one speaker is of a different gender from the rest.")

    def evaluate(self, submission, context, settings):
        speakers = submission.with_role("speaker")
        genders = {p.gender for p in speakers} - UNKNOWN
        if len(genders) < 2:
            if not speakers:
                return _("No speaker is named yet.")
            return _("All the speakers whose gender is given have the same gender; add or "
                     "change a speaker so that at least one differs.")
        return None
