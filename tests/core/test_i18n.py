"""The six UN languages: every page is translatable, Arabic runs right to left."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

LOCALE = Path(settings.LOCALE_PATHS[0])


def test_the_six_un_languages_are_offered():
    assert [code for code, _ in settings.LANGUAGES] == ["en", "ar", "zh-hans", "fr", "ru", "es"]


@pytest.mark.parametrize("language", ["ar", "zh_Hans", "fr", "ru", "es"])
def test_each_language_has_a_complete_valid_catalogue(language):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


@pytest.mark.slow
def test_makemessages_would_add_no_string(tmp_path):
    """The catalogues hold every string of the source: gathering them again from a copy of
    the package adds none (an added one would be untranslated)."""
    package = LOCALE.parent
    copy = tmp_path / package.name
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("static", "__pycache__"))
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "DEBUG": "true",
           "DATABASE_URL": f"sqlite:///{tmp_path}/unused.sqlite3"}
    subprocess.run([sys.executable, "-P", "-c", "from openigf.__main__ import main; main()",
                    "makemessages", "--all", "--no-obsolete", "--verbosity", "0"],
                   cwd=copy, env=env, check=True, capture_output=True, text=True)
    problems = {}
    for po in sorted((copy / "locale").glob("*/LC_MESSAGES/django.po")):
        result = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", str(po)],
                                capture_output=True, text=True)
        if "untranslated" in result.stderr or "fuzzy" in result.stderr:
            problems[po.parent.parent.name] = result.stderr.strip()
    assert problems == {}, ("strings are missing from the catalogues; run `make messages-update`"
                            f" and translate them: {problems}")


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr"),
                                                      ("zh-hans", "ltr"), ("ru", "ltr"),
                                                      ("es", "ltr"), ("en", "ltr")])
def test_pages_follow_the_chosen_language_and_direction(client, language, direction):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = client.get("/").content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html


@pytest.mark.django_db
def test_arabic_page_is_translated(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    html = client.get("/accounts/login/").content.decode()
    assert "Sign in" not in html.split("<main")[1]
