"""Sign-in, password reset and sign-up are throttled per account and per network address
(people.forms with people.throttles); sign-ins are audited without passwords."""

import pytest
from django.core.cache import cache

from openigf.core.models import AuditEntry
from openigf.outbox.models import OutboxMail
from openigf.people import throttles
from tests.factories import PASSWORD, PersonFactory


@pytest.mark.django_db
def test_100_wrong_passwords_then_the_right_one_does_not_sign_in(client):
    person = PersonFactory(email="kofi@example.org")
    statuses = {client.post("/accounts/login/", {"username": "kofi@example.org",
                                                 "password": f"guess-{i}"}).status_code
                for i in range(100)}
    right = client.post("/accounts/login/", {"username": "kofi@example.org",
                                             "password": PASSWORD})
    assert statuses == {200, 429}
    assert right.status_code == 429 and "_auth_user_id" not in client.session
    assert "Too many attempts" in right.content.decode()
    assert client.get("/me/").status_code == 302
    assert person.pk  # the account itself is untouched: the lock-out ends with its window


@pytest.mark.django_db
def test_lockout_ends_with_its_window(client):
    PersonFactory(email="kofi@example.org")
    for i in range(throttles.LOGIN_ACCOUNT.count):
        client.post("/accounts/login/", {"username": "kofi@example.org", "password": f"x{i}"})
    cache.clear()  # the window has passed
    right = client.post("/accounts/login/", {"username": "kofi@example.org",
                                             "password": PASSWORD})
    assert right.status_code == 302


@pytest.mark.django_db
def test_one_network_address_cannot_try_many_accounts(client):
    for i in range(throttles.LOGIN_NETWORK.count):
        client.post("/accounts/login/", {"username": f"p{i}@example.org", "password": "x"})
    person = PersonFactory()
    right = client.post("/accounts/login/", {"username": person.email, "password": PASSWORD})
    assert right.status_code == 429
    other = client.post("/accounts/login/", {"username": person.email, "password": PASSWORD},
                        REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302


@pytest.mark.django_db
def test_30_password_resets_to_one_address_queue_at_most_three_mails(client):
    PersonFactory(email="kofi@example.org")
    statuses = [client.post("/accounts/password-reset/", {"email": "kofi@example.org"},
                            REMOTE_ADDR=f"198.51.100.{i}").status_code for i in range(30)]
    assert statuses[:3] == [302, 302, 302] and set(statuses[3:]) == {429}
    assert OutboxMail.objects.filter(to="kofi@example.org").count() == 3


@pytest.mark.django_db
def test_signups_are_throttled_per_address_and_per_network(client):
    data = {"password": "a-long-unusual-passphrase", "name": "Ada", "preferred_language": "en"}
    made = [client.post("/accounts/signup/", {**data, "email": f"n{i}@example.org"})
            .status_code for i in range(throttles.SIGNUP_NETWORK.count + 1)]
    assert made[:-1] == [302] * throttles.SIGNUP_NETWORK.count and made[-1] == 429
    client.logout()
    refused = client.post("/accounts/signup/", {**data, "email": "late@example.org"})
    assert "Too many attempts" in refused.context["form"].errors["email"][0]
    assert 'value="Ada"' in refused.content.decode()  # what was typed is kept


@pytest.mark.django_db
def test_signin_and_failures_are_audited_without_the_password(client):
    person = PersonFactory(email="kofi@example.org")
    client.post("/accounts/login/", {"username": "kofi@example.org", "password": "wrong-guess"})
    client.post("/accounts/login/", {"username": "kofi@example.org", "password": PASSWORD})
    entries = list(AuditEntry.objects.filter(action__startswith="person.login")
                   .order_by("id").values_list("action", "actor", "object_id", "changes"))
    assert entries == [
        ("person.login_failed", None, str(person.pk),
         {"email": "kofi@example.org", "ip": "127.0.0.1"}),
        ("person.login", person.pk, str(person.pk), {"ip": "127.0.0.1"}),
    ]
    assert "wrong-guess" not in str(AuditEntry.objects.values_list("changes", flat=True))
