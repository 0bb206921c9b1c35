"""What the public programme pages show everyone, rendered once and served many times.

On meeting day thousands open the agenda and session pages again and again; their shared parts
(the agenda's list and grid, a session's facts, description and people) change only when the
Secretariat publishes a version or edits what shows. They are kept in the cache under a key
naming the published version (``Version``: the latest release, read in one query, so a
publication is seen by every process) and the edition's *generation*, a number in the cache
that any save or delete touching the edition's programme moves on (``bump``, wired in
``apps.py``), with the language and the filters. Personal parts (the signed-in header, stars,
the Secretariat's edit link, sections of other parts) are rendered around them per request.

Responses carry an ``ETag`` and ``Last-Modified``; a conditional request that matches gets a
304 (malformed validators are ignored); HTML is sent gzipped to clients that accept it. The
exports are kept as files per version (``exportfiles``).
"""

import datetime
import hashlib
import struct
import time
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.text import compress_string

from openigf.programme.models import Release

TIMEOUT = 6 * 3600  # a kept page also expires, so that an orphaned key does not linger
MIN_GZIP = 500


def _generation_key(edition_id) -> str:
    return f"programme:generation:{edition_id}"


def generation(edition_id) -> float:
    """When something touching the edition's programme last changed. A generation the cache
    lost (a restart) starts anew at this moment rather than at 0, so that nothing kept
    outside the cache (``exportfiles``) from before the loss is taken for current."""
    key = _generation_key(edition_id)
    value = cache.get(key)
    if value is None:
        cache.add(key, time.time(), None)
        value = cache.get(key) or 0
    return value


def bump(edition_id) -> None:
    """Forget every kept page of the edition (they are keyed by the generation)."""
    if edition_id is not None:
        cache.set(_generation_key(edition_id), time.time(), None)


@dataclass(frozen=True)
class Version:
    """What the public sees of an edition's programme at one moment."""

    edition_id: int
    release_id: int | None
    release_number: int
    release_created: datetime.datetime | None
    generation: float

    @property
    def token(self) -> str:
        created = self.release_created.timestamp() if self.release_created else 0
        return f"{self.edition_id}.{self.release_id}.{created}.{self.generation}"

    @property
    def last_modified(self) -> int | None:
        """Whole seconds, as HTTP dates carry them."""
        created = self.release_created.timestamp() if self.release_created else None
        if created is None:
            return None
        return int(max(created, self.generation))


def version_of(edition) -> Version:
    latest = (Release.objects.filter(edition=edition).order_by("-number")
              .values_list("pk", "number", "created").first())
    release_id, number, created = latest or (None, 0, None)
    return Version(edition.pk, release_id, number, created, generation(edition.pk))


def kept(name: str, version: Version, parts: tuple, render):
    """``render()`` once per version, language and ``parts`` (e.g. the filters); then kept."""
    raw = "|".join(str(p) for p in parts)
    digest = hashlib.sha256(raw.encode()).hexdigest()[:24]
    key = (f"programme:page:{name}:{version.token}:{translation.get_language()}:"
           f"{settings.STATIC_URL}:{digest}")
    value = cache.get(key)
    if value is None:
        value = render()
        cache.set(key, value, TIMEOUT)
    return value


def etag(request, version: Version, *parts) -> str:
    """A validator of the whole answer: the shared part's version, language and ``parts``,
    and whose answer it is (account and CSRF cookie: the page holds a form token)."""
    who = f"{request.user.pk or '-'}:{request.COOKIES.get(settings.CSRF_COOKIE_NAME, '')}"
    raw = "|".join([version.token, translation.get_language() or "", who,
                    *(str(p) for p in parts)])
    return '"' + hashlib.sha256(raw.encode()).hexdigest()[:32] + '"'


def _messages_waiting(request) -> bool:
    storage = getattr(request, "_messages", None)
    return bool(storage is not None and len(storage))


def not_modified(request, version: Version, tag: str, *, personal: bool = True):
    """The 304 (or 412) answer to a conditional request that still holds; else None.

    A page with personal parts (``personal``) is judged by its ETag alone, which names the
    reader: a date cannot tell that someone signed in since. Nor to a client without the CSRF
    cookie: the page it kept holds a form token it cannot use."""
    if personal and (_messages_waiting(request)
                     or not request.COOKIES.get(settings.CSRF_COOKIE_NAME)):
        return None
    response = get_conditional_response(
        request, etag=tag, last_modified=None if personal else version.last_modified)
    if response is not None:
        _headers(response, version, tag)
    return response


