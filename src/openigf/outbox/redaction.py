"""Hide the secrets a mail carries (password-reset, claim and invitation links, signed codes)
when the Secretariat reads it on the outbox page: whoever reads the page must not be able to
use the link in the reader's place."""

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.urls import Resolver404, resolve

HIDDEN = "[hidden]"
# URL parts named like these carry a secret (password reset: uidb64 + token; invitations).
SECRET_NAMES = frozenset({"token", "uidb64", "invitation", "key", "code", "signature", "secret",
                          "claim"})
URL = re.compile(r"""https?://[^\s<>"']+""")
# django.core.signing output: payload[:timestamp]:signature (base64 of SHA-256, 27+ chars).
SIGNED = re.compile(r"[\w-]{8,}(?::[\w-]{4,})?:[\w-]{27,}")


def _path_secrets(path: str) -> set[str]:
    try:
        match = resolve(path)
    except Resolver404:
        return set()
    return {str(v) for k, v in match.kwargs.items() if k in SECRET_NAMES}


def _redact_url(url: str) -> str:
    trailing = ""
    while url and url[-1] in ".,;:!?)":  # punctuation ending the sentence, not the URL
        url, trailing = url[:-1], url[-1] + trailing
    parts = urlsplit(url)
    secrets = _path_secrets(parts.path)
    path = "/".join(HIDDEN if segment in secrets or SIGNED.fullmatch(segment) else segment
                    for segment in parts.path.split("/"))
    query = urlencode([(k, HIDDEN if k.lower() in SECRET_NAMES or SIGNED.fullmatch(v) else v)
                       for k, v in parse_qsl(parts.query, keep_blank_values=True)], safe="[]")
    return urlunsplit((parts.scheme, parts.netloc, path, query, parts.fragment)) + trailing


def redact_secrets(text: str) -> str:
    """``text`` with every secret part of its links, and any signed code, replaced by
    ``[hidden]``; the rest of each link stays readable."""
    text = URL.sub(lambda m: _redact_url(m.group(0)), text)
    return SIGNED.sub(HIDDEN, text)
