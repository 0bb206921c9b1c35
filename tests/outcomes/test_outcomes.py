"""IGF Messages (grouped takeaways, workflow, moderated and rate-limited comments) and the
Chair's Summary (facts, versions, PDF checked page by page, DOCX)."""

import io
import shutil
import subprocess
import zipfile

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from lxml import etree

from openigf.core import when
from openigf.core.errors import ApplicationError
from openigf.outcomes import domain
from openigf.outcomes.models import MessageComment
from openigf.reporting.domain import report_save
from tests.factories import (
    EditionFactory,
    ForumFactory,
    PersonFactory,
    ThemeFactory,
    secretariat_of,
)
from tests.programme.factories import SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    edition = EditionFactory(forum=ForumFactory(slug="igf"), year=2019)
    theme = ThemeFactory(edition=edition, name="Digital inclusion")
    texts = [["Community networks connect rural people where operators do not."],
             ["Community networks connect rural people where operators will not."],
             ["Digital literacy programmes must reach older women."]]
    for i, takeaways in enumerate(texts):
        s = SessionFactory(edition=edition, theme=theme, title=f"Session {i}")
        report_save(session=s, kind="short", takeaways=takeaways, submit=True)
    return edition


def test_takeaways_are_grouped_and_duplicates_merged(edition):
    grouped = domain.takeaway_groups(edition, edition.themes.get())
    assert grouped.k == grouped.suggestion.k == 2
    [group] = grouped.groups  # the two takeaways saying the same thing, one kept
    assert len(group.duplicates) == 1 and len(group.texts) == 1
    [alone] = grouped.ungrouped  # a single takeaway is no group: listed apart
    assert alone.texts[0].text.startswith("Digital literacy")


def test_editor_groups_takeaways_into_the_k_asked(client, edition):
    theme = edition.themes.get()
    client.force_login(secretariat_of(edition.forum))
    url = f"/igf/{edition.slug}/messages/editor/?theme={theme.pk}"
    page = client.get(url).content.decode()
    assert "2 groups suggested" in page and "Takeaways that fit no group" in page
    page = client.get(url + "&k=1").content.decode()
    assert 'id="k" name="k" type="number" min="1" max="30" value="1"' in page
    assert "groups suggested" not in page  # the number asked, not the suggestion


def test_message_workflow_and_comments(client, edition):
    theme = edition.themes.get()
    message = domain.message_save(edition=edition, theme=theme, text="Fund community networks.")
    person = PersonFactory()
    with pytest.raises(ApplicationError, match="not open for comments"):
        domain.comment_add(message=message, person=person, text="hi")
    domain.message_move(message=message, status="comment")
    client.force_login(person)
    page = reverse("outcomes:messages", kwargs=edition.url_kwargs)
    client.post(page, {"message": message.pk, "text": "<script>x</script> Add SIDS."})
    comment = MessageComment.objects.get()
    assert "<script>x</script>" not in client.get(page).content.decode()
    domain.comment_moderate(comment=comment, approve=True)
    html = client.get(page).content.decode()
    assert "&lt;script&gt;x&lt;/script&gt; Add SIDS." in html
    for _ in range(4):
        domain.comment_add(message=message, person=person, text="more")
    with pytest.raises(ApplicationError, match="five comments"):
        domain.comment_add(message=message, person=person, text="one too many")
    domain.message_move(message=message, status="final")
    with pytest.raises(ApplicationError):
        domain.message_move(message=message, status="draft")


@pytest.mark.poppler
def test_chairs_summary_versions_pdf_and_docx(client, edition, tmp_path):
    theme = edition.themes.get()
    m = domain.message_save(edition=edition, theme=theme, text="Fund community networks now.")
    domain.message_move(message=m, status="final")
    page = reverse("outcomes:summary", kwargs=edition.url_kwargs)
    assert client.get(page).status_code == 404
    client.force_login(secretariat_of(edition.forum))
    client.post(page, {"introduction": "The forum met in Berlin."})
    client.post(page, {"introduction": "The forum met in Berlin, second version."})
    client.logout()
    html = client.get(page).content.decode()
    assert "second version" in html and "Fund community networks now." in html
    pdf = client.get(reverse("outcomes:summary_file", kwargs={**edition.url_kwargs,
                                                              "fmt": "pdf"})).content
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "s.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True,
                          text=True).stdout
    assert "Fund community networks now." in text and "second version" in text
    docx = client.get(reverse("outcomes:summary_file", kwargs={**edition.url_kwargs,
                                                               "fmt": "docx"})).content
    assert docx[:2] == b"PK"


