"""Every write of transcripts: save a whole text, append a chunk from the captioner's feed,
link a speaker label to a person. Turns are rebuilt from the text as received, so a parse is
always reproducible and nothing typed by the captioner is lost."""

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.utils.translation import gettext as _

from openigf.algorithms import transcripts as parser
from openigf.core.audit import audit_log
from openigf.core.errors import ApplicationError
from openigf.programme.models import SessionPerson
from openigf.transcripts.models import Chunk, SpeakerLink, Transcript, Turn

MAX_BYTES = 5 * 1024 * 1024
ENCODINGS = ("utf-8-sig", "utf-16")


def decode_upload(data: bytes) -> str:
    """The text of an uploaded file; refuses what is not text, too large, or in an encoding
    it cannot tell."""
    if len(data) > MAX_BYTES:
        raise ApplicationError(_("The file is larger than 5 MB."),
                               fields={"file": _("Upload at most 5 MB of text.")})
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


def _edition_people(session):
    return {p.pk: p for p in SessionPerson.objects.filter(session__edition_id=session.edition_id)
            .exclude(session=session)}


def _rebuild(transcript: Transcript) -> None:
    session = transcript.session
    parsed = parser.parse(transcript.raw)
    people, candidates, roles = _candidates(session)
    by_pk = {p.pk: p for p in people}
    links = {link.label: link.speaker for link in transcript.links.select_related("speaker")}
    others = None
    resolved = {}
    turns = []
    words = 0
    for index, turn in enumerate(parsed.turns, start=1):
        label = (turn.speaker or "")[:100]
        if label not in resolved:
            speaker = links.get(label)
            if speaker is None and label not in links and label:
                key = parser.match_speaker(label, candidates, roles)
                speaker = by_pk.get(key)
                if speaker is None:
                    if others is None:
                        others = _edition_people(session)
                    key = parser.match_speaker(label, [(k, p.name) for k, p in others.items()])
                    speaker = others.get(key) if key is not None else None
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
    Turn.objects.bulk_create(turns, batch_size=500)
    if connection.vendor == "postgresql":
        Turn.objects.filter(transcript=transcript).update(
            search=SearchVector("label", weight="B", config="english")
            + SearchVector("text", weight="A", config="english"))
    transcript.header = parsed.header
    transcript.words = words
    transcript.save(update_fields=["header", "words", "updated"])


@transaction.atomic
def transcript_save(*, session, text: str, live: bool = False) -> Transcript:
    """Replace the session's transcript with ``text``. Side effects: the transcript and its
    turns (speakers linked); audit ``transcript.save``."""
    if not text.strip():
        raise ApplicationError(_("The transcript is empty."),
                               fields={"file": _("The file has no text.")})
    transcript, created = Transcript.objects.select_for_update().get_or_create(
        session=session, defaults={"raw": text, "live": live})
    if not created:
        transcript.raw, transcript.live = text, live
        transcript.save(update_fields=["raw", "live", "updated"])
    _rebuild(transcript)
    audit_log(action="transcript.save", obj=session,
              changes={"words": [None, transcript.words]})
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
    audit_log(action="transcript.link", obj=transcript.session,
              changes={label: [None, speaker.name if speaker else None]})
    return changed
