"""Start-up settings: a missing or malformed variable names itself; production is clean."""

import os
import subprocess
import sys

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "p" * 20 + "r0duct10n-s3cr3t-k3y-w1th-ENOUGH-entropy-0123456789",
    "ALLOWED_HOSTS": "igf.example.org",
    "DATABASE_URL": "sqlite:////tmp/openigf-check.sqlite3",
    "EMAIL_URL": "smtp://mail.example.org:587",
    "SITE_URL": "https://igf.example.org",
}


def _openigf(*args, **env):
    base = {k: v for k, v in os.environ.items()
            if k not in ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT",
                         "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_HSTS_SECONDS",
                         "STATIC_MANIFEST", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    return subprocess.run([sys.executable, "-m", "openigf", *args], env={**base, **env},
                          capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_with_production_settings():
    result = _openigf("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_when_site_url_is_unset():
    env = {k: v for k, v in PRODUCTION.items() if k != "SITE_URL"}
    result = _openigf("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode != 0
    assert "openigf.W001" in result.stderr and "SITE_URL" in result.stderr


def test_check_deploy_warns_when_site_url_is_not_https():
    result = _openigf("check", "--deploy", "--fail-level", "WARNING",
                      **{**PRODUCTION, "SITE_URL": "http://igf.example.org"})
    assert result.returncode != 0
    assert "openigf.W002" in result.stderr


def test_missing_secret_key_stops_start_up_naming_it():
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = _openigf("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_malformed_database_url_stops_start_up_naming_it():
    result = _openigf("check", **{**PRODUCTION, "DATABASE_URL": "nosuchdb://x"})
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_malformed_boolean_names_the_variable():
    result = _openigf("check", **{**PRODUCTION, "DEBUG": "perhaps"})
    assert result.returncode != 0
    assert "DEBUG" in result.stderr


def test_missing_allowed_hosts_in_production_names_it():
    env = {k: v for k, v in PRODUCTION.items() if k != "ALLOWED_HOSTS"}
    result = _openigf("check", **env)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_sqlite_connections_are_kept_between_requests_as_configured():
    script = ("from django.conf import settings; d = settings.DATABASES['default']; "
              "print(d['CONN_MAX_AGE'], settings.EXPORTS_ROOT.name)")
    kept = _openigf("shell", "--no-imports", "-c", script, **PRODUCTION)
    assert kept.returncode == 0, kept.stderr
    assert kept.stdout.split() == ["60", "exports"]
    closed = _openigf("shell", "--no-imports", "-c", script, **PRODUCTION,
                      DATABASE_CONN_MAX_AGE="0")
    assert closed.stdout.split()[0] == "0"
