"""Benchmarks that print figures (``python -m bench.<name>``). Importing the package sets a
throwaway environment: a SQLite file in a temporary folder unless DATABASE_URL is given."""

import os
import tempfile

FOLDER = tempfile.mkdtemp(prefix="openigf-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openigf.settings")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("SECRET_KEY", "bench")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{FOLDER}/bench.sqlite3")
os.environ.setdefault("ALLOWED_HOSTS", "*")
os.environ.setdefault("TASKS_INLINE", "true")
os.environ.setdefault("EMAIL_URL", "dummymail://")


def timed_get(client, url, runs=10):
    """(queries, KiB, mean ms) of GET ``url`` after one warm-up request."""
    import time

    from django.db import connection

    client.get(url)
    queries = []

    def count(execute, sql, *args):
        queries.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    started = time.perf_counter()
    for _ in range(runs):
        client.get(url)
    return len(queries), len(response.content) / 1024, (time.perf_counter() - started) / runs * 1000
