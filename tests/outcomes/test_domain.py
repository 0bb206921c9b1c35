"""The Chair's Summary in its three forms: the DOCX holds every table of the page, the
intersessional work names each Best Practice Forum once, the PDF is tagged and repeats table
headers on every page a table runs over."""

import datetime
import io
import re
import subprocess

import pytest
from django.urls import reverse
from docx import Document

from openigf.community.models import BpfOutput
from openigf.outcomes import domain
from tests.community.factories import BpfFactory
from tests.factories import EditionFactory, ForumFactory, ThemeFactory, secretariat_of

pytestmark = pytest.mark.django_db
OUTPUT = "Exploring best practices in relation to international cybersecurity initiatives"


@pytest.fixture
def edition():
    edition = EditionFactory(forum=ForumFactory(slug="igf"), year=2019)
    theme = ThemeFactory(edition=edition, name="Security, safety, stability")
    message = domain.message_save(edition=edition, theme=theme, text="Norms need action.")
    domain.message_move(message=message, status="final")
    bpf = BpfFactory(edition=edition, name="BPF Cybersecurity")
    for kind, title, day in (("call", "BPF Cybersecurity: call for contributions", 1),
                             ("draft", OUTPUT, 2), ("final", OUTPUT, 3)):
        BpfOutput.objects.create(bpf=bpf, kind=kind, title=title, summary="s",
                                 published=datetime.date(2019, 11, day))
    version = domain.summary_publish(edition=edition, introduction="The forum met in Berlin.",
                                     person=secretariat_of(edition.forum))
    version.facts.update(
        by_kind={"Workshop": 60, "Open forum": 40}, by_theme={"Security": 12, "Inclusion": 9},
        stakeholder_groups={"Civil society": 30, "Government": 20},
        regions={"WEOG": 25, "African Group": 15}, genders={"Female": 33, "Male": 31},
        attendance={"Onsite": 50, "Online": 14})
    version.save()
    return edition


def page_html(client, edition) -> str:
    return client.get(reverse("outcomes:summary", kwargs=edition.url_kwargs)).content.decode()


def docx_of(client, edition):
    response = client.get(reverse("outcomes:summary_file",
                                  kwargs={**edition.url_kwargs, "fmt": "docx"}))
    return Document(io.BytesIO(response.content))


def test_the_docx_holds_every_table_of_the_page_with_its_header_row(client, edition):
    html = page_html(client, edition)
    page_tables = [(caption, re.findall(r'<th scope="row">([^<]*)</th><td class="num">(\d+)',
                                        body))
                   for caption, body in re.findall(
                       r"<caption>([^<]*)</caption>(.*?)</table>", html, re.S)]
    assert len(page_tables) == 6
    doc = docx_of(client, edition)
    captions = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    docx_tables = [[[cell.text for cell in row.cells] for row in table.rows]
                   for table in doc.tables]
    assert [caption for caption, _rows in page_tables] == captions[:6]
    assert [rows for _caption, rows in page_tables] == [
        [tuple(row) for row in table[1:]] for table in docx_tables]
    assert docx_tables[1][0] == ["Theme", "Sessions"]
    assert all(table.rows[0]._tr.trPr.xml.count("tblHeader") == 1 for table in doc.tables)


def test_intersessional_work_names_each_bpf_once_with_its_final_output(client, edition):
    html = page_html(client, edition)
    section = html.split("Intersessional work</h2>")[1].split("</main>")[0]
    assert section.count("BPF Cybersecurity") == 1
    assert f"<li>Final output document: {OUTPUT}</li>" in section
    assert section.count(OUTPUT) == 1
    doc = docx_of(client, edition)
    text = [p.text for p in doc.paragraphs]
    tail = text[text.index("Intersessional work"):]
    assert tail == ["Intersessional work", "BPF Cybersecurity",
                    f"Final output document: {OUTPUT}"]


@pytest.mark.poppler
def test_the_pdf_is_tagged_and_repeats_table_headers_on_each_page(client, edition, tmp_path):
    version = edition.chairs_summary.versions.first()
    version.facts["by_theme"] = {f"Theme number {i}": i for i in range(1, 121)}
    version.save()
    pdf = client.get(reverse("outcomes:summary_file",
                             kwargs={**edition.url_kwargs, "fmt": "pdf"})).content
    path = tmp_path / "summary.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info
    pages_with_themes = []
    for n in range(1, 10):
        run = subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path),
                              "-"], capture_output=True, text=True)
        if run.returncode != 0:
            break
        lines = [" ".join(line.split()) for line in run.stdout.splitlines()]
        rows = [line for line in lines if line.startswith("Theme number ")]
        if rows:
            pages_with_themes.append(n)
            first_row = lines.index(rows[0])
            assert "Theme Sessions" in lines[:first_row], f"page {n} lacks the table header"
    assert len(pages_with_themes) >= 2
