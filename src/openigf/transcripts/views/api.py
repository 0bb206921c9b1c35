"""The captioner's feed: ``POST /api/v1/<forum>/<edition>/sessions/<id>/transcript/`` with
``{"key": "chunk-17", "text": ">> NAME: ...", "live": true}`` appends (a key already received
changes nothing); ``GET`` returns the turns."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from openigf.api.views import ApiView
from openigf.core.errors import ApplicationError
from openigf.programme.models import Session
from openigf.transcripts import domain
from openigf.transcripts.models import Transcript


class TranscriptApiView(ApiView):
    def get_permission_object(self):
        return self.session

    def dispatch(self, request, *args, **kwargs):
        self.session = get_object_or_404(Session, edition=request.edition,
                                         pk=kwargs["session_id"])
        self.permission_required = ("transcripts.view" if request.method == "GET"
                                    else "transcripts.upload")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        transcript = get_object_or_404(Transcript, session=self.session)
        return JsonResponse({"session": self.session.pk, "header": transcript.header,
                             "live": transcript.live,
                             "turns": [{"index": t.index, "speaker": t.label or None,
                                        "person": t.speaker.name if t.speaker else None,
                                        "text": t.text, "markers": t.markers}
                                       for t in transcript.turns.select_related("speaker")]})

    def post(self, request, *args, **kwargs):
        body = self.json_body()
        text = body.get("text")
        if not isinstance(text, str) or not text.strip():
            raise ApplicationError("Send the captions as a non-empty string in \"text\".",
                                   fields={"text": "Required."})
        transcript, appended = domain.transcript_append(
            session=self.session, key=str(body.get("key", "")), text=text,
            live=bool(body.get("live", True)))
        return JsonResponse({"appended": appended, "turns": transcript.turns.count(),
                             "words": transcript.words}, status=201 if appended else 200)
