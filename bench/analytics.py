"""How fast the participation pages answer on twenty years' worth of a large forum.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/<empty db> \
     .venv/bin/python -m bench.analytics [--scale 1.0]
Builds 5 editions, each with 20,000 registrations, 1,500 confirmed sessions with 6,000
people named in them (organisers, speakers, moderators) and 8 million transcript words
(40 million in all; the database is used again by later runs), counts the words per speaker
again (``openigf analytics_rebuild``: the turns are written directly here), then times every
analytics page, public and as the Secretariat: computed from nothing (the cache emptied,
median of three) and from the cache, each with its queries (the target: under 300 ms).
``--scale`` shrinks or grows every count.
"""

import argparse
import datetime
import os
import random
import sys
import time

from bench import FOLDER, timed_get  # noqa: F401 (sets the environment)

EDITIONS = 5
REGISTRATIONS = 20000
SESSIONS = 1500
SESSION_PEOPLE = 6000
WORDS = 8_000_000
WORDS_PER_TURN = 120
GROUPS = ["government", "igo", "civil_society", "private_sector", "technical", "academia"]


def build(scale: float, rng: random.Random):
    from django.contrib.auth.hashers import make_password

    from openigf.forums.models import Edition, Forum
    from openigf.people.models import Country, Person
    from openigf.programme.models import Session, SessionPerson
    from openigf.registration.models import Registration
    from openigf.transcripts.models import Transcript, Turn

    forum = Forum.objects.create(slug="igf", name="IGF", kind="global")
    # Most of the world, weighted: a few large delegations, a long tail, some never.
    countries = list(Country.objects.filter(un_member=True).order_by("m49"))[:170]
    weights = [1 / (i + 1) ** 0.8 for i in range(len(countries))]
    unusable = make_password(None)
    count = int(REGISTRATIONS * scale)
    people = Person.objects.bulk_create(
        (Person(email=f"p{i}@bench.example", name=f"Person {i}", password=unusable,
                stakeholder_group=rng.choice(GROUPS),
                country=rng.choices(countries, weights)[0],
                gender=rng.choice(["female", "male", "female", "male", "non_binary", ""]),
                youth=rng.random() < 0.2, first_time=rng.random() < 0.4)
         for i in range(int(count * 2.2))), batch_size=5000)
    for e in range(EDITIONS):
        year = 2015 + e
        edition = Edition.objects.create(
            forum=forum, year=year, slug=str(year), title=f"IGF {year}",
            start_date=datetime.date(year, 11, 10), end_date=datetime.date(year, 11, 13))
        chosen = rng.sample(people, count)
        Registration.objects.bulk_create(
            (Registration(edition=edition, person=p, attendance=rng.choice(
                ["onsite", "onsite", "online"]), stakeholder_group=p.stakeholder_group,
                regional_group=p.country.regional_group, gender=p.gender, country=p.country,
                first_time=p.first_time, checked_in_at=None if rng.random() < 0.3 else
                datetime.datetime(year, 11, 10, 9, tzinfo=datetime.UTC))
             for p in chosen), batch_size=5000)
        sessions = Session.objects.bulk_create(
            (Session(edition=edition, kind="workshop", status="confirmed",
                     title=f"Session {n}") for n in range(int(SESSIONS * scale))),
            batch_size=5000)
        named = []
        for n in range(int(SESSION_PEOPLE * scale)):
            p = chosen[n % len(chosen)]
            named.append(SessionPerson(
                session=sessions[n % len(sessions)], person=p, name=p.name,
                role="organiser" if n % 4 == 0 else "speaker",
                stakeholder_group=p.stakeholder_group,
                regional_group=p.country.regional_group, gender=p.gender))
        named = SessionPerson.objects.bulk_create(named, batch_size=5000)
        transcripts = Transcript.objects.bulk_create(
            (Transcript(session=s, raw="", words=0) for s in sessions), batch_size=5000)
        turns = int(WORDS * scale / WORDS_PER_TURN)
        for start in range(0, turns, 20000):
            Turn.objects.bulk_create(
                (Turn(transcript=transcripts[i % len(transcripts)], edition=edition,
                      index=i, speaker=named[i % len(named)] if i % 7 else None,
                      text="...", words=WORDS_PER_TURN)
                 for i in range(start, min(start + 20000, turns))), batch_size=5000)
        print(f"  {year}: {count} registrations, {len(sessions)} sessions, {len(named)} "
              f"people in sessions, {turns * WORDS_PER_TURN:,} words", flush=True)
    return forum


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    if not os.environ["DATABASE_URL"].startswith("postgres"):
        sys.exit("Give DATABASE_URL=postgres://... (an empty database)")
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from openigf.forums.enums import Role
    from openigf.forums.models import Forum, Membership
    from openigf.people.models import Person

    call_command("migrate", verbosity=0)
    forum = Forum.objects.filter(slug="igf").first()
    if forum is None:  # a database built by an earlier run is used again
        started = time.perf_counter()
        forum = build(args.scale, random.Random(2019))
        print(f"built in {time.perf_counter() - started:.0f} s")
    # What the figures read of the transcripts: the words per speaker, as storing a
    # transcript keeps them (the turns above were written directly).
    started = time.perf_counter()
    call_command("analytics_rebuild", verbosity=0)
    print(f"words per speaker counted again from the turns in "
          f"{time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    staff, _new = Person.objects.get_or_create(
        email="staff@bench.example",
        defaults={"name": "Staff", "email_verified": datetime.datetime.now(datetime.UTC)})
    Membership.objects.get_or_create(forum=forum, person=staff, role=Role.SECRETARIAT)
    pages = ["/igf/analytics/", "/igf/analytics/?region=african&first=2016",
             "/igf/analytics/trends.csv", "/igf/2019/analytics/", "/igf/2019/analytics/missing/",
             "/igf/2019/analytics/missing.csv?years=5", "/igf/2019/analytics/funnel/gender.csv",
             "/igf/2019/"]
    slowest = 0.0
    for who, client in (("public", Client()), ("secretariat", Client())):
        if who == "secretariat":
            client.force_login(staff)
            pages += ["/igf/2019/analytics/outreach/", "/igf/2019/analytics/outreach.csv"]
        for url in pages:
            client.get(url)  # the code, templates and per-process data loaded once
            colds = []
            for _run in range(3):  # computed from nothing: the cache emptied each time
                cache.clear()
                computed = []
                with connection.execute_wrapper(
                        lambda execute, *a, found=computed: found.append(1) or execute(*a)):
                    started = time.perf_counter()
                    response = client.get(url)
                    colds.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            cold = sorted(colds)[1]
            queries, kib, ms = timed_get(client, url, runs=5)
            slowest = max(slowest, cold)
            print(f"{who:12} {url:45} {kib:5.0f} KiB  computed {cold:5.0f} ms "
                  f"({len(computed):2} queries), from the cache {ms:4.0f} ms "
                  f"({queries:2} queries)", flush=True)
    print(f"slowest page computed from nothing (median of 3): {slowest:.0f} ms "
          f"({'under' if slowest < 300 else 'OVER'} 300 ms)")
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
          f"on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
