"""Every write of transcripts: save a whole text, append a chunk from the captioner's feed,
link a speaker label to a person. Turns are rebuilt from the text as received, so a parse is
always reproducible and nothing typed by the captioner is lost."""

import json

from django.db import connection, transaction
from django.db.models import Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from openigf.algorithms import transcripts as parser
from openigf.core.audit import audit_log
from openigf.core.errors import ApplicationError
from openigf.transcripts.models import (
    Chunk,
    PendingUpload,
    SpeakerLink,
    SpokenWords,
    Transcript,
    Turn,
)

MAX_BYTES = 5 * 1024 * 1024
# Above this size an upload is parsed and stored by a job, not during the request: 250 KB is
# about 45,000 words, read in well under a second.
INLINE_BYTES = 256 * 1024
# What a multipart request adds around the file (boundaries, the other fields).
_FORM_OVERHEAD = 64 * 1024
ENCODINGS = ("utf-8-sig", "utf-16")


def _too_large():
    return ApplicationError(_("The file is larger than 5 MB."),
                            fields={"file": _("Upload at most 5 MB of text.")})


def upload_refused_by_length(content_length) -> ApplicationError | None:
    """The refusal of a request whose declared length is beyond any acceptable upload, decided
    before its body is read (a 100 MB upload is never received)."""
    try:
        length = int(content_length or 0)
    except (TypeError, ValueError):
        return None
    return _too_large() if length > MAX_BYTES + _FORM_OVERHEAD else None


def upload_read(file) -> bytes:
    """The bytes of an uploaded file, read in chunks and refused as soon as they pass
    ``MAX_BYTES`` (the declared size is checked first)."""
    if (file.size or 0) > MAX_BYTES:
        raise _too_large()
    parts, size = [], 0
    for chunk in file.chunks():
        size += len(chunk)
        if size > MAX_BYTES:
            raise _too_large()
        parts.append(chunk)
    return b"".join(parts)


def decode_upload(data: bytes) -> str:
    """The text of an uploaded file; refuses what is not text, too large, or in an encoding
    it cannot tell."""
    if len(data) > MAX_BYTES:
        raise _too_large()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8-sig", "cp1252")
        if b"\x00" in data:
            raise ApplicationError(_("The file is not text."),
                                   fields={"file": _("Upload a plain text file (.txt, .md).")})
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "cp1252" and sum(c.isprintable() or c in "\n\r\t" for c in text) \
                < 0.98 * len(text):
            break
        return text
    raise ApplicationError(_("The file's encoding is not UTF-8, UTF-16 or Windows-1252."),
                           fields={"file": _("Save the file as UTF-8 and upload it again.")})


def _candidates(session):
    people = list(session.people.all())
    roles = {}
    for p in people:
        roles.setdefault(p.role, []).append(p.pk)
    return people, [(p.pk, p.name) for p in people], roles


def _rebuild(transcript: Transcript, progress=None) -> None:
    """Parse the text again and replace the turns. ``progress(done, total, message)`` hears
    of each thousand turns stored (a job's ``step``)."""
    session = transcript.session
    if progress:
        progress(0, 0, _("Reading the text"))
    parsed = parser.parse(transcript.raw)
    people, candidates, roles = _candidates(session)
    by_pk = {p.pk: p for p in people}
    links = {link.label: link.speaker for link in transcript.links.select_related("speaker")}
    resolved = {}
    turns = []
    words = 0
    for index, turn in enumerate(parsed.turns, start=1):
        label = (turn.speaker or "")[:100]
        if label not in resolved:
            speaker = links.get(label)
            if speaker is None and label not in links and label:
                # Only the session's own people: a name on another session's list is
                # no evidence of who spoke here.
                speaker = by_pk.get(parser.match_speaker(label, candidates, roles))
            resolved[label] = speaker
        speaker = resolved[label]
        count = len(turn.text.split())
        words += count
        turns.append(Turn(transcript=transcript, edition_id=session.edition_id, index=index,
                          label=label, speaker=speaker,
                          person_id=speaker.person_id if speaker else None, text=turn.text,
                          markers=[{"kind": m.kind, "text": m.text, "offset": m.offset}
                                   for m in turn.markers], words=count))
    transcript.turns.all().delete()
    store = _copy_turns if connection.vendor == "postgresql" else Turn.objects.bulk_create
    for start in range(0, len(turns), 5000):
        store(turns[start:start + 5000])
        if progress:
            progress(min(start + 5000, len(turns)), len(turns), _("Storing the turns"))
    # The search vector is written with each turn (a trigger on PostgreSQL, FTS5 on SQLite).
    transcript.header = parsed.header
    transcript.words = words
    transcript.save(update_fields=["header", "words", "updated"])
    spoken_words_count(transcripts=[transcript.pk])


