"""Reads of transcripts for pages and for other parts (reporting drafts from ``session_turns``)."""

import re
from collections import Counter
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F
from django.db.models.expressions import RawSQL
from django.urls import reverse

from openigf.transcripts.models import Transcript, Turn


@dataclass(frozen=True)
class TurnRef:
    anchor: str
    speaker: str
    text: str
    url: str


def session_turns(session) -> list[TurnRef]:
    """The session's turns in order (empty when it has no transcript)."""
    base = reverse("programme:session", kwargs={**session.edition.url_kwargs,
                                                "session_id": session.pk})
    turns = (Turn.objects.filter(transcript__session=session).select_related("speaker")
             .only("index", "label", "text", "speaker__name"))
    return [TurnRef(f"t{t.index}", t.speaker.name if t.speaker else t.label, t.text,
                    f"{base}#t{t.index}") for t in turns]


def voices(turns, registered) -> dict:
    """Words and turns by speaker, and shares of words by classification beside the shares
    among the people registered as speakers. ``turns``: Turn rows with ``speaker`` loaded;
    ``registered``: SessionPerson rows (speakers, moderators...)."""
    words = Counter()
    turn_count = Counter()
    people = {}
    for t in turns:
        key = t.speaker_id or f"label:{t.label or '—'}"
        words[key] += t.words
        turn_count[key] += 1
        people[key] = t.speaker
    speakers = []
    for key, n in words.most_common():
        sp = people[key]
        speakers.append({"name": sp.name if sp else (key.split(":", 1)[1]),
                         "linked": sp is not None,
                         "group": sp.get_stakeholder_group_display() if sp else "",
                         "words": n, "turns": turn_count[key]})
    dims = {}
    for field in ("stakeholder_group", "regional_group", "gender", "onsite"):
        spoken = Counter()
        for key, n in words.items():
            sp = people[key]
            spoken[_value(sp, field) if sp else "unknown"] += n
        invited = Counter(_value(p, field) for p in registered)
        dims[field] = {"spoken": dict(spoken), "invited": dict(invited)}
    heard = {people[k].pk for k in words if people[k] is not None}
    silent = [p for p in registered if p.pk not in heard and p.role != "rapporteur"]
    return {"speakers": speakers, "dims": dims, "silent": silent,
            "total_words": sum(words.values())}


def _value(person, field):
    value = getattr(person, field)
    if field == "onsite":
        return "onsite" if value else "online"
    return value or "unknown"


def search_turns(q: str, *, forum=None, edition=None, theme=None, kind=None, speaker=None):
    """Turns matching ``q`` (words, "a phrase", -not) best first, each with a highlighted
    snippet in ``headline``. PostgreSQL full-text search, SQLite FTS5 elsewhere; a query the
    engine rejects is searched as plain words."""
    qs = Turn.objects.select_related("transcript__session__edition__forum", "speaker")
    if forum:
        qs = qs.filter(edition__forum__slug=forum)
    if edition:
        qs = qs.filter(edition__slug=edition)
    if theme:
        qs = qs.filter(transcript__session__theme__name=theme)
    if kind:
        qs = qs.filter(transcript__session__kind=kind)
    if speaker:
        qs = qs.filter(speaker__name__icontains=speaker) | qs.filter(label__icontains=speaker)
    if connection.vendor == "postgresql":
        return _postgres(qs, q)
    return _sqlite(qs, q)


def _postgres(qs, q):
    query = SearchQuery(q, search_type="websearch", config="english")
    return (qs.filter(search=query)
            .annotate(rank=SearchRank(F("search"), query),
                      headline=SearchHeadline("text", query, config="english",
                                              start_sel="<mark>", stop_sel="</mark>",
                                              max_words=35, min_words=15, max_fragments=2))
            .order_by("-rank", "id"))


def fts5_query(q: str) -> str:
    """A user's query as an FTS5 expression: quoted phrases kept, words quoted (so that
    operators and punctuation cannot break it), ``-word`` as NOT."""
    parts, negated = [], []
    for phrase, word in re.findall(r'"([^"]+)"|(\S+)', q):
        if phrase:
            tokens = re.findall(r"\w+", phrase)
            if tokens:
                parts.append('"' + " ".join(tokens) + '"')
            continue
        target = negated if word.startswith("-") and len(word) > 1 else parts
        for token in re.findall(r"\w+", word):
            target.append(f'"{token}"')
    if not parts:
        return ""
    expression = " AND ".join(parts)
    for token in negated:
        expression += f" NOT {token}"
    return expression


def _sqlite(qs, q):
    expression = fts5_query(q)
    if not expression:
        return qs.none()
    ids = RawSQL("SELECT rowid FROM transcripts_turn_fts WHERE transcripts_turn_fts MATCH %s",
                 (expression,))
    return (qs.filter(id__in=ids)
            .annotate(rank=RawSQL("(SELECT bm25(transcripts_turn_fts) FROM transcripts_turn_fts"
                                  " WHERE transcripts_turn_fts MATCH %s AND rowid = "
                                  "transcripts_turn.id)", (expression,)),
                      headline=RawSQL("(SELECT snippet(transcripts_turn_fts, 0, '<mark>', "
                                      "'</mark>', ' … ', 30) FROM transcripts_turn_fts WHERE "
                                      "transcripts_turn_fts MATCH %s AND rowid = "
                                      "transcripts_turn.id)", (expression,)))
            .order_by("rank", "id"))


def transcripts_of(edition):
    """The edition's transcripts with their session, most recently changed first."""
    return (Transcript.objects.filter(session__edition=edition).select_related("session")
            .defer("raw").order_by("-updated", "pk"))


def turns_from(transcript, *, start: int = 1, limit: int = 1000) -> list:
    """Up to ``limit`` turns of ``transcript`` from number ``start``, their speaker loaded."""
    return list(Turn.objects.filter(transcript=transcript, index__gte=start)
                .select_related("speaker").order_by("index")[:limit])
