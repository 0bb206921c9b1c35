"""Transcripts: parsing speed, and archive search latency at twenty years of sessions.

Run (on an empty database; PostgreSQL is what twenty years need):
    DATABASE_URL=postgres://... .venv/bin/python -m bench.transcripts [--words 60000000]
        [--minutes 120] [--sessions N]

1. Parses every shared real transcript (and the IGF seed) and prints words per second.
2. Builds a corpus of about ``--words`` words (60 million: twenty IGF years at today's size)
   by repeating the real transcripts' turns over twenty yearly editions. On PostgreSQL the
   turns are generated inside the database (INSERT ... SELECT from the parsed real turns; the
   search vector is written by the same trigger as in production) and the GIN index is built
   at the end. It prints the size it aims at first. If building would pass ``--minutes`` (two
   hours by default), it stops at the years built so far and says so, with the size reached
   against the size aimed at: the latencies are then those of a smaller archive. On SQLite
   the turns go through the ORM (small sizes only).
3. Times typical searches (common and rare words, phrases, a forum filter, a second page)
   as the search page runs them: the count (up to 1,001) and one page of 20 ranked results
   with highlighted headlines; then the whole page through Django's test client. Prints
   median (p50) and p95 in milliseconds, and a brute-force scan of the text for comparison.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

from bench import FOLDER  # noqa: F401 (sets the environment)

QUERIES = ["community networks", '"digital cooperation"', "privacy", "open data",
           '"human rights"', "gender", "artificial intelligence", "accessibility",
           '"net neutrality"', "misinformation", "encryption", "youth", "capacity building",
           "journalism", "elections", "spectrum", '"data protection"', "trust", "standards",
           "funding", "the", "newsroom -data", "stenographer", "we need to talk about",
           '"source code"']
YEARS = range(2006, 2026)


def shared() -> Path:
    for base in (os.environ.get("OPENIGF_SHARED_DATA", ""),
                 Path(__file__).resolve().parents[2] / "shared" / "data", "/work/shared/data"):
        if base and (Path(base) / "SOURCES.md").exists():
            return Path(base)
    sys.exit("shared/data not found (set OPENIGF_SHARED_DATA)")


def files(data: Path):
    found = [p for p in sorted((data / "transcripts").rglob("*"))
             if p.suffix in (".txt", ".md") and not p.name.endswith(".abstract.txt")]
    return found + sorted((data.parent / "seeds").glob("004_*.txt"))


def percentiles(times):
    times = sorted(times)
    return statistics.median(times), times[max(0, int(round(len(times) * 0.95)) - 1)]


def timed(fn, runs):
    times = []
    for q in runs:
        started = time.perf_counter()
        fn(q)
        times.append((time.perf_counter() - started) * 1000)
    return percentiles(times)


def parse_speed(texts):
    from openigf.algorithms.transcripts import parse

    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    parsed = [parse(t) for t in texts]
    seconds = time.perf_counter() - started
    turns = sum(len(p.turns) for p in parsed)
    print(f"parse: {len(texts)} files, {words:,} words, {turns:,} turns in {seconds:.2f} s = "
          f"{words / seconds:,.0f} words/s")
    return parsed


def _editions_and_sessions(forum, year, per_year):
    from openigf.forums.models import Edition
    from openigf.programme.models import Session
    from openigf.transcripts.models import Transcript

    edition = Edition.objects.create(forum=forum, year=year, slug=str(year), title=f"IGF {year}",
                                     start_date=datetime.date(year, 11, 1),
                                     end_date=datetime.date(year, 11, 4))
    sessions = Session.objects.bulk_create(
        Session(edition=edition, kind="workshop", title=f"Session {year}-{i}")
        for i in range(per_year))
    transcripts = Transcript.objects.bulk_create(Transcript(session=s, raw="") for s in sessions)
    return edition, transcripts


def build_postgres(forum, parsed, per_year, budget):
    """Turns generated in the database from the parsed real turns; returns the years built."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS turn_search_gin")  # built once at the end
        cursor.execute("CREATE TEMP TABLE bench_seed (doc int, idx int, label text, body text, "
                       "words int)")
        with cursor.copy("COPY bench_seed FROM STDIN") as copy:
            for doc, result in enumerate(parsed):
                for idx, turn in enumerate(result.turns, start=1):
                    copy.write_row((doc, idx, (turn.speaker or "")[:100], turn.text,
                                    len(turn.text.split())))
        started, made, built = time.perf_counter(), 0, 0
        for year in YEARS:
            edition, transcripts = _editions_and_sessions(forum, year, per_year)
            cursor.execute(
                "INSERT INTO transcripts_turn (transcript_id, edition_id, index, label, text, "
                "markers, words) SELECT m.tid, %s, s.idx, s.label, s.body, '[]'::jsonb, s.words "
                "FROM unnest(%s::int[], %s::int[]) AS m(tid, doc) "
                "JOIN bench_seed s ON s.doc = m.doc",
                [edition.pk, [t.pk for t in transcripts],
                 [(made + k) % len(parsed) for k in range(len(transcripts))]])
            made += len(transcripts)
            built += 1
            elapsed = time.perf_counter() - started
            print(f"  {year}: {made:,} sessions, {elapsed:.0f} s", flush=True)
            if elapsed / built * (built + 1) > budget and built < len(YEARS):
                print(f"  stopping after {built} of {len(YEARS)} years: the next one would "
                      f"pass the {budget / 60:.0f}-minute budget")
                break
        index_started = time.perf_counter()
        cursor.execute("SET maintenance_work_mem = '512MB'")
        cursor.execute("CREATE INDEX turn_search_gin ON transcripts_turn USING gin (search)")
        cursor.execute("VACUUM ANALYZE transcripts_turn")
        print(f"  GIN index built in {time.perf_counter() - index_started:.0f} s")
    return built


