"""Transcripts: parsing speed, and archive search latency against a brute-force scan.

Run: .venv/bin/python -m bench.transcripts [--sessions 600] [--database postgres://...]
1. Parses every shared real transcript (and the IGF seed) and prints words per second.
2. Builds a corpus of N sessions (default 600; 6,000 is the size of twenty IGF years, about
   60 million words) by repeating the real transcripts, in PostgreSQL when DATABASE_URL points
   at one (else SQLite FTS5), then times 40 searches (words and phrases) through the archive
   query, and the same searches as a scan of the text (ILIKE / LIKE), printing median and p95.
"""

import argparse
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
           "funding"] * 2


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


def timed(fn, runs):
    times = []
    for q in runs:
        started = time.perf_counter()
        fn(q)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=600)
    args = parser.parse_args()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from openigf.algorithms.transcripts import parse

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files(shared())]
    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    turns = sum(len(parse(t).turns) for t in texts)
    seconds = time.perf_counter() - started
    print(f"parse: {len(texts)} files, {words:,} words, {turns:,} turns in {seconds:.2f} s = "
          f"{words / seconds:,.0f} words/s")

    call_command("migrate", verbosity=0)
    from openigf.forums.models import Edition, Forum
    from openigf.programme.models import Session
    from openigf.transcripts.models import Transcript, Turn
    from openigf.transcripts.queries import search_turns

    forum = Forum.objects.create(slug="igf", name="IGF", kind="global")
    parsed = [parse(t) for t in texts]
    started = time.perf_counter()
    total_words = 0
    per_year = max(1, args.sessions // 20)
    made = 0
    for year in range(2006, 2026):
        import datetime

        edition = Edition.objects.create(forum=forum, year=year, slug=str(year),
                                         title=f"IGF {year}",
                                         start_date=datetime.date(year, 11, 1),
                                         end_date=datetime.date(year, 11, 4))
        sessions = Session.objects.bulk_create(
            Session(edition=edition, kind="workshop", title=f"Session {year}-{i}")
            for i in range(per_year))
        transcripts = Transcript.objects.bulk_create(
            Transcript(session=s, raw="") for s in sessions)
        rows = []
        for k, t in enumerate(transcripts):
            doc = parsed[(made + k) % len(parsed)]
            for i, turn in enumerate(doc.turns, start=1):
                n = len(turn.text.split())
                total_words += n
                rows.append(Turn(transcript=t, edition=edition, index=i,
                                 label=(turn.speaker or "")[:100], text=turn.text, words=n))
        Turn.objects.bulk_create(rows, batch_size=2000)
        made += per_year
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("UPDATE transcripts_turn SET search = "
                           "setweight(to_tsvector('english', label), 'B') || "
                           "setweight(to_tsvector('english', text), 'A')")
            cursor.execute("ANALYZE transcripts_turn")
    print(f"corpus: {made:,} sessions, {Turn.objects.count():,} turns, {total_words:,} words, "
          f"built in {time.perf_counter() - started:.0f} s ({connection.vendor})")

    def indexed(q):
        list(search_turns(q)[:20])

    def scan(q):
        phrase = q.strip('"')
        list(Turn.objects.filter(text__icontains=phrase).order_by()
             .values_list("id", flat=True)[:20])
        Turn.objects.filter(text__icontains=phrase).order_by()[:1001].count()

    def indexed_count(q):
        list(search_turns(q)[:20])
        search_turns(q).order_by()[:1001].count()  # the page counts up to 1,000

    med, p95 = timed(indexed_count, QUERIES)
    print(f"archive search (first page + count): median {med:.1f} ms, p95 {p95:.1f} ms")
    smed, sp95 = timed(scan, QUERIES[:10])
    print(f"brute-force scan (ILIKE, same page + count): median {smed:.1f} ms, "
          f"p95 {sp95:.1f} ms -> {smed / med:.0f}x slower at the median")


if __name__ == "__main__":
    main()
