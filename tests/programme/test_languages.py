"""Languages as ISO codes, whatever way a schedule file writes them."""

import pytest
from django.utils import translation

from openigf.programme.languages import language_choices, language_code, language_name


@pytest.mark.parametrize(("text", "code"), [
    ("de", "de"), ("DE", "de"), ("de-DE", "de"), ("pt_BR", "pt"), ("deu", "de"),
    ("ger", "de"), ("German", "de"), ("iw", "he"), ("fil", "fil"), ("other", "other"),
    ("tlh", None), ("", None), ("Klingon", None),
])
def test_language_code_reads_what_files_write(text, code):
    assert language_code(text) == code


def test_the_un_languages_come_first_and_other_last():
    codes = [code for code, _ in language_choices()]
    assert codes[:6] == ["en", "ar", "zh", "fr", "ru", "es"] and codes[-1] == "other"
    assert len(codes) == len(set(codes)) == 193


def test_names_are_in_the_reader_s_language():
    with translation.override("fr"):
        assert language_name("de") == "Allemand"
    assert language_name("tlh") == "tlh"
