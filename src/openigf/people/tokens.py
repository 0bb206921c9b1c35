"""Signed, expiring, single-use links that prove a person reads mail at their address."""

from django.contrib.auth.tokens import PasswordResetTokenGenerator, default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


class AddressTokenGenerator(PasswordResetTokenGenerator):
    """Like the password reset token (valid ``PASSWORD_RESET_TIMEOUT``, three days), but for
    the address: it stops working once the address is confirmed, the password changes or the
    address changes. Signing in does not spoil it (a new account signs in right after the
    mail is made)."""

    key_salt = "openigf.people.tokens.AddressTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        verified = "" if user.email_verified is None else user.email_verified.isoformat()
        return f"{user.pk}|{user.password}|{timestamp}|{user.email or ''}|{verified}"


address_token = AddressTokenGenerator()


def uid_of(person) -> str:
    return urlsafe_base64_encode(force_bytes(person.pk))


def confirm_path(person) -> str:
    return reverse("people:confirm_address",
                   kwargs={"uidb64": uid_of(person), "token": address_token.make_token(person)})


def reset_path(person) -> str:
    return reverse("people:password_reset_confirm",
                   kwargs={"uidb64": uid_of(person),
                           "token": default_token_generator.make_token(person)})
