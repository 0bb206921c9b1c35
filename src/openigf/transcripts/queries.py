"""Reads of transcripts for pages and for other parts (reporting drafts from ``session_turns``)."""

import re
from collections import Counter
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Greatest, Lower, StrIndex, Substr
from django.urls import reverse
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname

from openigf.forums.models import Edition
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


# Public statistics never let a named person's gender be deduced: a breakdown by gender is
# shown only when every gender in it counts at least this many people, and words by gender
# only as shares rounded to ten per cent (the words of each speaker are on the same page).
MIN_CELL = 5
PRIVATE_DIMS = ("gender",)
WITHHELD = "withheld"


def voices(turns, registered) -> dict:
    """Words and turns by speaker, and shares of words by classification beside the shares
    among the people registered as speakers. ``turns``: Turn rows with ``speaker`` loaded;
    ``registered``: SessionPerson rows (speakers, moderators...). A private classification
    (gender) with a group of fewer than ``MIN_CELL`` people is merged into one ``withheld``
    cell; shown, its words are rounded to tenths of the total."""
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
        if field in PRIVATE_DIMS:
            heard_people = Counter(_value(people[k], field) for k in words if people[k])
            spoken = _protected(spoken, heard_people, rounded=True)
            invited = _protected(invited, invited, rounded=False)
        dims[field] = {"spoken": dict(spoken), "invited": dict(invited)}
    heard = {people[k].pk for k in words if people[k] is not None}
    silent = [p for p in registered if p.pk not in heard and p.role != "rapporteur"]
    return {"speakers": speakers, "dims": dims, "silent": silent,
            "total_words": sum(words.values())}


def _protected(cells: Counter, people: Counter, *, rounded: bool) -> Counter:
    """``cells`` (words or people by value) as safe to publish: ``people`` counts the persons
    behind each value. Withheld whole unless at least two known values each hold
    ``MIN_CELL`` people or more; "unknown" stays apart (it says nothing of anyone)."""
    known = {v: n for v, n in people.items() if v != "unknown" and n}
    total = sum(cells.values())
    if not total:
        return Counter()
    if len(known) < 2 or min(known.values()) < MIN_CELL:
        out = Counter({WITHHELD: total - cells.get("unknown", 0)})
        if cells.get("unknown"):
            out["unknown"] = cells["unknown"]
        return +out
    if not rounded:
        return cells
    return +Counter({v: round(10 * n / total) * total // 10 for v, n in cells.items()})


def _value(person, field):
    value = getattr(person, field)
    if field == "onsite":
        return "onsite" if value else "online"
    return value or "unknown"


# Ranking is two-stage on PostgreSQL. The GIN index finds the matching turns and the first
# CANDIDATES of them (in the order the index returns them: no sort over every match) are
# ranked by ts_rank; any search with fewer matches, and every search narrowed to a forum or an
# edition with fewer, is ranked whole. Ranking (or picking the newest of) every match of a
# common word at twenty years (60 M words, 100,000+ matches) reads each match's row and
# costs hundreds of milliseconds; past CANDIDATES the page says so and offers the filters.
# The ranked ids also give the count (up to CANDIDATES). Then only the page's twenty turns
# are joined to their session, edition and speaker and get a headline.
CANDIDATES = 2000


class SearchResults:
    """The turns matching a search, best first, for a paginator. The ranked ids (at most
    CANDIDATES) are read once, with one query, and give the count; a slice is one page of
    ``Turn`` rows with ``rank`` and ``headline``, one more query."""

    def __init__(self, ranked_ids, fetch):
        self._ranked_ids = ranked_ids  # () -> [id], best first
        self._fetch = fetch  # [id] -> a queryset of those turns, best first
        self._ids = None

    @property
    def ids(self) -> list:
        if self._ids is None:
            self._ids = list(self._ranked_ids())
        return self._ids

    def count_upto(self, limit: int) -> int:
        return min(len(self.ids), limit)

    def exists(self) -> bool:
        return bool(self.ids)

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key:key + 1][0]
        page = self.ids[key]
        return list(self._fetch(page)) if page else []

    def __iter__(self):
        return iter(self[:])


def search_turns(q: str, *, forum=None, edition=None, theme=None, kind=None,
                 speaker=None) -> SearchResults:
    """Turns of published editions matching ``q`` (words, "a phrase", -not) best first, each
    with a highlighted snippet in ``headline``. PostgreSQL full-text search over the stored
    vector (GIN), SQLite FTS5 elsewhere; a query the engine rejects is searched as plain
    words."""
    editions = Edition.objects.filter(published=True)
    if forum:
        editions = editions.filter(forum__slug=forum)
    if edition:
        editions = editions.filter(slug=edition)
    # "+ 0" keeps PostgreSQL from intersecting the full-text index with the (large) edition
    # index: the matches are few next to a forum's turns, so filtering them is cheaper.
    qs = Turn.objects.alias(edition_plain=F("edition_id") + 0).filter(
        edition_plain__in=editions.values("id"))
    if theme:
        qs = qs.filter(transcript__session__theme__name=theme)
    if kind:
        qs = qs.filter(transcript__session__kind=kind)
    if speaker:
        qs = qs.filter(Q(speaker__name__icontains=speaker) | Q(label__icontains=speaker))
    if connection.vendor == "postgresql":
        return _postgres(qs, q)
    return _sqlite(qs, q)


RESULT_RELATED = ("transcript__session__edition__forum", "speaker")
# What a result shows: the turn's place and speaker, its session, edition and forum.
# The session's title has a version per language (modeltranslation): all of them are loaded,
# since the one shown falls back to another when missing.
RESULT_FIELDS = ("index", "label", "edition_id", "transcript__session__title",
                 *(f"transcript__session__{build_localized_fieldname('title', code)}"
                   for code in AVAILABLE_LANGUAGES),
                 "transcript__session__kind", "transcript__session__type_label",
                 "transcript__session__edition__title",
                 "transcript__session__edition__slug",
                 "transcript__session__edition__forum__slug", "speaker__name")


def _rows(ids):
    return Turn.objects.filter(id__in=ids).select_related(*RESULT_RELATED).only(*RESULT_FIELDS)


def _postgres(qs, q):
    query = SearchQuery(q, search_type="websearch", config="english")
    rank = SearchRank(F("search"), query)
    # Stage one: the first CANDIDATES matches the index gives, ranked as they are read (the
    # rank is computed for those rows only); stage two orders them.
    candidates = (qs.filter(search=query).annotate(rank=rank).order_by()
                  .values_list("id", "rank")[:CANDIDATES])

    def ranked_ids():
        sql, params = candidates.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT c.id FROM ({sql}) c(id, rank) "
                           "ORDER BY c.rank DESC, c.id DESC", params)
            return [row[0] for row in cursor.fetchall()]

    return SearchResults(ranked_ids, lambda ids: _rows(ids).annotate(
        rank=rank, headline=SearchHeadline(_around(q), query, config="english",
                                           start_sel="<mark>", stop_sel="</mark>",
                                           max_words=35, min_words=15, max_fragments=2))
        .order_by("-rank", "-id"))


