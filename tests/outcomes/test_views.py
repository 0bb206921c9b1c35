"""The IGF Messages editor: messages in a table (never as notices), a confirmation after each
action, drafts edited, one URL per action."""

import re

import pytest
from django.urls import reverse

from openigf.core.models import AuditEntry
from openigf.outcomes import domain
from openigf.outcomes.models import IgfMessage, MessageComment
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
    for i, takeaway in enumerate(["Community networks connect rural people.",
                                  "Digital literacy programmes must reach older women."]):
        session = SessionFactory(edition=edition, theme=theme, title=f"Session {i}")
        report_save(session=session, kind="short", takeaways=[takeaway], submit=True)
    return edition


@pytest.fixture
def editor(client, edition):
    client.force_login(secretariat_of(edition.forum))
    return client


def url(name, edition, **kwargs):
    return reverse(f"outcomes:{name}", kwargs={**edition.url_kwargs, **kwargs})


def notices(html: str) -> str:
    """The confirmation area of the layout (Django's messages)."""
    found = re.search(r'<div class="messages" role="status">(.*?)</div>', html, re.S)
    return found.group(1) if found else ""


def test_a_drafted_message_is_confirmed_and_listed_in_the_table_not_as_a_notice(editor,
                                                                                edition):
    theme = edition.themes.get()
    sessions = list(edition.sessions.order_by("title"))
    response = editor.post(url("message_new", edition), {
        "theme": theme.pk, "text": "Fund community networks.", "subheading": "Access",
        "sessions": [sessions[0].pk]}, follow=True)
    html = response.content.decode()
    message = IgfMessage.objects.get()
    assert (message.text, message.subheading, list(message.sessions.all())) == (
        "Fund community networks.", "Access", [sessions[0]])
    assert "Message drafted." in notices(html)
    assert "Fund community networks." not in notices(html)
    row = re.search(rf'<tr id="m{message.pk}">(.*?)</tr>', html, re.S).group(1)
    assert "<strong>Access:</strong> Fund community networks." in row and "Draft" in row


def test_an_empty_draft_is_refused_at_its_group_keeping_what_was_typed(editor, edition):
    theme = edition.themes.get()
    response = editor.post(url("message_new", edition), {
        "theme": theme.pk, "text": "  ", "subheading": "Kept", "group": "1"})
    html = response.content.decode()
    assert response.status_code == 200 and IgfMessage.objects.count() == 0
    assert '<p class="errorlist" id="text-1-error" role="alert">Write the message.</p>' in html
    assert 'id="sub-1" name="subheading" value="Kept"' in html


def test_a_draft_is_edited_and_the_editor_shows_the_new_text(editor, edition):
    theme = edition.themes.get()
    message = domain.message_save(edition=edition, theme=theme, text="Fund networks.")
    page = url("message_edit", edition, message_id=message.pk)
    assert "Fund networks." in editor.get(page).content.decode()
    session = edition.sessions.order_by("title").first()
    response = editor.post(page, {"text": "Fund community networks through USF.",
                                  "subheading": "Funding", "sessions": [session.pk]},
                           follow=True)
    html = response.content.decode()
    assert "Message saved." in notices(html)
    assert "<strong>Funding:</strong> Fund community networks through USF." in html
    message.refresh_from_db()
    assert (message.text, list(message.sessions.all())) == (
        "Fund community networks through USF.", [session])
    entries = AuditEntry.objects.filter(action="message.update").count()
    editor.post(page, {"text": "Fund community networks through USF.", "subheading": "Funding",
                       "sessions": [session.pk]})
    assert AuditEntry.objects.filter(action="message.update").count() == entries  # unchanged


def test_a_final_message_is_not_edited(editor, edition):
    message = domain.message_save(edition=edition, theme=edition.themes.get(), text="Final.")
    domain.message_move(message=message, status="final")
    response = editor.post(url("message_edit", edition, message_id=message.pk),
                           {"text": "Changed"})
    assert "A final message is no longer edited." in response.content.decode()
    message.refresh_from_db()
    assert message.text == "Final."


def test_moving_and_moderating_say_what_was_done(editor, edition):
    message = domain.message_save(edition=edition, theme=edition.themes.get(), text="Open.")
    response = editor.post(url("message_move", edition, message_id=message.pk),
                           {"status": "comment"}, follow=True)
    assert "Message moved to “Open for public comment”." in notices(
        response.content.decode())
    message.refresh_from_db()
    comment = domain.comment_add(message=message, person=PersonFactory(), text="Add SIDS.")
    response = editor.post(url("comment_moderate", edition, comment_id=comment.pk),
                           {"approve": "1"}, follow=True)
    assert "The comment is published." in notices(response.content.decode())
    comment.refresh_from_db()
    assert comment.status == MessageComment.Status.APPROVED
    response = editor.post(url("message_move", edition, message_id=message.pk),
                           {"status": "draft"}, follow=True)
    assert "A message moves forward only" in notices(response.content.decode())
