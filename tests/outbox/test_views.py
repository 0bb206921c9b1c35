"""The Secretariat's outbox pages: search by recipient, one mail's text with secrets hidden,
retry as its own action."""

import pytest
from django.urls import reverse

from openigf.outbox.models import OutboxMail, Status
from openigf.outbox.redaction import redact_secrets
from openigf.proposals.domain import confirm_token
from tests.factories import EditionFactory, ForumFactory, secretariat_of
from tests.proposals.factories import CallFactory, ProposalFactory, person_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(forum=ForumFactory(slug="igf"), year=2019)


def url(name, edition, **kwargs):
    return reverse(f"outbox:{name}", kwargs={**edition.url_kwargs, **kwargs})


def mail(edition, to, **kwargs):
    return OutboxMail.objects.create(forum=edition.forum, edition=edition, to=to,
                                  **{"subject": f"To {to}", "body": "b", **kwargs})


def test_outbox_list_searches_by_recipient(client, edition):
    for to in ("ana@example.org", "ben@example.org", "anabel@example.net"):
        mail(edition, to)
    client.force_login(secretariat_of(edition.forum))
    page = client.get(url("list", edition), {"q": "ana"})
    assert [m.to for m in page.context["page"]] == ["anabel@example.net", "ana@example.org"]
    assert 'value="ana"' in page.content.decode()


def test_reset_link_is_hidden_and_the_rest_of_the_mail_shown(client, edition):
    body = ("Someone asked to reset the password of your openigf account. If it was you, "
            "open this link:\n\nhttps://igf.example.org/accounts/reset/MTIz/"
            "c8kq3w-5f8e0b4a2b1c6d7e9f0a1b2c3d4e5f6a/\n\nThe openigf team")
    message = mail(edition, "ana@example.org", body=body, subject="Reset your password")
    client.force_login(secretariat_of(edition.forum))
    html = client.get(url("message", edition, mail_id=message.pk)).content.decode()
    assert ("open this link:\n\nhttps://igf.example.org/accounts/reset/[hidden]/[hidden]/"
            "\n\nThe openigf team") in html
    assert "c8kq3w" not in html and "MTIz" not in html
    assert message.message_id.replace("<", "&lt;").replace(">", "&gt;") in html


def test_invitation_links_and_signed_codes_are_hidden_public_links_kept(edition):
    row = person_row(ProposalFactory(call=CallFactory(edition=edition)))
    token = confirm_token(row)
    text = (f"Confirm: https://x.org/igf/2019/proposals/confirm/{token}/.\n"
            f"Badge code {token}\nAgenda: https://x.org/igf/2019/agenda/?day=2&token=abc")
    assert redact_secrets(text) == (
        "Confirm: https://x.org/igf/2019/proposals/confirm/[hidden]/.\n"
        "Badge code [hidden]\nAgenda: https://x.org/igf/2019/agenda/?day=2&token=[hidden]")


def test_retry_is_its_own_post_action_and_refuses_a_mail_already_sent(
        client, edition, django_capture_on_commit_callbacks):
    failed = mail(edition, "a@example.org", status=Status.FAILED, last_error="refused")
    sent = mail(edition, "b@example.org", status=Status.SENT)
    client.force_login(secretariat_of(edition.forum))
    assert client.get(url("retry", edition, mail_id=failed.pk)).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("retry", edition, mail_id=failed.pk), follow=True)
    assert "The mail to a@example.org is queued again." in response.content.decode()
    failed.refresh_from_db()
    assert failed.status == Status.SENT
    response = client.post(url("retry", edition, mail_id=sent.pk), follow=True)
    assert "is sent or being sent; nothing was queued" in response.content.decode()
