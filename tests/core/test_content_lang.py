"""Blocks written in another language than the page's say so (WCAG 2.1, 3.1.2)."""

import pytest
from django.conf import settings
from django.utils import translation

from openigf.core.templatetags.content import lang_attributes
from tests.factories import EditionFactory, ThemeFactory


@pytest.mark.parametrize(("block", "page", "expected"), [
    ("en", "ar", ' lang="en" dir="ltr"'),
    ("ar", "en", ' lang="ar" dir="rtl"'),
    ("zh", "zh-hans", ""),
    ("fr", "fr", ""),
    ("other", "ar", ""),
    ("", "ar", ""),
])
def test_a_block_is_marked_only_when_its_language_differs(block, page, expected):
    assert lang_attributes(block, page) == expected


def test_the_active_language_is_the_page_language_by_default():
    with translation.override("ru"):
        assert lang_attributes("en") == ' lang="en" dir="ltr"'
        assert lang_attributes("ru") == ""


@pytest.mark.django_db
def test_english_texts_inside_an_arabic_page_carry_lang_and_dir(client):
    edition = EditionFactory(description="Internet for all.")
    ThemeFactory(edition=edition, name="Data governance", narrative="Data flows.")
    url = edition.get_absolute_url()

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    arabic = client.get(url).content.decode()
    assert '<div class="prose" lang="en" dir="ltr"><p>Internet for all.</p>' in arabic
    assert '<h3><span lang="en" dir="ltr">Data governance</span> ' in arabic

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(url).content.decode()
    assert '<div class="prose"><p>Internet for all.</p>' in english
    assert "<h3>Data governance</h3>" in english


@pytest.mark.django_db
def test_a_forum_writing_in_french_marks_its_texts_on_english_pages(client):
    edition = EditionFactory(description="Un Internet pour tous.", forum__language="fr")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(edition.get_absolute_url()).content.decode()
    assert '<div class="prose" lang="fr" dir="ltr"><p>Un Internet pour tous.</p>' in html
