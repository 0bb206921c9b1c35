"""Every page of the permission walk, in Arabic and in Chinese, shows no English interface text,
and writes no number localised into an attribute (Arabic's decimal mark is a comma).

The walk opens each page the Secretariat may open (they see the most) and the public pages as a
visitor, with the language chosen, and looks in the page's visible text for the English of any
catalogue entry. A hit is an interface string that escaped translation: a ``gettext`` run at
import time instead of per request, a string never marked, a template rendered in the wrong
language.
"""

import functools
import html
import re

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests import walk
from tests.test_permission_walk import SKIP_PREFIXES, _path_for, _patterns, _walk_modules

LOCALE = settings.LOCALE_PATHS[0]
HIDDEN = re.compile(r"<(script|style|template)\b.*?</\1>|<!--.*?-->", re.S | re.I)
# A block marked as written in another language (``{% content_lang %}``, ``{% translated %}``)
# is what people typed in the forum's language, not interface text.
OTHER_LANGUAGE = re.compile(r'<(?!html\b)(\w+)\b[^>]*\blang="(?!{page})[^"]*"[^>]*>.*?</\1>', re.S)
TAG = re.compile(r"<[^>]+>")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdfg]|%[sd]|\{\{.*?\}\}|%%")
# Strings that are the same in every language of the walk: names, codes and formats.
SAME_EVERYWHERE = {"openigf API", "Message-ID", "OpenAPI document (JSON)"}


@functools.cache
def _english_phrases(language: str) -> tuple:
    """The literal English runs (three words or more) of the catalogue's entries whose
    translation differs from the English."""
    phrases = set()
    for entry in polib.pofile(f"{LOCALE}/{language}/LC_MESSAGES/django.po"):
        if entry.obsolete or entry.msgid in SAME_EVERYWHERE or entry.msgstr == entry.msgid:
            continue
        for source in filter(None, (entry.msgid, entry.msgid_plural)):
            for run in PLACEHOLDER.split(source):
                run = " ".join(run.split())
                if len(run.split()) >= 3 and len(run) >= 15:
                    phrases.add(run)
    return tuple(sorted(phrases, key=len, reverse=True))


# Attributes that hold numbers a browser reads (SVG geometry, data-*): plain digits only. A
# float rendered without ``{% localize off %}`` or ``floatformat:"1u"`` comes out as "12,5" in
# Arabic, and a figure through ``|figure`` as "1,234".
NUMERIC_ATTRIBUTE = re.compile(
    r'\s(x|y|x1|x2|y1|y2|cx|cy|r|width|height|viewBox|data-[\w-]+)="([^"]*)"')
PLAIN_NUMBERS = re.compile(r"-?\d+(\.\d+)?%?( -?\d+(\.\d+)?%?)*")


def _localised_attributes(response) -> list[str]:
    page = HIDDEN.sub(" ", response.content.decode(errors="replace"))
    return [f"{name}={value!r}" for name, value in NUMERIC_ATTRIBUTE.findall(page)
            if re.search(r"\d", value) and not PLAIN_NUMBERS.fullmatch(value)
            and (not name.startswith("data-") or re.fullmatch(r"[\d\s,.\u066b\u066c]+", value))]


def _visible_text(response, language: str) -> str:
    page = response.content.decode(errors="replace")
    declared = re.compile(OTHER_LANGUAGE.pattern.replace("{page}", re.escape(language)), re.S)
    return " ".join(html.unescape(TAG.sub(" ", declared.sub(" ", HIDDEN.sub(" ", page)))).split())


def _pages(world, expect):
    for name, route, entry in _patterns():
        if route.startswith(SKIP_PREFIXES) or route.startswith("api/"):
            continue
        roles = expect.get(name)
        if roles is None or isinstance(roles, dict):
            continue
        try:
            yield name, reverse(name, kwargs=_path_for(route, entry, world)), roles
        except LookupError:
            continue


@pytest.mark.slow
@pytest.mark.django_db
@pytest.mark.parametrize(("language", "catalogue"), [("ar", "ar"), ("zh-hans", "zh_Hans")])
def test_no_english_interface_text_on_any_page(language, catalogue):
    world = walk.build_world()
    expect = {}
    for module in _walk_modules():
        module.build(world)
        expect.update(module.EXPECT)
    everyone = frozenset(world.people)
    staff = Client()
    staff.force_login(world.people["secretariat"],
                      backend="django.contrib.auth.backends.ModelBackend")
    visitor = Client()
    phrases = _english_phrases(catalogue)
    found, localised, read = [], [], 0
    for _name, url, roles in _pages(world, expect):
        allowed = {walk.ALL: everyone, walk.SIGNED_IN: everyone - {"public"}}.get(roles, roles)
        for who, client in (("secretariat", staff), ("public", visitor)):
            if who not in allowed:
                continue
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
            response = client.get(url)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            read += 1
            text = _visible_text(response, language)
            found += [f"{url} ({who}): {phrase!r}" for phrase in phrases if phrase in text]
            localised += [f"{url} ({who}): {a}" for a in _localised_attributes(response)]
    assert read > 40
    assert found == [], "English left on the pages:\n" + "\n".join(found)
    assert localised == [], "Numbers localised in attributes:\n" + "\n".join(localised)
