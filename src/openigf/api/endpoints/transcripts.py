"""Transcripts: the edition's list, a session's turns, and the captioner's feed (append a
chunk; a key already received changes nothing)."""

from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from openigf.api import scopes
from openigf.api.auth import BearerToken, NotFound
from openigf.api.common import PUBLIC, PageQuery, answers, local, page_of, paged
from openigf.api.endpoints.programme import session_target
from openigf.transcripts import domain, queries
from openigf.transcripts.models import Transcript

router = Router(tags=["Transcripts"])
S = "{slug:forum}/{slug:edition}/sessions/{int:session_id}/transcript/"
MAX_CHUNK = 5 * 1024 * 1024


class TranscriptSummary(Schema):
    session: int
    title: str
    words: int
    live: bool
    updated: datetime


class MarkerOut(Schema):
    kind: str
    text: str
    offset: int


class TurnOut(Schema):
    index: int
    anchor: str = Field(description="The turn's anchor on the session page (#t12)")
    speaker: str | None = Field(description="The speaker label as the captioner wrote it")
    person: str | None = Field(description="The person of the session it is linked to")
    text: str
    markers: list[MarkerOut]


class TranscriptOut(Schema):
    session: int
    header: str
    live: bool
    words: int
    turns: list[TurnOut]
    next: int | None = Field(description="The ``from`` of the next turns, null at the end")


class TurnsQuery(Schema):
    start: int = Field(1, ge=1, le=10_000_000, alias="from",
                       description="The number of the first turn")
    limit: int = Field(1000, ge=1, le=5000)


class ChunkIn(Schema):
    key: str = Field(min_length=1, max_length=100,
                     description="The chunk's id: sending the same key again changes nothing")
    text: str = Field(min_length=1, max_length=MAX_CHUNK)
    live: bool = Field(True, description="Captioning is still going on")


class ChunkOut(Schema):
    appended: bool
    turns: int
    words: int


@router.get("{slug:forum}/{slug:edition}/transcripts/", response=answers(paged(TranscriptSummary)),
            auth=BearerToken("transcripts.view"), openapi_extra=PUBLIC)
def transcript_list(request, forum: str, edition: str, paging: Query[PageQuery]):
    """The edition's transcripts, most recently changed first."""
    e = request.edition
    return page_of(queries.transcripts_of(e), paging, lambda t: {
        "session": t.session_id, "title": t.session.title, "words": t.words, "live": t.live,
        "updated": local(t.updated, e)})


@router.get(S, response=answers(TranscriptOut),
            auth=BearerToken("transcripts.view", target=session_target), openapi_extra=PUBLIC)
def transcript_detail(request, forum: str, edition: str, session_id: int,
                      turns: Query[TurnsQuery]):
    """A session's transcript: its turns in order, ``limit`` at a time from ``from``."""
    transcript = Transcript.objects.filter(session=request.api_object).first()
    if transcript is None:
        raise NotFound(_("This session has no transcript."))
    rows = queries.turns_from(transcript, start=turns.start, limit=turns.limit + 1)
    more = len(rows) > turns.limit
    rows = rows[:turns.limit]
    return {"session": transcript.session_id, "header": transcript.header,
            "live": transcript.live, "words": transcript.words,
            "turns": [{"index": t.index, "anchor": t.anchor, "speaker": t.label or None,
                       "person": t.speaker.name if t.speaker else None, "text": t.text,
                       "markers": t.markers} for t in rows],
            "next": rows[-1].index + 1 if more else None}


@router.post(S, response={200: ChunkOut, 201: ChunkOut, **answers(ChunkOut, 200)},
             auth=BearerToken("transcripts.upload", target=session_target,
                              scope=scopes.TRANSCRIPTS))
def transcript_append(request, forum: str, edition: str, session_id: int, payload: ChunkIn):
    """Append a chunk of captions (201); a key already received changes nothing (200)."""
    transcript, appended = domain.transcript_append(
        session=request.api_object, key=payload.key, text=payload.text, live=payload.live)
    return Status(201 if appended else 200, {"appended": appended,
                                             "turns": transcript.turns.count(),
                                             "words": transcript.words})