def spoken_words_count(*, transcripts: list[int] | None = None) -> int:
    """Count again the words per speaker of ``transcripts`` (ids; every transcript when None)
    from their turns: what the participation figures read. Called whenever turns are stored
    or relinked. Two queries and the rows written; returns how many rows there are now."""
    turns = Turn.objects.all() if transcripts is None else Turn.objects.filter(
        transcript_id__in=transcripts)
    kept = SpokenWords.objects.all() if transcripts is None else SpokenWords.objects.filter(
        transcript_id__in=transcripts)
    kept.delete()
    rows = [SpokenWords(transcript_id=transcript, edition_id=edition, speaker_id=speaker,
                        words=words)
            for transcript, edition, speaker, words in turns.values_list(
                "transcript_id", "edition_id", "speaker_id").annotate(w=Sum("words"))
            .order_by().iterator(chunk_size=5000)]
    SpokenWords.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


_COPIED = ("transcript_id", "edition_id", "index", "label", "speaker_id", "person_id", "text",
           "markers", "words")


def _copy_turns(turns: list[Turn]) -> None:
    """Store turns with PostgreSQL's COPY: a day of captions (130,000 turns) is stored in
    seconds, where building the INSERT statements alone takes half a minute."""
    table = Turn._meta.db_table
    with connection.cursor() as cursor, cursor.connection.cursor().copy(
            f'COPY {table} ({", ".join(_COPIED)}) FROM STDIN') as copy:
        for turn in turns:
            copy.write_row((turn.transcript_id, turn.edition_id, turn.index, turn.label,
                            turn.speaker_id, turn.person_id, turn.text,
                            json.dumps(turn.markers), turn.words))


@transaction.atomic
def transcript_save(*, session, text: str, live: bool = False, progress=None) -> Transcript:
    """Replace the session's transcript with ``text``. Side effects: the transcript and its
    turns (speakers linked); audit ``transcript.save``. ``progress``: see ``_rebuild``."""
    if not text.strip():
        raise ApplicationError(_("The transcript is empty."),
                               fields={"file": _("The file has no text.")})
    transcript, created = Transcript.objects.select_for_update().get_or_create(
        session=session, defaults={"raw": text, "live": live})
    if not created:
        transcript.raw, transcript.live = text, live
        transcript.save(update_fields=["raw", "live", "updated"])
    _rebuild(transcript, progress)
    audit_log(action="transcript.save", obj=session,
              changes={"words": [None, transcript.words]})
    return transcript


SUGGESTION_REASONS = {
    "first_name": _lazy("Only the first name is written; it is the first name of this person "
                        "alone in the session."),
    "initials": _lazy("The words of the label begin the words of this person's name."),
    "shared_name": _lazy("Several people of the session have this name: check which one."),
}


