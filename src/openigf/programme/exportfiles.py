"""The published schedule's exports (frab XML, C3VOC JSON, iCalendar, CSV) as files.

Conference apps and calendars fetch ``schedule.json``, ``.xml`` and ``.ics`` again and again on
meeting day. Each is rendered once per published version (``pagecache.Version``: the latest
release and the edition's generation, moved on by any edit that shows), language and site
address, written to ``EXPORTS_ROOT/<edition>/`` with a gzipped twin, and then only sent:
a ``FileResponse`` (gunicorn hands it to ``sendfile``) with a strong ``ETag`` naming the version
and the encoding, ``Last-Modified``, and a 304 to a conditional request that still holds.

A file missing on this host (another host rendered it, or a new version was published) is
rendered on demand and written atomically (a temporary file renamed over it), so that several
processes on several hosts sharing one database each serve what the database says is
published. Files of older versions are removed when a newer one is written.

The files of a *published* edition are the same for everyone, so ``ExportFilesMiddleware``
answers them before sessions, CSRF, authentication and messages are set up (as WhiteNoise does
for static files), with one query. Everything else (an unpublished edition, an address the
site does not serve, a database that does not answer) goes on to ``ExportView``, which checks
who asks and then answers with the same ``answer``.
"""

import gzip
import hashlib
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.http import FileResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from openigf.forums.models import Edition
from openigf.programme import exporters, pagecache, queries

FORMATS = {"xml": ("application/xml", exporters.to_frab_xml),
           "json": ("application/json", exporters.to_json),
           "ics": ("text/calendar; charset=utf-8", exporters.to_ical),
           "csv": ("text/csv; charset=utf-8", exporters.to_csv)}
ATTACHMENTS = {"ics", "csv"}
KEEP_OLD_SECONDS = 300  # an older version's file may still be being sent by another process


def _writer_digest() -> str:
    """The code that writes the files: a deploy that changes it renders them anew."""
    package = Path(exporters.__file__).parent
    sources = [Path(exporters.__file__), *sorted((package / "interchange").glob("*.py"))]
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


WRITER = _writer_digest()


def folder(edition_id) -> Path:
    return Path(settings.EXPORTS_ROOT) / str(edition_id)


@dataclass(frozen=True)
class KeptFile:
    """One export of one version, language and address, and its gzipped twin."""

    path: Path
    gzipped: Path
    version_part: str
    variant_part: str

    def tag(self, zipped: bool) -> str:
        """A strong validator: each encoding is its own representation."""
        return f'"{self.version_part}-{self.variant_part}{"-gz" if zipped else ""}"'


def kept_file(version: pagecache.Version, fmt: str, request, load_edition) -> KeptFile:
    """The file of ``fmt`` for ``version`` in the active language for the address ``request``
    was made to (the files hold absolute URLs); rendered and written when missing here."""
    version_part = hashlib.sha256(f"{WRITER}|{version.token}".encode()).hexdigest()[:20]
    variant = f"{fmt}|{translation.get_language() or ''}|{request.build_absolute_uri('/')}"
    variant_part = hashlib.sha256(variant.encode()).hexdigest()[:12]
    directory = folder(version.edition_id)
    path = directory / f"schedule-{version_part}-{variant_part}.{fmt}"
    kept = KeptFile(path, path.with_name(path.name + ".gz"), version_part, variant_part)
    # the gzipped twin is written first: the plain file present means both are
    if not path.is_file():
        edition = load_edition()
        release, items = queries.published(edition)
        body = FORMATS[fmt][1](edition, items, request, release=release)
        raw = body.encode() if isinstance(body, str) else body
        directory.mkdir(parents=True, exist_ok=True)
        _write(kept.gzipped, gzip.compress(raw, compresslevel=9, mtime=0))
        _write(path, raw)
        _remove_older(directory, fmt, version_part)
    return kept


def _write(target: Path, data: bytes) -> None:
    """All or nothing: a reader sees the old file, no file, or the whole new one."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                         suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _remove_older(directory: Path, fmt: str, version_part: str) -> None:
    """Files of other versions, once no process can still be starting to send them."""
    now = time.time()
    for other in directory.glob(f"schedule-*.{fmt}*"):
        if other.name.startswith(f"schedule-{version_part}-"):
            continue
        try:
            if now - other.stat().st_mtime > KEEP_OLD_SECONDS:
                other.unlink()
        except FileNotFoundError:  # another process removed it first
            pass


def answer(request, version: pagecache.Version, fmt: str, load_edition, *, names: str,
           canonical: str = ""):
    """The export's answer: the file (gzipped to clients that accept it) or a 304/412."""
    kept = kept_file(version, fmt, request, load_edition)
    zipped = pagecache.accepts_gzip(request)
    tag = kept.tag(zipped)
    response = get_conditional_response(request, etag=tag,
                                        last_modified=version.last_modified)
    if response is None:
        response = FileResponse(open(kept.gzipped if zipped else kept.path, "rb"),  # noqa: SIM115 (closed by the response)
                                content_type=FORMATS[fmt][0],
                                as_attachment=fmt in ATTACHMENTS,
                                filename=f"{names}-schedule.{fmt}")
        if zipped:
            response["Content-Encoding"] = "gzip"
    response["ETag"] = tag
    if version.last_modified:
        response["Last-Modified"] = http_date(version.last_modified)
    # the same file for everyone: shared caches may keep it, and ask again each time
    response["Cache-Control"] = "public, no-cache"
    response["Content-Language"] = translation.get_language() or settings.LANGUAGE_CODE
    patch_vary_headers(response, ("Accept-Encoding", "Accept-Language", "Cookie"))
    if canonical:
        response["Link"] = f'<{canonical}>; rel="canonical"'
    return response


# /<forum>/<edition>/schedule.<fmt> and its first address under agenda/ (programme.urls)
ADDRESS = re.compile(r"^/(?P<forum>[-\w]+)/(?P<edition>[-\w]+)/(?P<moved>agenda/)?"
                     r"schedule\.(?P<fmt>\w+)$", re.ASCII)


def published_answer(request, forum: str, edition: str, fmt: str, moved: bool):
    """The answer for a published edition, with one query; None to let the view answer."""
    if fmt not in FORMATS:
        return None
    try:
        request.get_host()
        row = (Edition.objects.filter(forum__slug=forum, slug=edition)
               .order_by("-releases__number")
               .values_list("pk", "published", "releases__pk", "releases__number",
                            "releases__created").first())
    except (DisallowedHost, DatabaseError):
        return None  # the full stack answers these (400, 503)
    if row is None or not row[1]:
        return None  # no such edition (404), or only the Secretariat may see it
    edition_id, _, release_id, number, created = row
    version = pagecache.Version(edition_id, release_id, number or 0, created,
                                pagecache.generation(edition_id))
    canonical = request.build_absolute_uri(f"/{forum}/{edition}/schedule.{fmt}") if moved else ""
    with translation.override(translation.get_language_from_request(request)):
        return answer(request, version, fmt,
                      lambda: Edition.objects.select_related("forum").get(pk=edition_id),
                      names=f"{forum}-{edition}", canonical=canonical)


class ExportFilesMiddleware:
    """Exports of published editions, answered before the rest of the stack (see above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and (match := ADDRESS.match(request.path_info)):
            response = published_answer(request, match["forum"], match["edition"],
                                        match["fmt"], bool(match["moved"]))
            if response is not None:
                return response
        return self.get_response(request)