def build_orm(forum, parsed, per_year):
    from openigf.transcripts.models import Turn

    made = 0
    for year in YEARS:
        edition, transcripts = _editions_and_sessions(forum, year, per_year)
        rows = []
        for k, t in enumerate(transcripts):
            for i, turn in enumerate(parsed[(made + k) % len(parsed)].turns, start=1):
                rows.append(Turn(transcript=t, edition=edition, index=i,
                                 label=(turn.speaker or "")[:100], text=turn.text,
                                 words=len(turn.text.split())))
        Turn.objects.bulk_create(rows, batch_size=2000)
        made += len(transcripts)
    return len(YEARS)


def measure(total_words):
    from django.db import connection
    from django.test import Client

    from openigf.transcripts.models import Turn
    from openigf.transcripts.queries import search_turns
    from openigf.transcripts.views.pages import CappedPaginator

    def page_work(q):
        forum = "igf" if q == "privacy" else None
        page = CappedPaginator(search_turns(q, forum=forum), 20).get_page(2 if q == "trust"
                                                                         else 1)
        return len(list(page)), page.paginator.count

    def scan(q):
        words = q.strip('"')
        Turn.objects.filter(text__icontains=words).order_by()[:1001].count()

    for q in QUERIES:  # warm the cache once, as a running site would be
        page_work(q)
    runs = QUERIES * 2
    med, p95 = timed(page_work, runs)
    print(f"archive search at {total_words / 1e6:.1f} M words ({connection.vendor}), "
          f"{len(runs)} searches (count + one ranked page with headlines): "
          f"p50 {med:.1f} ms, p95 {p95:.1f} ms")
    client = Client()
    pmed, pp95 = timed(lambda q: client.get("/search/", {"q": q}), runs)
    print(f"search page through Django (queries + template): p50 {pmed:.1f} ms, "
          f"p95 {pp95:.1f} ms")
    slowest = sorted(((timed(page_work, [q] * 3)[0], q) for q in QUERIES), reverse=True)[:5]
    print("slowest searches (median of 3): " + ", ".join(f"{q!r} {ms:.0f} ms"
                                                         for ms, q in slowest))
    smed, sp95 = timed(scan, QUERIES[:4])
    print(f"brute-force scan (ILIKE count, 4 searches): p50 {smed:.0f} ms, p95 {sp95:.0f} ms")
    return med, p95


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=60_000_000)
    parser.add_argument("--sessions", type=int, default=0,
                        help="instead of --words: this many sessions over twenty years")
    parser.add_argument("--minutes", type=float, default=120,
                        help="budget for building the corpus; stop early past it (and say so)")
    parser.add_argument("--reuse", action="store_true",
                        help="measure the corpus a previous run built in this database")
    args = parser.parse_args()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from openigf.forums.models import Forum
    from openigf.transcripts.models import Turn

    parsed = parse_speed([p.read_text(encoding="utf-8", errors="replace")
                          for p in files(shared())])
    seed_words = sum(len(t.text.split()) for p in parsed for t in p.turns)
    sessions = args.sessions or round(args.words / seed_words * len(parsed))
    per_year = max(1, sessions // len(YEARS))
    aimed = round(per_year * len(YEARS) * seed_words / len(parsed))
    print(f"aiming at {per_year * len(YEARS):,} sessions over {len(YEARS)} years, about "
          f"{aimed / 1e6:.1f} M words (build budget {args.minutes:.0f} minutes)", flush=True)
    call_command("migrate", verbosity=0)
    if args.reuse:
        total_words = sum(Turn.objects.values_list("words", flat=True).iterator(20000))
        print(f"corpus (built before): {Turn.objects.count():,} turns, {total_words:,} words")
        measure(total_words)
        return
    if Turn.objects.exists():
        sys.exit("the database already holds turns: give an empty one, or --reuse it")
    forum = Forum.objects.create(slug="igf", name="IGF", kind="global")
    started = time.perf_counter()
    if connection.vendor == "postgresql":
        built = build_postgres(forum, parsed, per_year, args.minutes * 60)
    else:
        built = build_orm(forum, parsed, per_year)
    total_words = sum(Turn.objects.values_list("words", flat=True).iterator(chunk_size=20000))
    print(f"corpus: {built * per_year:,} sessions in {built} years, {Turn.objects.count():,} "
          f"turns, {total_words:,} words, built in {time.perf_counter() - started:.0f} s")
    med, p95 = measure(total_words)
    if built < len(YEARS):
        print(f"NOTE: SMALLER ARCHIVE: measured at {total_words / 1e6:.1f} M words in {built} of "
              f"{len(YEARS)} years, not the {aimed / 1e6:.1f} M aimed at (the {args.minutes:.0f}-"
              f"minute build budget ran out). Run again with a larger --minutes to measure the "
              f"full size.")
    else:
        print(f"reached: {total_words / 1e6:.1f} M words in all {len(YEARS)} years "
              f"(aimed at {aimed / 1e6:.1f} M)")

if __name__ == "__main__":
    main()
