"""How fast the NRI directory's map is drawn and served.

Run: .venv/bin/python -m bench.community_directory
Prints the time to decode and project the world map once (per process), the size of the
drawn SVG, and the time of the directory page with the demo's initiatives (SQLite file in a
temporary folder).
"""

import os
import time

from bench import FOLDER  # noqa: F401 (sets the environment)


def main():
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from openigf.community import worldmap
    from openigf.community.models import Initiative

    started = time.perf_counter()
    shapes, _height = worldmap.base_map()
    first = time.perf_counter() - started
    size = sum(len(s.path) for s in shapes)
    print(f"world map: {len(shapes)} countries, {size / 1024:.0f} KiB of path data, "
          f"drawn in {first * 1000:.0f} ms (once per process)")
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as sink:
        call_command("load_demo", stdout=sink)
    client = Client()
    client.get("/igf/community/nris/")
    runs = 20
    started = time.perf_counter()
    for _ in range(runs):
        response = client.get("/igf/community/nris/")
    elapsed = (time.perf_counter() - started) / runs
    print(f"directory: {Initiative.objects.listed().count()} initiatives, "
          f"{len(response.content) / 1024:.0f} KiB of HTML, {elapsed * 1000:.0f} ms per page "
          f"(mean of {runs})")


if __name__ == "__main__":
    main()
