"""The confirmation link of an input sent without an account: a credential, made at delivery
from ``SITE_URL`` (see ``outbox.register_link``) and never stored."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from openigf.consultation.models import Input, InputStatus

CONFIRM_SALT = "openigf.consultation.confirm"
CONFIRM_MAX_AGE = 7 * 24 * 3600  # a week
KIND_PREFIX = "consultation.confirm:"


def confirm_token(input_id: int) -> str:
    return signing.dumps(input_id, salt=CONFIRM_SALT)


def confirm_path(item) -> str:
    return reverse("consultation:confirm", kwargs={**item.edition.url_kwargs,
                                                   "token": confirm_token(item.pk)})


def confirm_input_link(message) -> str | None:

    if not message.kind.startswith(KIND_PREFIX):
        return None
    item = (Input.objects.select_related("edition__forum")
            .filter(pk=message.kind.removeprefix(KIND_PREFIX), email__iexact=message.to,
                    status=InputStatus.UNCONFIRMED).first())
    return settings.SITE_URL + confirm_path(item) if item else None
