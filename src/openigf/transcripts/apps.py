from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranscriptsConfig(AppConfig):
    name = "openigf.transcripts"
    label = "transcripts"
    verbose_name = _("Transcripts")

    def ready(self):
        from openigf.core import navigation
        from openigf.programme import sections
        from openigf.transcripts.views.pages import section_context, voices_section

        sections.register("transcript", template="transcripts/section.html",
                          context=section_context, order=40)
        sections.register("voices", template="transcripts/voices_section.html",
                          context=voices_section, order=41)
        navigation.register(scope="edition", label=_("Voices"), url_name="transcripts:voices",
                            permission="transcripts.view_voices", order=40, exists=_turns)


def _turns(edition):
    from openigf.transcripts.models import Turn

    return Turn.objects.filter(edition=edition)
