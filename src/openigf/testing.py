"""pytest plugin (``-p openigf.testing`` in pyproject.toml), loaded before Django starts.

Tests run with production settings except for what a test machine needs: plain HTTP, any host,
tasks inline, static files from source. A variable already set in the environment wins.
"""

import os

TEST_ENVIRONMENT = {
    "DEBUG": "false",
    "SECRET_KEY": "openigf-test-key-" + "k3y" * 20,
    "ALLOWED_HOSTS": "*",
    "SECURE_SSL_REDIRECT": "false",
    "SESSION_COOKIE_SECURE": "false",
    "CSRF_COOKIE_SECURE": "false",
    "SECURE_HSTS_SECONDS": "0",
    "STATIC_MANIFEST": "false",
    "STATIC_FROM_SOURCE": "true",
    "TASKS_INLINE": "true",
    "FAST_PASSWORD_HASHER": "true",
    "DJANGO_ALLOW_ASYNC_UNSAFE": "true",  # Playwright's sync API beside the ORM in one thread
    # The suite calls the API from one address; the tests of the rate limits lower these.
    "API_RATE_PER_ADDRESS": "100000",
    "API_RATE_PER_TOKEN": "100000",
}

for _name, _value in TEST_ENVIRONMENT.items():
    os.environ.setdefault(_name, _value)
# The suite's cache lives in memory; tests that need Redis use OPENIGF_TEST_REDIS_URL.
os.environ.pop("REDIS_URL", None)