def transcript_report(transcript: Transcript) -> dict:
    """What an import made of the speakers: turns, labels, which labels were linked and which
    not, and for the unlinked a suggestion with its reason (never applied without a person
    confirming it)."""
    labels: dict[str, dict] = {}
    for label, speaker_id, name in transcript.turns.exclude(label="").values_list(
            "label", "speaker_id", "speaker__name"):
        entry = labels.setdefault(label, {"label": label, "turns": 0, "person": name,
                                          "speaker_id": speaker_id})
        entry["turns"] += 1
    people = list(transcript.session.people.all())
    by_pk = {p.pk: p for p in people}
    candidates = [(p.pk, p.name) for p in people]
    suggestions = []
    for entry in labels.values():
        if entry["person"] is None:
            found = parser.suggest_speaker(entry["label"], candidates)
            if found:
                key, reason = found
                entry["suggestion"] = {"person": by_pk[key].name, "speaker_id": key,
                                       "reason": str(SUGGESTION_REASONS[reason])}
                suggestions.append({"label": entry["label"], **entry["suggestion"]})
    return {"turns": transcript.turns.count(), "labels": len(labels),
            "linked": sorted(e["label"] for e in labels.values() if e["person"]),
            "unlinked": sorted(e["label"] for e in labels.values() if not e["person"]),
            "suggestions": suggestions, "by_label": list(labels.values())}


def upload_stage(*, session, text: str, live: bool = False) -> PendingUpload:
    """Keep a large upload for the job that will read it (``upload_store``)."""
    if not text.strip():
        raise ApplicationError(_("The transcript is empty."),
                               fields={"file": _("The file has no text.")})
    return PendingUpload.objects.create(session=session, text=text, live=live)


@transaction.atomic
def upload_store(*, upload_id: int, progress=None) -> Transcript | None:
    """Parse and store a staged upload as the session's transcript, then forget the upload.
    None when it was already stored (a job delivered twice does the work once)."""
    upload = (PendingUpload.objects.select_for_update().select_related("session__edition")
              .filter(pk=upload_id).first())
    if upload is None:
        return None
    transcript = transcript_save(session=upload.session, text=upload.text, live=upload.live,
                                 progress=progress)
    upload.delete()
    return transcript


@transaction.atomic
def transcript_append(*, session, key: str, text: str, live: bool = True):
    """Append a chunk of the captioner's feed. Idempotent: a chunk whose ``key`` was already
    received changes nothing. Returns ``(transcript, appended)``. Side effects (for a new
    key): the chunk, the text and its turns; audit ``transcript.append``."""
    key = (key or "").strip()
    if not key or len(key) > 100:
        raise ApplicationError(_("Give each chunk a key of at most 100 characters."),
                               fields={"key": _("Required, at most 100 characters.")})
    if len(text.encode()) > MAX_BYTES:
        raise ApplicationError(_("The chunk is larger than 5 MB."),
                               fields={"text": _("Too large.")})
    transcript, _created = Transcript.objects.select_for_update().get_or_create(
        session=session, defaults={"raw": "", "live": live})
    if Chunk.objects.filter(transcript=transcript, key=key).exists():
        return transcript, False
    Chunk.objects.create(transcript=transcript, key=key)
    joiner = "\n" if transcript.raw and not transcript.raw.endswith("\n") else ""
    transcript.raw = transcript.raw + joiner + text
    transcript.live = live
    transcript.save(update_fields=["raw", "live", "updated"])
    _rebuild(transcript)
    audit_log(action="transcript.append", obj=session,
              changes={"key": key, "words": [None, transcript.words]})
    return transcript, True


@transaction.atomic
def speaker_link(*, transcript: Transcript, label: str, speaker) -> int:
    """Say who a label is (or that it is nobody known: ``speaker=None``); remembered for the
    turns that come later. Returns how many turns changed."""
    if speaker is not None and speaker.session_id != transcript.session_id:
        raise ApplicationError(_("Choose a person of this session."),
                               fields={"speaker": _("Not a person of this session.")})
    SpeakerLink.objects.update_or_create(transcript=transcript, label=label,
                                         defaults={"speaker": speaker})
    changed = Turn.objects.filter(transcript=transcript, label=label).update(
        speaker=speaker, person=speaker.person_id if speaker else None)
    spoken_words_count(transcripts=[transcript.pk])
    audit_log(action="transcript.link", obj=transcript.session,
              changes={label: [None, speaker.name if speaker else None]})
    return changed
