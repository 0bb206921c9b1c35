"""The programme with the synthetic 300-session edition (12 rooms, 700 speakers) that speed
comparisons with other conference tools load.

Run: .venv/bin/python -m bench.programme [--time-limit 30]
Loads ``shared/data/bench/igf2019-300.json`` into a fresh SQLite file (or the DATABASE_URL
you give) as it is placed, publishes it, then prints:
- the scheduler on that edition from scratch: first clash-free placement (greedy), and the
  solver's status, objective, bound, gap and seconds within the time limit;
- the public pages: queries and mean time of a request for the agenda, a filtered agenda, a
  session page and the four exports.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

from bench import FOLDER, timed_get  # noqa: F401 (FOLDER: the environment is set)


def data_file() -> Path:
    for base in (os.environ.get("OPENIGF_SHARED_DATA", ""),
                 Path(__file__).resolve().parents[2] / "shared" / "data", "/work/shared/data"):
        path = Path(base) / "bench" / "igf2019-300.json"
        if base and path.exists():
            return path
    sys.exit("shared/data/bench/igf2019-300.json not found (set OPENIGF_SHARED_DATA)")


def load(data):
    import datetime
    from zoneinfo import ZoneInfo

    from openigf.forums.models import Edition, Forum, Theme
    from openigf.programme import domain
    from openigf.programme.models import Room

    event = data["event"]
    tz = ZoneInfo(event["timezone"])
    forum = Forum.objects.create(slug="igf", name="Internet Governance Forum", kind="global")
    edition = Edition.objects.create(
        forum=forum, year=2019, slug="2019", title=event["name"], timezone=event["timezone"],
        start_date=datetime.date.fromisoformat(event["date_from"]),
        end_date=datetime.date.fromisoformat(event["date_to"]))
    themes = {t["name"]: Theme.objects.create(edition=edition, name=t["name"], slug=f"t{i}",
                                              colour=t["color"])
              for i, t in enumerate(data["tracks"])}
    rooms = {r["name"]: Room.objects.create(edition=edition, name=r["name"],
                                            capacity=r["capacity"], order=i)
             for i, r in enumerate(data["rooms"])}
    speakers = {s["code"]: s for s in data["speakers"]}
    kinds = {"Workshop": "workshop", "Open Forum": "open_forum", "Main Session": "main",
             "Dynamic Coalition Session": "dc_session", "Best Practice Forum": "bpf_session",
             "Town Hall": "town_hall", "Networking Session": "networking"}
    for s in data["sessions"]:
        domain.session_create(
            edition=edition, kind=kinds[s["type"]], title=s["title"],
            description=s["abstract"], duration=s["duration"], theme=themes[s["track"]],
            expected_audience=400 if s["type"] == "Main Session" else 60, exclusive=False,
            starts_at=datetime.datetime.fromisoformat(s["start"]).replace(tzinfo=tz),
            room=rooms[s["room"]],
            people=[dict(name=speakers[c]["name"], email=speakers[c]["email"], role="speaker")
                    for c in s["speakers"]])
    for day in range(4):
        date = edition.start_date + datetime.timedelta(days=day)
        for a, b in (("08:30", "13:00"), ("14:00", "19:15")):
            edition.time_windows.create(
                starts_at=datetime.datetime.combine(date, datetime.time.fromisoformat(a), tz),
                ends_at=datetime.datetime.combine(date, datetime.time.fromisoformat(b), tz))
    # the generated edition seats some audiences in rooms too small: published as it is
    domain.release_publish(edition=edition, accept_broken=True)
    return edition


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--time-limit", type=float, default=30.0)
    args = parser.parse_args()
    import django

    django.setup()
    import platform

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from openigf.algorithms import scheduling
    from openigf.programme import schedule as bridge
    from openigf.programme.models import Session

    print(f"{platform.python_version()}, {connection.vendor}, {os.cpu_count()} cores")
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    edition = load(json.loads(data_file().read_text()))
    print(f"loaded 300 sessions in {time.perf_counter() - started:.1f} s")
    sessions = list(bridge.sessions_for(edition))
    problem = bridge.build_problem(edition, sessions=sessions)
    print(f"problem: {len(problem.sessions)} sessions, {len(problem.rooms)} rooms, "
          f"{len(problem.windows)} windows, {len(problem.similar)} similar pairs")
    started = time.perf_counter()
    starts = {s.id: scheduling.allowed_starts(s, problem) for s in problem.sessions}
    rooms = {s.id: scheduling.allowed_rooms(s, problem.rooms) for s in problem.sessions}
    greedy = scheduling._greedy(problem, starts, rooms)
    print(f"first clash-free placement: {len(greedy)} sessions placed, "
          f"{len(scheduling.check(problem, greedy))} broken constraints, "
          f"{time.perf_counter() - started:.2f} s")
    result = scheduling.solve(problem, time_limit=args.time_limit)
    print(f"solver ({args.time_limit:g} s limit): {result.status}, objective "
          f"{result.objective:g}, bound {result.bound:g}, gap {result.gap:.1%}, "
          f"{result.seconds:.1f} s, broken constraints "
          f"{len(scheduling.check(problem, result.placements))}, {result.penalties}")

    client = Client()
    session = Session.objects.filter(edition=edition).first()
    pages = [("agenda", "/igf/2019/agenda/"),
             ("agenda, filtered", "/igf/2019/agenda/?q=data&day=2019-11-27"),
             ("session page", session.get_absolute_url()),
             ("frab XML", "/igf/2019/schedule.xml"),
             ("JSON", "/igf/2019/schedule.json"),
             ("iCalendar", "/igf/2019/schedule.ics"),
             ("CSV", "/igf/2019/schedule.csv")]
    for label, url in pages:
        queries, kib, ms = timed_get(client, url)
        print(f"  {label:17} {queries:3} queries {kib:6.0f} KiB {ms:6.0f} ms (mean of 10)")


if __name__ == "__main__":
    main()