def _around(q: str):
    """The part of a turn's text the headline is drawn from: 1,200 characters around the
    first place a searched word (its beginning, so that "elections" finds "election") occurs,
    or the opening. ``ts_headline`` reads the whole text it is given, and a turn can hold a
    whole session: over the full text the twenty headlines of a page cost 50 ms and more."""
    words = words_searched(q)
    if not words:
        return Substr("text", 1, 1200)
    stem = words[0][:max(3, len(words[0]) - 2)]
    start = Greatest(StrIndex(Lower("text"), Value(stem)) - 300, 1)
    return Substr("text", start, 1200)


def words_searched(q: str) -> list[str]:
    """The words a search looked for (not those it left out with ``-``), to mark them in the
    turn a result leads to."""
    words = []
    for phrase, word in re.findall(r'"([^"]+)"|(\S+)', q):
        if word.startswith("-"):
            continue
        words += [w for w in re.findall(r"\w+", phrase or word) if len(w) > 1]
    return list(dict.fromkeys(w.lower() for w in words))[:20]


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
        return SearchResults(list, lambda ids: Turn.objects.none())

    def rank():
        return RawSQL("(SELECT bm25(transcripts_turn_fts) FROM transcripts_turn_fts WHERE "
                      "transcripts_turn_fts MATCH %s AND rowid = transcripts_turn.id)",
                      (expression,))

    ids = RawSQL("SELECT rowid FROM transcripts_turn_fts WHERE transcripts_turn_fts MATCH %s",
                 (expression,))
    ranked = (qs.filter(id__in=ids).annotate(rank=rank()).order_by("rank", "id")
              .values_list("id", flat=True)[:CANDIDATES])
    headline = RawSQL("(SELECT snippet(transcripts_turn_fts, 0, '<mark>', '</mark>', ' … ', "
                      "30) FROM transcripts_turn_fts WHERE transcripts_turn_fts MATCH %s AND "
                      "rowid = transcripts_turn.id)", (expression,))
    return SearchResults(lambda: ranked, lambda page: _rows(page).annotate(
        rank=rank(), headline=headline).order_by("rank", "id"))


def searchable_editions() -> list:
    """``[(forum slug, forum name, [edition slugs])]`` of published editions that have
    transcripts, for the search's choices: one query (an index probe per edition, not a scan
    of every transcript)."""
    rows = (Edition.objects.filter(published=True)
            .filter(Exists(Transcript.objects.filter(session__edition=OuterRef("pk"))))
            .values_list("forum__slug", "forum__name", "slug")
            .order_by("forum__name", "-slug"))
    forums: dict = {}
    for slug, name, edition in rows:
        forums.setdefault((slug, name), []).append(edition)
    return [(slug, name, editions) for (slug, name), editions in forums.items()]


def transcripts_of(edition):
    """The edition's transcripts with their session, most recently changed first."""
    return (Transcript.objects.filter(session__edition=edition).select_related("session")
            .defer("raw").order_by("-updated", "pk"))


def turns_from(transcript, *, start: int = 1, limit: int = 1000) -> list:
    """Up to ``limit`` turns of ``transcript`` from number ``start``, their speaker loaded."""
    return list(Turn.objects.filter(transcript=transcript, index__gte=start)
                .select_related("speaker").order_by("index")[:limit])
