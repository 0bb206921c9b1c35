"""Test set-up shared by the whole suite (the environment is set by ``openigf.testing``).

Tests marked ``postgres``, ``redis``, ``browser``, ``poppler`` or ``shared_data`` are skipped,
with the reason, where the service is missing; ``.ci/run`` sets ``OPENIGF_REQUIRE_SERVICES=1``
so that there they always run (and the run fails if a service is missing).
"""

import os
import shutil
import socket
from pathlib import Path
from urllib.parse import urlparse

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Property tests judge results, not speed: a loaded CI machine must not fail them on timing.
hypothesis_settings.register_profile(
    "openigf", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("openigf")

REPO = Path(__file__).resolve().parent
REQUIRE_SERVICES = os.environ.get("OPENIGF_REQUIRE_SERVICES") == "1"
TEST_REDIS_URL = os.environ.get("OPENIGF_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
CHROMIUM = os.environ.get("OPENIGF_CHROMIUM", "/usr/bin/chromium")


def shared_data_dir() -> Path | None:
    """The public test data (``shared/data``) beside the repository, if this machine has it."""
    candidates = [os.environ.get("OPENIGF_SHARED_DATA", ""), REPO.parent / "shared" / "data",
                  "/work/shared/data"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "SOURCES.md").exists():
            return Path(candidate)
    return None


def _redis_up() -> bool:
    url = urlparse(TEST_REDIS_URL)
    try:
        with socket.create_connection((url.hostname, url.port or 6379), timeout=1):
            return True
    except OSError:
        return False


def _browser_up() -> bool:
    if not Path(CHROMIUM).exists():
        return False
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return True


def _missing_services() -> dict:
    from django.db import connection

    return {
        "postgres": None if connection.vendor == "postgresql"
        else "needs PostgreSQL: set DATABASE_URL=postgres://…",
        "redis": None if _redis_up() else f"needs Redis at {TEST_REDIS_URL}",
        "browser": None if _browser_up() else f"needs Chromium at {CHROMIUM} and playwright",
        "poppler": None if shutil.which("pdftotext") and shutil.which("pdftoppm")
        else "needs poppler-utils (pdftotext, pdftoppm) to read PDFs",
        "shared_data": None if shared_data_dir() else "needs the public data in shared/data "
        "(set OPENIGF_SHARED_DATA)",
    }


def pytest_collection_modifyitems(config, items):
    missing = {k: v for k, v in _missing_services().items() if v}
    if REQUIRE_SERVICES and missing:
        raise pytest.UsageError("OPENIGF_REQUIRE_SERVICES=1 but: " + "; ".join(missing.values()))
    for item in items:
        for marker, reason in missing.items():
            if item.get_closest_marker(marker):
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture
def shared_data():
    path = shared_data_dir()
    if path is None:
        pytest.fail("shared/data is missing")  # the marker skipped this test where allowed
    return path


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session (Debian's, driven by Playwright)."""
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-dev-shm-usage"]
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1100, "height": 800}, locale="en-GB",
                                  base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EXPORTS_ROOT = tmp_path / "exports"


def pytest_report_header(config):
    from django.db import connection

    return [f"openigf: database {connection.vendor}, redis {'up' if _redis_up() else 'down'}, "
            f"browser {'up' if _browser_up() else 'down'}, require services "
            f"{REQUIRE_SERVICES}, shared data {shared_data_dir()}",
            f"chromium at {shutil.which('chromium') or CHROMIUM}"]


@pytest.fixture(autouse=True)
def _countries(request):
    """Transactional tests flush the tables, the countries of the data migration too."""
    marker = request.node.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or "transactional_db" in
                   request.fixturenames or "live_server" in request.fixturenames):
        request.getfixturevalue("transactional_db")
        from openigf.people.countries import countries_load
        from openigf.people.models import Country

        if not Country.objects.exists():
            countries_load()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (throttle counters, cached pages)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request in another language leaves its
    language active in the thread, as Django does outside tests too."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
