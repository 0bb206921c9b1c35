"""A burst of registrations against gunicorn and PostgreSQL, and the travel selection.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/<empty db> REDIS_URL=redis://127.0.0.1:6379/9 \
     .venv/bin/python -m bench.registration [--count 10000] [--clients 32] [--workers 3]
Creates an edition and ``count`` people with API tokens, starts gunicorn, and has ``clients``
concurrent clients each POST /api/v1/igf/2019/registration/ for their people, every request
sent twice (a retry must not duplicate). Prints throughput and latency percentiles, then checks
the database: registrations == people, none duplicated, onsite confirmed never above the
capacity, one confirmation mail queued in the outbox per registration. Then times the
selection of ~80 out of 300 travel applications.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from pathlib import Path

from bench import FOLDER  # noqa: F401 (sets the environment)

PORT = 8131


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    if not os.environ["DATABASE_URL"].startswith("postgres"):
        sys.exit("Give DATABASE_URL=postgres://... (an empty database)")
    os.environ["TASKS_INLINE"] = "false"
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/9")
    import django

    django.setup()
    import datetime

    from django.core.management import call_command

    from openigf.api.models import ApiToken
    from openigf.forums.models import Edition, Forum
    from openigf.people.models import Person
    from openigf.registration import domain

    call_command("migrate", verbosity=0)
    forum = Forum.objects.create(slug="igf", name="IGF", kind="global")
    edition = Edition.objects.create(forum=forum, year=2019, slug="2019", title="IGF 2019",
                                     start_date=datetime.date(2019, 11, 25),
                                     end_date=datetime.date(2019, 11, 29))
    settings = domain.settings_of(edition)
    settings.onsite_capacity = int(args.count * 0.6)
    settings.save()
    started = time.perf_counter()
    Person.objects.bulk_create([Person(email=f"p{i}@load.example.net", name=f"Person {i}",
                                       password="!") for i in range(args.count)],
                               batch_size=2000)
    tokens = [ApiToken.issue(person=p, name="load")[1]
              for p in Person.objects.filter(email__endswith="@load.example.net")]
    print(f"{args.count:,} people with tokens in {time.perf_counter() - started:.0f} s")

    env = {**os.environ, "DEBUG": "false", "ALLOWED_HOSTS": "127.0.0.1",
           "SECRET_KEY": "bench-" + "x" * 50, "SECURE_SSL_REDIRECT": "false"}
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "openigf.wsgi:application",
         "--bind", f"127.0.0.1:{PORT}", "--workers", str(args.workers), "--threads", "4",
         "--log-level", "warning"], env=env)
    try:
        for _ in range(50):
            try:
                HTTPConnection("127.0.0.1", PORT, timeout=1).request("GET", "/api/v1/me/")
                break
            except OSError:
                time.sleep(0.2)
        latencies, errors = [], []
        rng = random.Random(1)

        def register(token):
            conn = HTTPConnection("127.0.0.1", PORT, timeout=60)
            body = json.dumps({"attendance": "onsite" if rng.random() < 0.7 else "online"})
            for _attempt in range(2):  # the second is a client's retry
                t = time.perf_counter()
                conn.request("POST", "/api/v1/igf/2019/registration/", body=body, headers={
                    "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
                response = conn.getresponse()
                response.read()
                latencies.append((time.perf_counter() - t) * 1000)
                if response.status not in (200, 201):
                    errors.append(response.status)
            conn.close()

        started = time.perf_counter()
        with ThreadPoolExecutor(args.clients) as pool:
            list(pool.map(register, tokens))
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait()
    latencies.sort()
    print(f"{len(latencies):,} requests ({args.count:,} registrations, each sent twice) in "
          f"{elapsed:.1f} s = {len(latencies) / elapsed:,.0f} requests/s; latency median "
          f"{statistics.median(latencies):.0f} ms, p99 {latencies[int(len(latencies) * .99)]:.0f}"
          f" ms; errors {len(errors)}")
    from django.db.models import Count

    from openigf.outbox.models import OutboxMail
    from openigf.registration.models import Registration

    regs = Registration.objects.filter(edition=edition)
    dupes = regs.values("person").annotate(n=Count("id")).filter(n__gt=1).count()
    onsite = regs.filter(attendance="onsite", status="confirmed").count()
    mails = OutboxMail.objects.filter(kind="registration.status").count()
    print(f"check: {regs.count():,} registrations for {args.count:,} people, {dupes} "
          f"duplicated, {onsite:,} onsite confirmed (capacity {settings.onsite_capacity:,}), "
          f"{regs.filter(status='waitlisted').count():,} waitlisted, {mails:,} mails queued")

    from openigf.algorithms.selection import Bound, Candidate, Problem, select

    cands = [Candidate(i, rng.randint(3, 10), rng.randrange(1200, 4600, 50), attributes={
        "gender": rng.choice(["female", "male"]), "region": rng.choice(
            ["african", "asia_pacific", "grulac", "eeg"]), "first_time": rng.random() < .3})
        for i in range(300)]
    started = time.perf_counter()
    result = select(Problem(cands, budget=200000, bounds=[
        Bound("gender", "female", minimum=35), Bound("region", "african", minimum=15),
        Bound("first_time", True, minimum=15)]))
    print(f"travel selection: {len(result.chosen)} of 300 within USD 200,000 ({result.status}), "
          f"{time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
