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

The files of a *published* edition are the same for everyone, so ``ExportFilesApplication``
(the WSGI application of ``openigf.wsgi`` wraps Django's) answers them before Django's handler
and middleware, with one query (its SQL compiled once), one cache read (the generation) and
one ``open``: what a version's file is called and its headers are kept per process, keyed by
the version, so a new publication or edit is seen at once. It does what the handler does
around a request (the ``request_started`` / ``request_finished`` signals: broken or too old
database connections are closed) and adds the headers ``SecurityMiddleware`` and
``CSPMiddleware`` would. Everything else (an unpublished edition, an address the site does not
serve, a redirect to HTTPS, a database that does not answer) goes on to Django and
``ExportView``, which checks who asks and then answers with the same ``reply``.
"""

import datetime
import gzip
import hashlib
import logging
import os
import re
import tempfile
import time
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from wsgiref.util import FileWrapper

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core import signals
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest, get_script_name
from django.core.signals import setting_changed
from django.db import DatabaseError, connections, router
from django.dispatch import receiver
from django.http import FileResponse, HttpRequest, HttpResponse
from django.middleware.security import SecurityMiddleware
from django.urls import set_script_prefix
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.dateparse import parse_datetime
from django.utils.http import content_disposition_header, http_date

from openigf.forums.models import Edition
from openigf.programme import exporters, pagecache, queries

logger = logging.getLogger(__name__)

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


_KEPT: dict[tuple, KeptFile] = {}  # per process: a hit costs neither hashing nor a stat
_KEPT_MAX = 512


def kept_file(version: pagecache.Version, fmt: str, language: str, base: str, request,
              load_edition, *, check: bool = True) -> KeptFile:
    """The file of ``fmt`` for ``version`` in ``language`` for the site address ``base`` (the
    files hold absolute URLs); rendered and written when missing here (``check``: look first;
    otherwise the caller opens it and asks again with ``check`` when it is gone)."""
    key = (version.token, fmt, language, base)
    kept = _KEPT.get(key)
    if kept is None:
        version_part = hashlib.sha256(f"{WRITER}|{version.token}".encode()).hexdigest()[:20]
        variant_part = hashlib.sha256(f"{fmt}|{language}|{base}".encode()).hexdigest()[:12]
        path = folder(version.edition_id) / f"schedule-{version_part}-{variant_part}.{fmt}"
        kept = KeptFile(path, path.with_name(path.name + ".gz"), version_part, variant_part)
        check = True
    # the gzipped twin is written first: the plain file present means both are
    if check and not kept.path.is_file():
        edition = load_edition()
        release, items = queries.published(edition)
        with translation.override(language or None):
            body = FORMATS[fmt][1](edition, items, request, release=release)
        raw = body.encode() if isinstance(body, str) else body
        kept.path.parent.mkdir(parents=True, exist_ok=True)
        _write(kept.gzipped, gzip.compress(raw, compresslevel=9, mtime=0))
        _write(kept.path, raw)
        _remove_older(kept.path.parent, fmt, kept.version_part)
    if len(_KEPT) >= _KEPT_MAX:
        _KEPT.clear()
    _KEPT[key] = kept
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


def reply(request, version: pagecache.Version, fmt: str, language: str, base: str,
          load_edition, *, names: str, canonical: str = ""):
    """The export's answer as ``(status, headers, file)``: the file (gzipped to clients that
    accept it) with its headers, or a 304/412 and no file. ``base``: the site's address as
    ``request.build_absolute_uri("/")`` gives it."""
    kept = kept_file(version, fmt, language, base, request, load_edition, check=False)
    zipped = pagecache.accepts_gzip(request)
    tag = kept.tag(zipped)
    key = (kept, zipped, version.last_modified, language, names, canonical)
    common = _COMMON.get(key)
    if common is None:
        common = [("ETag", tag), ("Cache-Control", "public, no-cache"),
                  ("Content-Language", language or settings.LANGUAGE_CODE),
                  ("Vary", "Accept-Encoding, Accept-Language, Cookie")]
        if version.last_modified:
            common.append(("Last-Modified", http_date(version.last_modified)))
        if canonical:
            common.append(("Link", f'<{canonical}>; rel="canonical"'))
        if len(_COMMON) >= _KEPT_MAX:
            _COMMON.clear()
        _COMMON[key] = common
    meta = request.META
    conditional = get_conditional_response(request, etag=tag,
                                           last_modified=version.last_modified) if (
        "HTTP_IF_NONE_MATCH" in meta or "HTTP_IF_MODIFIED_SINCE" in meta
        or "HTTP_IF_MATCH" in meta or "HTTP_IF_UNMODIFIED_SINCE" in meta) else None
    if conditional is not None:
        names_set = {name.lower() for name, _ in common}
        kept_headers = [(k, v) for k, v in conditional.items() if k.lower() not in names_set]
        return conditional.status_code, kept_headers + common, None
    path = kept.gzipped if zipped else kept.path
    try:
        file = open(path, "rb")  # noqa: SIM115 (closed by whoever sends it)
    except FileNotFoundError:  # removed here since: written again
        kept = kept_file(version, fmt, language, base, request, load_edition)
        file = open(path, "rb")  # noqa: SIM115
    headers = [("Content-Type", FORMATS[fmt][0]),
               ("Content-Length", str(os.fstat(file.fileno()).st_size)),
               ("Content-Disposition",
                content_disposition_header(fmt in ATTACHMENTS, f"{names}-schedule.{fmt}")),
               *common]
    if zipped:
        headers.append(("Content-Encoding", "gzip"))
    return 200, headers, file


_COMMON: dict[tuple, list] = {}


def answer(request, version: pagecache.Version, fmt: str, load_edition, *, names: str,
           canonical: str = ""):
    """``reply`` as a Django response, for ``ExportView`` (in the active language)."""
    status, headers, file = reply(request, version, fmt, translation.get_language() or "",
                                  request.build_absolute_uri("/"), load_edition, names=names,
                                  canonical=canonical)
    if file is None:
        response = HttpResponse(status=status)
        if status == 304:
            del response["Content-Type"]
    else:
        response = FileResponse(file, content_type=FORMATS[fmt][0])
    for name, value in headers:
        response[name] = value
    return response


# /<forum>/<edition>/schedule.<fmt> and its first address under agenda/ (programme.urls)
ADDRESS = re.compile(r"^/(?P<forum>[-\w]+)/(?P<edition>[-\w]+)/(?P<moved>agenda/)?"
                     r"schedule\.(?P<fmt>\w+)$", re.ASCII)


def _statement(alias: str) -> tuple[str, tuple[int, ...]]:
    """The SQL of the one query an early answer costs, compiled once by the ORM (as it would be
    on each call), and where the forum's and the edition's slugs go in its parameters."""
    query = (Edition.objects.filter(forum__slug="\0forum", slug="\0edition")
             .order_by("-releases__number")
             .values_list("pk", "published", "releases__pk", "releases__number",
                          "releases__created")[:1]).query
    sql, params = query.get_compiler(using=alias).as_sql()
    return sql, tuple(0 if value == "\0forum" else 1 for value in params)


def _published_row(forum: str, edition: str):
    alias = router.db_for_read(Edition)
    statement = _STATEMENTS.get(alias)
    if statement is None:
        statement = _STATEMENTS[alias] = _statement(alias)
    sql, order = statement
    slugs = (forum, edition)
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, [slugs[i] for i in order])
        row = cursor.fetchone()
    if row is None or not row[1]:
        return None
    edition_id, _, release_id, number, created = row
    if created is not None and not isinstance(created, datetime.datetime):
        created = parse_datetime(created)  # SQLite without the column's converter
    if created is not None and timezone.is_naive(created):
        created = timezone.make_aware(created, datetime.UTC)  # SQLite keeps UTC, naive
    return edition_id, release_id, number, created


_STATEMENTS: dict[str, tuple] = {}
_STACK: dict[bool, list] = {}
_REDIRECT: list = []


def _stack_headers(secure: bool) -> list[tuple[str, str]]:
    """The headers ``SecurityMiddleware`` and ``CSPMiddleware`` add to a file's answer, worked
    out once by running them on an empty response (they depend on settings and the scheme)."""
    headers = _STACK.get(secure)
    if headers is None:
        request = HttpRequest()
        request.path = request.path_info = "/forum/edition/schedule.xml"
        request.is_secure = lambda: secure
        bare = HttpResponse(content_type="application/xml")
        before = set(bare.headers)
        response = SecurityMiddleware(lambda r: bare)(request)
        response = CSPMiddleware(lambda r: response)(request)
        headers = _STACK[secure] = [(k, v) for k, v in response.items() if k not in before]
    return headers


def _redirects(request) -> bool:
    """Whether ``SecurityMiddleware`` would send the request to HTTPS first."""
    if not _REDIRECT:
        _REDIRECT.append(SecurityMiddleware(lambda r: None))
    return _REDIRECT[0].process_request(request) is not None


@receiver(setting_changed)
def _settings_changed(**kwargs):
    _STATEMENTS.clear()
    _STACK.clear()
    _REDIRECT.clear()


def published_reply(environ, match):
    """The answer to a published edition's export as ``(status, headers, file)``, with one
    query; None to let Django answer (an unpublished or unknown edition, an address the site
    does not serve, a redirect to HTTPS, a database that does not answer)."""
    request = WSGIRequest(environ)
    if _redirects(request):
        return None
    forum, edition, fmt = match["forum"], match["edition"], match["fmt"]
    try:
        site = f"{request.scheme}://{request.get_host()}"  # as build_absolute_uri makes it
        row = _published_row(forum, edition)
    except (DisallowedHost, DatabaseError):
        return None  # the full stack answers these (400, 503)
    if row is None:
        return None  # no such edition (404), or only the Secretariat may see it
    edition_id, release_id, number, created = row
    version = pagecache.Version(edition_id, release_id, number or 0, created,
                                pagecache.generation(edition_id))
    canonical = f"{site}/{forum}/{edition}/schedule.{fmt}" if match["moved"] else ""
    language = translation.get_language_from_request(request)
    status, headers, file = reply(
        request, version, fmt, language, f"{site}/",
        lambda: Edition.objects.select_related("forum").get(pk=edition_id),
        names=f"{forum}-{edition}", canonical=canonical)
    return status, headers + _stack_headers(request.is_secure()), file


BLOCK_SIZE = 64 * 1024


class ExportFilesApplication:
    """Wraps Django's WSGI application (``openigf.wsgi``): a published edition's exports are
    answered here, before Django's handler and middleware (see above); all else goes on."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD")
        if (method == "GET" or method == "HEAD") and (
                match := ADDRESS.match(environ.get("PATH_INFO", ""))) and match["fmt"] in FORMATS:
            answered = self.answer(environ, match)
            if answered is not None:
                status, headers, file = answered
                start_response(f"{status} {HTTPStatus(status).phrase}", headers)
                if file is None:
                    return []
                if method == "HEAD":
                    file.close()
                    return []
                return environ.get("wsgi.file_wrapper", FileWrapper)(file, BLOCK_SIZE)
        return self.application(environ, start_response)

    def answer(self, environ, match):
        # what Django's handler does around a request: the script prefix for reverse(), and
        # the signals that reset the query log and close broken or too old connections
        set_script_prefix(get_script_name(environ))
        signals.request_started.send(sender=self.__class__, environ=environ)
        try:
            return published_reply(environ, match)
        except Exception:  # Django answers it (and logs it as its own 500 if it fails again)
            logger.exception("Early answer to %s failed", environ.get("PATH_INFO"))
            return None
        finally:
            signals.request_finished.send(sender=self.__class__)