@pytest.mark.poppler
@pytest.mark.parametrize(("language", "title", "heading"), [
    ("ar", "ملخص الرئيس", "الاجتماع بالأرقام"),
    ("zh-hans", "主席总结", "会议数据"),
])
def test_the_chairs_summary_pdf_reads_in_arabic_and_chinese(client, edition, tmp_path,
                                                             language, title, heading):
    """Shaped Arabic and Chinese glyphs come out of the PDF as the same characters, in
    reading order, whatever fonts the machine had before (the PDF embeds its own)."""
    page = reverse("outcomes:summary", kwargs=edition.url_kwargs)
    client.force_login(secretariat_of(edition.forum))
    client.post(page, {"introduction": "The forum met in Berlin."})
    client.logout()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    pdf = client.get(reverse("outcomes:summary_file", kwargs={**edition.url_kwargs,
                                                              "fmt": "pdf"})).content
    path = tmp_path / "s.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True,
                          text=True).stdout
    assert title in text and heading in text, text[:500]
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True,
                           text=True).stdout
    assert "Noto" in fonts or "DejaVu" in fonts, fonts


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _summary_docx(client, edition, language) -> bytes:
    page = reverse("outcomes:summary", kwargs=edition.url_kwargs)
    client.force_login(secretariat_of(edition.forum))
    client.post(page, {"introduction": "The forum met in Berlin."})
    client.logout()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(reverse("outcomes:summary_file", kwargs={**edition.url_kwargs,
                                                               "fmt": "docx"})).content


def _paragraphs(document_xml: bytes) -> dict:
    """Each paragraph's text -> (laid out right to left, every run marked right to left)."""
    found = {}
    for p in etree.fromstring(document_xml).iter(f"{W}p"):
        runs = p.findall(f"{W}r")
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        found[text] = (p.find(f"{W}pPr/{W}bidi") is not None,
                       bool(runs) and all(r.find(f"{W}rPr/{W}rtl") is not None for r in runs))
    return found


@pytest.mark.parametrize(("language", "heading", "right_to_left"), [
    ("ar", "الاجتماع بالأرقام", True),
    ("zh-hans", "会议数据", False),
])
def test_the_chairs_summary_docx_names_fonts_for_arabic_and_chinese(
        client, edition, language, heading, right_to_left):
    """Word takes Arabic letters in the complex-script font and Chinese in the East Asian
    one: both are Noto fonts in every style (no theme font that lacks them), and Arabic
    paragraphs run right to left while an English introduction in them does not."""
    with zipfile.ZipFile(io.BytesIO(_summary_docx(client, edition, language))) as docx:
        styles, document = docx.read("word/styles.xml"), docx.read("word/document.xml")

    for fonts in etree.fromstring(styles).iter(f"{W}rFonts"):
        assert (fonts.get(f"{W}cs"), fonts.get(f"{W}eastAsia")) == (
            "Noto Naskh Arabic", "Noto Sans CJK SC")
        assert fonts.get(f"{W}cstheme") is None and fonts.get(f"{W}eastAsiaTheme") is None
    paragraphs = _paragraphs(document)
    assert paragraphs[heading] == (right_to_left, right_to_left)
    assert paragraphs["The forum met in Berlin."] == (False, False)
    table = etree.fromstring(document).find(f".//{W}tbl/{W}tblPr")
    assert (table.find(f"{W}bidiVisual") is not None) is right_to_left


@pytest.mark.poppler
def test_the_arabic_docx_reads_in_order_once_converted_to_pdf(client, edition, tmp_path):
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    (tmp_path / "summary.docx").write_bytes(_summary_docx(client, edition, "ar"))
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "summary.docx")], check=True, capture_output=True,
                   timeout=120)
    text = subprocess.run(["pdftotext", str(tmp_path / "summary.pdf"), "-"],
                          capture_output=True, check=True, text=True).stdout
    assert "الاجتماع بالأرقام" in text and "ملخص الرئيس" in text


def test_the_chairs_summary_dates_are_in_the_readers_language(client, edition):
    page = reverse("outcomes:summary", kwargs=edition.url_kwargs)
    client.force_login(secretariat_of(edition.forum))
    client.post(page, {"introduction": "The forum met in Berlin."})
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    html = client.get(page).content.decode()
    with translation.override("fr"):
        start = when.format_date(edition.start_date)
    assert start in html and edition.start_date.strftime("%B") not in html
