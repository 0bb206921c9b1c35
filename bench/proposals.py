"""How fast the proposals pages answer with the demo's ~400 proposals and with 1,200.

Run: .venv/bin/python -m bench.proposals
Loads the demo into a SQLite file in a temporary folder (or the DATABASE_URL you give), then
prints, for the public overview, its CSV, the Secretariat's screening list and the look-alike
page: queries per request and the mean time of a request (after one warm-up). Then it copies
the received proposals (with their people) until there are 1,200 and measures again.
"""

import os
import time

from bench import FOLDER  # noqa: F401 (sets the environment)

PAGES = [("overview", "/igf/2019/proposals/", None),
         ("CSV", "/igf/2019/proposals.csv", None),
         ("screening list", "/igf/2019/proposals/screening/", "secretariat"),
         ("look-alikes", "/igf/2019/proposals/similar/?kind=workshop", "secretariat")]


def measure(clients, runs=10):
    from django.db import connection

    for label, url, who in PAGES:
        client = clients[who]
        client.get(url)  # warm-up: templates, imports
        queries = []

        def count(execute, sql, *args, queries=queries):
            queries.append(sql)
            return execute(sql, *args)

        # (a wrapper, not CaptureQueriesContext: each request resets the debug query log)
        with connection.execute_wrapper(count):
            response = client.get(url)
        n = runs if label != "look-alikes" else 3
        started = time.perf_counter()
        for _ in range(n):
            client.get(url)
        elapsed = (time.perf_counter() - started) / n
        print(f"  {label:15} {len(queries):3} queries  {len(response.content) / 1024:6.0f} KiB"
              f"  {elapsed * 1000:6.0f} ms (mean of {n})")


def grow_to(edition, target):
    """Copy received proposals and their people until the edition has ``target``."""
    from openigf.proposals.models import Proposal, ProposalPerson

    received = list(Proposal.objects.filter(edition=edition).received()
                    .prefetch_related("people"))
    copies, people = [], []
    i = 0
    while len(received) + len(copies) < target:
        source = received[i % len(received)]
        copy = Proposal(**{f.attname: getattr(source, f.attname) for f in Proposal._meta.fields
                           if f.attname not in ("id", "created", "updated")})
        copy.title = f"{source.title} ({i // len(received) + 2})"
        copies.append((copy, list(source.people.all())))
        i += 1
    Proposal.objects.bulk_create([c for c, _p in copies])
    for copy, rows in copies:
        for row in rows:
            people.append(ProposalPerson(**{
                f.attname: getattr(row, f.attname) for f in ProposalPerson._meta.fields
                if f.attname not in ("id", "proposal_id")}, proposal_id=copy.pk))
    ProposalPerson.objects.bulk_create(people, batch_size=1000)


def main():
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from openigf.forums.models import Edition
    from openigf.people.models import Person
    from openigf.proposals.models import Proposal

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as sink:
        started = time.perf_counter()
        call_command("load_demo", stdout=sink)
        print(f"demo loaded in {time.perf_counter() - started:.1f} s")
    edition = Edition.objects.get(forum__slug="igf", slug="2019")
    staff = Client()
    staff.force_login(Person.objects.get(email="secretariat@demo.openigf.org"))
    clients = {None: Client(), "secretariat": staff}
    for target in (None, 1200):
        if target:
            grow_to(edition, target)
        n = Proposal.objects.filter(edition=edition).received().count()
        print(f"{n} received proposals:")
        measure(clients)


if __name__ == "__main__":
    main()
