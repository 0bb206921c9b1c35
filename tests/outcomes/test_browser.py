"""Browser journey of the outcomes: a rapporteur files the short report from a transcript
draft; the Secretariat sees compliance, drafts a message from grouped takeaways, opens it for
comment, makes it final, publishes the Chair's Summary and downloads its PDF, checked page by
page."""

import subprocess

import pytest

from openigf.programme import domain as programme
from openigf.transcripts.domain import transcript_save
from tests.community.test_browser import sign_in
from tests.core.test_browser import serious_violations
from tests.factories import (
    EditionFactory,
    ForumFactory,
    PersonFactory,
    ThemeFactory,
    secretariat_of,
)
from tests.programme.factories import RoomFactory, SessionFactory, SessionPersonFactory, windows

pytestmark = [pytest.mark.browser, pytest.mark.poppler, pytest.mark.slow]

TEXT = (">> ANA: Community networks are connecting the last billion people in rural areas "
        "across Africa and Asia today.\n>> BEN: Governments should fund community networks "
        "through universal service funds without delay.\n>> ANA: Spectrum for community "
        "networks remains the hardest barrier for small operators in rural regions.\n")


@pytest.mark.django_db(transaction=True)
def test_from_report_to_chairs_summary(page, tmp_path):
    edition = EditionFactory(forum=ForumFactory(slug="igf", name="IGF"), year=2019)
    theme = ThemeFactory(edition=edition, name="Digital inclusion")
    windows(edition, days=1)
    room = RoomFactory(edition=edition)
    session = SessionFactory(edition=edition, theme=theme, title="Connecting the rural last mile")
    rapporteur = PersonFactory(email="rap@example.org")
    rapporteur.set_password("pw-rap-1")
    rapporteur.save()
    SessionPersonFactory(session=session, person=rapporteur, name=rapporteur.name,
                         role="rapporteur")
    programme.session_place(session=session, starts_at=edition.time_windows.first().starts_at,
                            room=room)
    programme.release_publish(edition=edition)
    transcript_save(session=session, text=TEXT)
    boss = secretariat_of(edition.forum, email="sec@example.org")
    boss.set_password("pw-sec-1")
    boss.save()

    sign_in(page, "rap@example.org", "pw-rap-1")
    page.goto(f"/igf/2019/sessions/{session.pk}/reports/short/")
    page.get_by_role("link", name="Start from the transcript").click()
    assert "Drafted from the transcript" in page.locator("main").inner_text()
    assert serious_violations(page) == []
    page.get_by_role("button", name="Submit").click()
    assert "Report submitted." in page.locator("main").inner_text()

    page.context.clear_cookies()
    sign_in(page, "sec@example.org", "pw-sec-1")
    page.goto("/igf/2019/reports/compliance/")
    assert "Connecting the rural last mile" in page.locator("main").inner_text()
    assert serious_violations(page) == []
    page.goto(f"/igf/2019/messages/editor/?theme={theme.pk}")
    page.get_by_role("button", name="Draft this message").first.click()
    page.get_by_role("button", name="Open for public comment").click()
    page.get_by_role("button", name="Make final").click()
    page.goto("/igf/2019/chairs-summary/")
    page.locator("#id_introduction").fill("The forum met in Berlin.")
    page.get_by_role("button", name="Publish a new version").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF").click()
    path = tmp_path / "summary.pdf"
    download.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(path), str(tmp_path / "p")],
                   check=True)
    pages = sorted(tmp_path.glob("p*.png"))
    assert pages
    for n in range(1, len(pages) + 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"],
                              capture_output=True, text=True).stdout
        assert text.strip(), f"page {n} is empty"
    whole = subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                           text=True).stdout
    assert "The forum met in Berlin." in whole and "Digital inclusion" in whole
