"""Word documents: fonts for each script, right-to-left paragraphs where the text says so."""

import pytest
from docx import Document

from openigf.core import wordfiles

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.mark.parametrize(("text", "expected"), [
    ("ملخص الرئيس", True),
    ("« ملخص » 2019", True),
    ("2019: The forum met in Berlin.", False),
    ("主席总结", False),
    ("", False),
])
def test_a_paragraph_reads_right_to_left_when_its_first_letter_does(text, expected):
    assert wordfiles.is_right_to_left(text) is expected


def test_arabic_paragraphs_and_their_runs_are_marked_right_to_left_in_schema_order():
    document = Document()
    arabic = document.add_paragraph("ملخص الرئيس", style="List Bullet")
    english = document.add_paragraph("The forum met in Berlin.")
    wordfiles.set_directions(document, right_to_left=True)

    properties = [child.tag.replace(W, "") for child in arabic._p.pPr]
    assert properties == ["pStyle", "bidi"]
    assert all(run.font.rtl for run in arabic.runs)
    assert english._p.pPr is None or english._p.pPr.find(f"{W}bidi") is None