def _headers(response, version: Version, tag: str) -> None:
    response["ETag"] = tag
    if version.last_modified:
        response["Last-Modified"] = http_date(version.last_modified)
    # Browsers keep the page and ask again each time: a 304 when nothing changed.
    response["Cache-Control"] = "private, no-cache"
    patch_vary_headers(response, ("Cookie", "Accept-Language", "Accept-Encoding"))


@dataclass(frozen=True)
class Kept:
    """A shared part of a page, and the same compressed once: raw deflate ending on a
    byte boundary (a sync flush), so that it joins the per-request parts compressed around
    it into one gzip stream."""

    raw: bytes
    deflated: bytes

    def __str__(self):
        return self.raw.decode()


def keep(html: str) -> Kept:
    raw = html.encode()
    return Kept(raw, _deflate(raw, final=False))


def _deflate(raw: bytes, *, final: bool) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(raw) + compressor.flush(zlib.Z_FINISH if final
                                                       else zlib.Z_SYNC_FLUSH)


# Stands where a kept part goes in the page rendered around it.
SLOT = "\x00openigf-kept-part\x00"
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"


def assemble(request, page: str, parts: list[Kept], status: int = 200):
    """The answer made of ``page`` (rendered per request, a ``SLOT`` where each of ``parts``
    goes, in order) and the kept parts: gzip to clients that accept it, compressing only
    what was rendered for this request."""
    pieces = page.split(SLOT)
    if len(pieces) != len(parts) + 1:
        raise ValueError("one SLOT per kept part")
    own = [piece.encode() for piece in pieces]
    if not accepts_gzip(request):
        kept_raw = [p.raw for p in parts] + [b""]
        body = b"".join(b for pair in zip(own, kept_raw, strict=True) for b in pair)
        return HttpResponse(body, status=status)
    chunks, crc, size = [_GZIP_HEADER], 0, 0
    for n, raw in enumerate(own):
        last = n == len(own) - 1
        chunks.append(_deflate(raw, final=last))
        crc, size = zlib.crc32(raw, crc), size + len(raw)
        if not last:
            part = parts[n]
            chunks.append(part.deflated)
            crc, size = zlib.crc32(part.raw, crc), size + len(part.raw)
    chunks.append(struct.pack("<II", crc & 0xFFFFFFFF, size & 0xFFFFFFFF))
    response = HttpResponse(b"".join(chunks), status=status)
    response["Content-Encoding"] = "gzip"
    return response


CSRF_SLOT = "\x00openigf-form-token\x00"
FRAME_SECONDS = 60  # the menus may show a page of another part that appeared since
MAX_FRAME_PATH = 300


def frame(request, version: Version, name: str, render) -> str:
    """The page around the kept parts: ``render(csrf_token)`` for this request. For readers
    without an account it is the same but for the form token, so it is kept a minute per
    address, version and language, the token put in per request."""
    path = request.get_full_path()
    if (request.user.is_authenticated or _messages_waiting(request)
            or len(path) > MAX_FRAME_PATH):
        return render(None)
    digest = hashlib.sha256(path.encode()).hexdigest()[:24]
    key = (f"programme:frame:{name}:{version.token}:{translation.get_language()}:"
           f"{settings.STATIC_URL}:{digest}")
    html = cache.get(key)
    if html is None:
        html = render(CSRF_SLOT)
        cache.set(key, html, FRAME_SECONDS)
    return html.replace(CSRF_SLOT, get_token(request))


def accepts_gzip(request) -> bool:
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "").lower()


def finish(request, response, version: Version, tag: str):
    """Validators, caching headers and gzip on a page's answer."""
    _headers(response, version, tag)
    if (response.status_code == 200 and not response.streaming and accepts_gzip(request)
            and len(response.content) >= MIN_GZIP and not response.has_header("Content-Encoding")):
        response.content = compress_string(response.content)
        response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(response.content))
    return response
