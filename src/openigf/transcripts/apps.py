from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranscriptsConfig(AppConfig):
    name = "openigf.transcripts"
    label = "transcripts"
    verbose_name = _("Transcripts")

    def ready(self):
        from openigf.core import navigation
        from openigf.programme import sections
        from openigf.transcripts import privacy
        from openigf.transcripts.views.pages import section_context, voices_section

        sections.register("transcript", template="transcripts/section.html",
                          context=section_context, order=40)
        sections.register("voices", template="transcripts/voices_section.html",
                          context=voices_section, order=41)
        navigation.register(scope="edition", label=_("Voices"), url_name="transcripts:voices",
                            permission="transcripts.view_voices", order=40, exists=_turns)
        privacy.register()


def _turns(edition):
    # Transcripts, not their turns: on an archive where the latest edition's turns come last,
    # PostgreSQL answers EXISTS on the turns with a scan of all of them (LIMIT 1 expects a hit
    # early); the transcripts are one per session, reached through the sessions' index.
    from openigf.transcripts.models import Transcript

    return Transcript.objects.filter(session__edition=edition)
