"""Requests per second of the public programme pages on the 300-session edition, served like
``shared/bench/openigf`` serves it (gunicorn, 2 sync workers, DEBUG off, SQLite, memory cache).

Run: .venv/bin/python -m bench.agenda [--seconds 10] [--clients 16] [--port 8813]
Loads ``shared/data/bench/igf2019-300.json`` with ``bench.programme.load`` into a fresh SQLite
file, starts gunicorn, and for each page prints req/s, p50/p99 latency, errors and the bytes of
a plain and of a gzip answer. Uses ``wrk`` when installed, else a loop of ``clients`` Python
threads (slower: the client then shares the CPU with the server, compare runs of one kind).
Pages: the agenda (plain and gzip), a day of the grid, the session page, the session page with
``If-None-Match`` (a 304), the three exports at their address and at the old ``agenda/`` one.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from http.client import HTTPConnection
from pathlib import Path

from bench import FOLDER

ENV = {"DEBUG": "false", "SECRET_KEY": "bench-not-secret-" + "x" * 40,
       "ALLOWED_HOSTS": "127.0.0.1,localhost", "REDIS_URL": "", "CACHE_URL": "",
       "SECURE_SSL_REDIRECT": "false", "SESSION_COOKIE_SECURE": "false",
       "CSRF_COOKIE_SECURE": "false", "SECURE_HSTS_SECONDS": "0"}


def prepare() -> str:
    """Load the edition into a fresh database; the first session's address."""
    os.environ.update(ENV, OPENIGF_DATA_DIR=FOLDER)
    import django

    django.setup()
    from django.core.management import call_command

    from bench.programme import data_file, load
    from openigf.programme.models import Session

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    data = json.loads(data_file().read_text())
    edition = load(data)
    for row in data["sessions"]:  # abstract + description, as the side-by-side bench does
        Session.objects.filter(edition=edition, title=row["title"]).update(
            description=row["abstract"] + "\n\n" + row["description"])
    return Session.objects.filter(edition=edition).order_by("id").first().get_absolute_url()


def serve(port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, **ENV}
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "openigf.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--worker-class", "sync",
         "--log-level", "warning"], env=env)
    for _ in range(100):
        try:
            c = HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/igf/2019/agenda/")
            if c.getresponse().status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.3)
    server.kill()
    sys.exit("gunicorn did not answer")


def fetch(port, path, headers=None):
    c = HTTPConnection("127.0.0.1", port, timeout=60)
    c.request("GET", path, headers=headers or {})
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, dict(r.getheaders()), body


def with_wrk(port, path, headers, seconds, clients):
    args = ["wrk", "-t1", f"-c{clients}", f"-d{seconds}s", "--latency"]
    for k, v in headers.items():
        args += ["-H", f"{k}: {v}"]
    out = subprocess.run([*args, f"http://127.0.0.1:{port}{path}"], capture_output=True,
                         text=True).stdout
    rps = float(next(ln.split()[1] for ln in out.splitlines() if ln.startswith("Requests/sec")))
    lat = {ln.split()[0]: ln.split()[1] for ln in out.splitlines()
           if ln.strip().startswith(("50%", "99%"))}
    errors = sum(int(ln.split()[-1]) for ln in out.splitlines() if "Non-2xx" in ln)
    return rps, lat.get("50%", "?"), lat.get("99%", "?"), errors


def with_threads(port, path, headers, seconds, clients):
    times, errors, stop = [], [0], time.monotonic() + seconds

    def loop():
        while time.monotonic() < stop:
            t = time.perf_counter()
            status, _, _ = fetch(port, path, headers)
            times.append(time.perf_counter() - t)
            if status not in (200, 304):
                errors[0] += 1

    threads = [threading.Thread(target=loop) for _ in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    q = statistics.quantiles(times, n=100)
    return (len(times) / (time.monotonic() - started), f"{q[49] * 1000:.1f}ms",
            f"{q[98] * 1000:.1f}ms", errors[0])


def in_process(session):
    """Queries and server time of one request, in this process (steadier than req/s on a
    shared machine)."""
    from django.test import Client

    from bench import timed_get

    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'in process':26} {'queries':>8} {'KiB':>6} {'ms':>7}")
    for label, path in [("agenda", "/igf/2019/agenda/"), ("session page", session),
                        ("schedule.json", "/igf/2019/schedule.json")]:
        queries, kib, ms = timed_get(client, path, runs=20)
        print(f"{label:26} {queries:8} {kib:6.0f} {ms:7.1f}", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8813)
    args = parser.parse_args()
    session = prepare()
    in_process(session)
    server = serve(args.port, args.workers)
    measure = with_wrk if shutil.which("wrk") else with_threads
    gz = {"Accept-Encoding": "gzip"}
    _, head, _ = fetch(args.port, session)  # the CSRF cookie: a 304 needs it
    cookie = head.get("Set-Cookie", "").split(";")[0]
    _, head, _ = fetch(args.port, session, {"Cookie": cookie})
    pages = [("agenda", "/igf/2019/agenda/", {}),
             ("agenda gzip", "/igf/2019/agenda/", gz),
             ("agenda grid day", "/igf/2019/agenda/?view=grid&day=2019-11-26", gz),
             ("session page", session, gz),
             ("session 304", session, {"If-None-Match": head.get("ETag", '"none"'),
                                         "Cookie": cookie}),
             ("schedule.json", "/igf/2019/schedule.json", {}),
             ("schedule.xml", "/igf/2019/schedule.xml", {}),
             ("schedule.ics", "/igf/2019/schedule.ics", {}),
             ("old agenda/schedule.json", "/igf/2019/agenda/schedule.json", {}),
             ("old agenda/schedule.xml", "/igf/2019/agenda/schedule.xml", {}),
             ("old agenda/schedule.ics", "/igf/2019/agenda/schedule.ics", {})]
    print(f"{measure.__name__[5:]}, {args.clients} clients, {args.seconds} s per page, "
          f"gunicorn {args.workers} sync workers, SQLite, {os.cpu_count()} cores")
    print(f"{'page':26} {'req/s':>8} {'p50':>9} {'p99':>9} {'err':>4} {'KiB':>6} {'KiB gz':>6}")
    try:
        for label, path, headers in pages:
            for _ in range(3):
                fetch(args.port, path, headers)
            _, _, plain = fetch(args.port, path)
            _, h, zipped = fetch(args.port, path, gz)
            gz_size = len(zipped) if h.get("Content-Encoding") == "gzip" else 0
            rps, p50, p99, errors = measure(args.port, path, headers, args.seconds, args.clients)
            print(f"{label:26} {rps:8.1f} {p50:>9} {p99:>9} {errors:4} {len(plain) / 1024:6.0f} "
                  f"{gz_size / 1024:6.0f}", flush=True)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
