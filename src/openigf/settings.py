"""openigf settings: every value comes from an environment variable declared here, once.

Defaults are the safe production ones, except that without ``DEBUG`` a ``SECRET_KEY`` and
``ALLOWED_HOSTS`` must be given. ``make demo`` sets ``DEBUG=true``; ``docs/deploy.md`` lists the
variables a production installation sets.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from openigf.core.cache import cache_settings

PACKAGE_DIR = Path(__file__).resolve().parent
env = environ.Env()


def _read(name, cast, default=environ.Env.NOTSET, **kwargs):
    """Read one variable; a malformed value stops start-up with a message naming it."""
    try:
        return cast(name, default=default, **kwargs)
    except ImproperlyConfigured:
        raise ImproperlyConfigured(
            f"Set the environment variable {name} (it is required).") from None
    except Exception as exc:  # environ raises several types on malformed values
        raise ImproperlyConfigured(
            f"The environment variable {name} is malformed: {exc}") from None


_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}


def _strict_bool(name, default=environ.Env.NOTSET):
    """A boolean that refuses anything but true/false, 1/0, yes/no, on/off."""
    value = env.str(name, default=None)
    if value is None:
        if default is environ.Env.NOTSET:
            raise ImproperlyConfigured(name)
        return default
    if value.strip().lower() not in _TRUE | _FALSE:
        raise ValueError(f"“{value}” is not a boolean (use true or false)")
    return value.strip().lower() in _TRUE



DEBUG = _read("DEBUG", _strict_bool, False)
DATA_DIR = Path(_read("OPENIGF_DATA_DIR", env.str, str(Path.cwd() / "var"))).resolve()

if DEBUG:
    SECRET_KEY = _read("SECRET_KEY", env.str, "openigf-insecure-development-key-" + "x" * 40)
    ALLOWED_HOSTS = _read("ALLOWED_HOSTS", env.list, ["127.0.0.1", "localhost", "[::1]"])
else:
    SECRET_KEY = _read("SECRET_KEY", env.str)
    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured(
            "The environment variable SECRET_KEY is too weak: use at least 50 random characters."
        )
    ALLOWED_HOSTS = _read("ALLOWED_HOSTS", env.list)
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("Set the environment variable ALLOWED_HOSTS (comma-separated).")

SITE_URL = _read("SITE_URL", env.str, "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = _read("CSRF_TRUSTED_ORIGINS", env.list, [])

# --- Database -------------------------------------------------------------------------------
DATABASES = {
    "default": _read("DATABASE_URL", env.db_url, f"sqlite:///{DATA_DIR / 'openigf.sqlite3'}")
}
if DATABASES["default"].get("ENGINE") not in ("django.db.backends.postgresql",
                                              "django.db.backends.sqlite3"):
    raise ImproperlyConfigured("The environment variable DATABASE_URL must start with "
                               "postgres:// or sqlite:///.")
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)
# Kept open between requests, SQLite too: a new SQLite connection reads the whole schema
# (some hundred tables) before its first query, about 5 ms on every page.
DATABASES["default"]["CONN_MAX_AGE"] = _read("DATABASE_CONN_MAX_AGE", env.int, 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Background work ------------------------------------------------------------------------
REDIS_URL = _read("REDIS_URL", env.str, "")
CELERY_BROKER_URL = _read("CELERY_BROKER_URL", env.str, REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = _read("CELERY_RESULT_BACKEND", env.str, "") or None
# Without a broker, tasks run inline in the web process (the embedded default).
CELERY_TASK_ALWAYS_EAGER = _read("TASKS_INLINE", _strict_bool, not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BEAT_SCHEDULE = {
    "outbox-flush": {"task": "openigf.outbox.tasks.outbox_flush", "schedule": 60.0},
    "nri-lapse": {"task": "openigf.community.tasks.nri_lapse_all", "schedule": 24 * 3600.0},
    "report-reminders": {"task": "openigf.reporting.tasks.reminders_send", "schedule": 3600.0},
}

# --- Cache ----------------------------------------------------------------------------------
# A Redis outage is a cache miss, never an error page (openigf.core.cache).
CACHES = cache_settings(redis_url=REDIS_URL, cache_url=_read("CACHE_URL", env.str, ""))

# --- Mail -----------------------------------------------------------------------------------
globals().update(_read("EMAIL_URL", env.email_url, "consolemail://" if DEBUG else "smtp://localhost:25"))
DEFAULT_FROM_EMAIL = _read("DEFAULT_FROM_EMAIL", env.str, "openigf <no-reply@openigf.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
OUTBOX_MAX_ATTEMPTS = _read("OUTBOX_MAX_ATTEMPTS", env.int, 8)
# A sender holds its outbox row while the SMTP server answers: never wait for ever.
EMAIL_TIMEOUT = _read("EMAIL_TIMEOUT", env.int, 30)

# --- Applications ---------------------------------------------------------------------------
OPENIGF_APPS = [
    "openigf.core",
    "openigf.people",
    "openigf.forums",
    "openigf.outbox",
    "openigf.consultation",
    "openigf.proposals",
    "openigf.review",
    "openigf.programme",
    "openigf.registration",
    "openigf.funding",
    "openigf.transcripts",
    "openigf.reporting",
    "openigf.outcomes",
    "openigf.community",
    "openigf.analytics",
    "openigf.api",
]
INSTALLED_APPS = [
    "modeltranslation",  # before the admin, as it asks
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    *OPENIGF_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "openigf.api.middleware.JsonErrorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "openigf.core.middleware.BadInputMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "openigf.core.middleware.ActorMiddleware",
    "openigf.core.tenancy.TenancyMiddleware",
    "openigf.core.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "openigf.urls"
WSGI_APPLICATION = "openigf.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "openigf.core.context_processors.layout",
            ],
        },
    }
]

# --- People and permissions -----------------------------------------------------------------
AUTH_USER_MODEL = "people.Person"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "people:login"
LOGIN_REDIRECT_URL = "forums:home"
LOGOUT_REDIRECT_URL = "forums:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

if _read("FAST_PASSWORD_HASHER", _strict_bool, False):  # test suites only: hashing costs ~0.2 s
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# --- Languages ------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# Texts people enter (themes, calls, sessions, IGF Messages, the Chair's Summary) may carry a
# version per language (django-modeltranslation: one column per language). A reader sees their
# language's version, else the first version that exists, in this order, marked as such.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh-hans")
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# --- Static and uploaded files --------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(_read("STATIC_ROOT", env.str, str(DATA_DIR / "static")))
STATICFILES_DIRS = [PACKAGE_DIR / "static"]  # the layout's CSS/JS and vendored assets
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(_read("MEDIA_ROOT", env.str, str(DATA_DIR / "media")))
# The published schedules' exports, rendered once per version (programme.exportfiles); each
# host may keep its own: a missing file is rendered again.
EXPORTS_ROOT = Path(_read("EXPORTS_ROOT", env.str, str(DATA_DIR / "exports")))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if _read("STATIC_MANIFEST", _strict_bool, not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = _read("STATIC_FROM_SOURCE", _strict_bool, DEBUG)

# --- Security -------------------------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if _read("BEHIND_PROXY", _strict_bool, False) else None
)
SECURE_SSL_REDIRECT = _read("SECURE_SSL_REDIRECT", _strict_bool, not DEBUG)
SECURE_HSTS_SECONDS = _read("SECURE_HSTS_SECONDS", env.int, 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = _read("SECURE_HSTS_PRELOAD", _strict_bool, not DEBUG)
SESSION_COOKIE_SECURE = _read("SESSION_COOKIE_SECURE", _strict_bool, not DEBUG)
CSRF_COOKIE_SECURE = _read("CSRF_COOKIE_SECURE", _strict_bool, not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Scripts and style sheets only from this site's own files: no inline script, no inline
# <style>. Style attributes stay allowed (bar widths and theme colours come from data).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# models.W040: SQLite (the embedded default) keeps covering indexes without their INCLUDE
# columns; PostgreSQL, the production database, has them whole.
SILENCED_SYSTEM_CHECKS = _read("SILENCED_SYSTEM_CHECKS", env.list,
                               ["models.W040"] if DATABASES["default"]["ENGINE"].endswith("sqlite3")
                               else [])

# --- API -----------------------------------------------------------------------------------
# Requests per minute (429 with Retry-After beyond): per client address, and per token.
API_RATE_LIMITS = {"address": _read("API_RATE_PER_ADDRESS", env.int, 300),
                   "token": _read("API_RATE_PER_TOKEN", env.int, 600)}

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": _read("LOG_LEVEL", env.str, "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"},
                # WeasyPrint and fontTools narrate every step of a PDF at INFO.
                "weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
