"""Browser journey: a MAG member the Secretariat added signs up from the edition's page, gets
nothing but a mail, follows its link, chooses a password and lands back where they were,
now with their reviews."""

import re

import pytest

from openigf.forums.enums import Role
from openigf.forums.models import Membership
from openigf.people.models import Person
from tests.core.test_browser import serious_violations
from tests.factories import EditionFactory, ForumFactory

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.django_db(transaction=True)
def test_known_mag_member_takes_their_record_through_the_mailed_link(page, mailoutbox):
    edition = EditionFactory(forum=ForumFactory(slug="igf", name="IGF"), year=2019)
    member = Person.objects.create(email="rafael@example.org", name="Rafael Morales")
    member.set_unusable_password()
    member.save()
    Membership.objects.create(forum=edition.forum, edition=edition, person=member,
                              role=Role.MAG)

    page.goto("/igf/2019/")
    page.get_by_role("link", name="Create an account").click()
    page.get_by_label("E-mail address").fill("rafael@example.org")
    page.get_by_label("Password").fill("a-long-unusual-passphrase")
    page.get_by_label("Full name").fill("Someone Else")
    page.get_by_role("button", name="Create the account").click()

    assert page.locator("h1").inner_text() == "Check your mail"
    assert page.get_by_role("link", name="Sign in").count() == 1  # not signed in
    link = re.search(r"https?://\S+(/accounts/confirm/\S+)", mailoutbox[-1].body).group(1)

    page.goto(link)
    assert serious_violations(page) == []
    page.locator("#id_new_password1").fill("my-own-long-passphrase")
    page.locator("#id_new_password2").fill("my-own-long-passphrase")
    page.get_by_role("button", name="Take the account").click()

    page.wait_for_url("**/igf/2019/")
    assert "Your address is confirmed" in page.get_by_role("status").first.inner_text()
    page.goto("/igf/2019/review/")
    assert page.locator("h1").count() == 1 and page.url.endswith("/igf/2019/review/")
    member.refresh_from_db()
    assert member.name == "Rafael Morales" and member.email_verified is not None
