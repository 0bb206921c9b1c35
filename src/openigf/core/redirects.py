"""Where to send someone after a form: only back to a page of this site (no open redirect)."""

from urllib.parse import urlsplit

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

REDIRECT_FIELD = "next"


def is_safe_next(url: str | None, request: HttpRequest) -> bool:
    """A path on this site: relative (``/igf/2019/``), never another host (``//evil``,
    ``https://evil``, ``\\\\evil``), a scheme (``javascript:``) or control characters."""
    if not url or not url.startswith("/") or url.startswith(("//", "/\\")):
        return False
    if any(ord(c) < 32 or c == "\x7f" for c in url):
        return False
    if not url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        return False
    return not urlsplit(url).netloc


def safe_next(request: HttpRequest, fallback: str = "/", *, referer: bool = False,
              avoid: tuple[str, ...] = ()) -> str:
    """The ``next`` of the form (POST) or the address (GET) when it is a page of this site,
    else the page one came from (``referer=True``, same site), else ``fallback``; never a
    page under a prefix of ``avoid``."""
    for candidate in (request.POST.get(REDIRECT_FIELD), request.GET.get(REDIRECT_FIELD)):
        if is_safe_next(candidate, request) and not candidate.startswith(avoid):
            return candidate
    if referer:
        came_from = request.META.get("HTTP_REFERER", "")
        parts = urlsplit(came_from)
        if parts.netloc == request.get_host():
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if is_safe_next(path, request) and not path.startswith(avoid):
                return path
    return fallback
