"""Netizen's one settings module, configured from the environment.

Defaults give the embedded set-up: SQLite and uploaded media under ``NETIZEN_DATA_DIR``
and a database-backed task worker, with no other server. At scale, ``DATABASE_URL`` points at
PostgreSQL and ``NETIZEN_TASKS_BACKEND=rq`` with ``REDIS_URL`` moves background work to RQ.
"""

import json
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no variable; anything but a clear "yes" word is no."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    """Read a comma-separated variable into a list without blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DATA_DIR = Path(os.environ.get("NETIZEN_DATA_DIR", "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def load_secret_key(data_dir: Path) -> str:
    """Use NETIZEN_SECRET_KEY, else a key generated once and kept in the data directory.

    A key that survives restarts keeps sessions and signed links (comment receipts) valid
    without asking a newsroom to invent one for the embedded set-up.
    """
    if key := os.environ.get("NETIZEN_SECRET_KEY"):
        return key
    key_file = data_dir / "secret_key"
    if not key_file.exists():
        key_file.touch(mode=0o600)
        key_file.write_text(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


SECRET_KEY = load_secret_key(DATA_DIR)
DEBUG = env_bool("NETIZEN_DEBUG")
ALLOWED_HOSTS = env_list("NETIZEN_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("NETIZEN_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "netizen.stories",
    "netizen.sources",
    "netizen.discussion",
    "netizen.moderation",
    "netizen.translation",
    "netizen.bench",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "netizen.privacy.SameOriginPolicyMiddleware",
]

ROOT_URLCONF = "netizen.urls"
WSGI_APPLICATION = "netizen.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def database_settings() -> dict:
    """SQLite in the data directory unless DATABASE_URL names another database."""
    if url := os.environ.get("DATABASE_URL"):
        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "netizen.sqlite3",
        "OPTIONS": {
            # WAL lets readers work while the task worker writes; IMMEDIATE avoids
            # "database is locked" upgrades from read to write transactions. 16 KiB pages
            # (for a new database; an existing one keeps its own): the inbox stores about
            # 1 KB a post across eight B-trees, and importing 500,000 posts the writing
            # process used 12% less CPU than with 4 KiB pages (28.5 -> 24.9 s).
            "init_command": (
                "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
            ),
            "transaction_mode": "IMMEDIATE",
        },
    }


DATABASES = {"default": database_settings()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

redis_url = os.environ.get("REDIS_URL")
if redis_url:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    }


def tasks_settings(name: str) -> dict:
    """Pick the Tasks API backend: database worker, RQ on Redis, or immediate (tests)."""
    backends = {
        "database": {"BACKEND": "django_tasks_db.DatabaseBackend"},
        "rq": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]},
        "immediate": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
    }
    if name not in backends:
        raise ImproperlyConfigured(
            f"NETIZEN_TASKS_BACKEND={name!r}: choose one of {', '.join(backends)}"
        )
    return {"default": backends[name]}


TASKS = tasks_settings(os.environ.get("NETIZEN_TASKS_BACKEND", "database"))
if TASKS["default"]["BACKEND"].startswith("django_tasks_rq"):
    if not redis_url:
        raise ImproperlyConfigured("NETIZEN_TASKS_BACKEND=rq needs REDIS_URL")
    INSTALLED_APPS.append("django_tasks_rq")
    RQ_QUEUES = {"default": {"URL": redis_url}}


def mailer_settings() -> dict:
    """SMTP when NETIZEN_SMTP_HOST is set; else workflow e-mails are printed to the console."""
    if host := os.environ.get("NETIZEN_SMTP_HOST"):
        options = {
            "host": host,
            "port": int(os.environ.get("NETIZEN_SMTP_PORT", "587")),
            "username": os.environ.get("NETIZEN_SMTP_USER", ""),
            "password": os.environ.get("NETIZEN_SMTP_PASSWORD", ""),
            "use_tls": env_bool("NETIZEN_SMTP_TLS", default=True),
        }
        return {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": options,
            }
        }
    return {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}


MAILERS = mailer_settings()
DEFAULT_FROM_EMAIL = os.environ.get("NETIZEN_FROM_EMAIL", "newsroom@localhost")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns when it is missing
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve straight from the apps' static folders so `make run` needs no collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# The embedded set-up has no separate web server for uploads; a deployment behind
# nginx or object storage turns this off.
NETIZEN_SERVE_MEDIA = env_bool("NETIZEN_SERVE_MEDIA", default=True)
# The request header a trusted reverse proxy puts the client's address in, as Django names it
# (HTTP_X_FORWARDED_FOR, HTTP_X_REAL_IP). Empty: use the connection's address. The address is
# only ever kept as a keyed hash that rotates daily (netizen.discussion.clients).
NETIZEN_CLIENT_IP_HEADER = os.environ.get("NETIZEN_CLIENT_IP_HEADER", "")
# Languages comment screening chooses among (ISO 639-1, comma-separated).
NETIZEN_COMMENT_LANGUAGES = tuple(env_list("NETIZEN_COMMENT_LANGUAGES", "en,zh"))
# Screening thresholds that differ from the policy's 0.5, as JSON: for every language under
# "*", or for one ("en", "zh"), e.g. {"*": {"spam": 0.6}, "zh": {"hate_speech": 0.55}}.
try:
    NETIZEN_SCREENING_THRESHOLDS = json.loads(
        os.environ.get("NETIZEN_SCREENING_THRESHOLDS") or "{}"
    )
except json.JSONDecodeError as error:
    raise ImproperlyConfigured(f"NETIZEN_SCREENING_THRESHOLDS is not JSON: {error}") from None
# Hosts whose links in a comment are never taken for an advert (comma-separated; a host
# covers its subdomains): the sources readers cite, e.g. "reuters.com,apnews.com". The
# site's own host (NETIZEN_BASE_URL) is always one.
NETIZEN_TRUSTED_LINK_HOSTS = tuple(env_list("NETIZEN_TRUSTED_LINK_HOSTS", ""))
# Developer datasets for training and benchmarks (never read at run time); by default the
# shared folder next to the project's checkout.
NETIZEN_DATASETS = Path(
    os.environ.get("NETIZEN_DATASETS", PACKAGE_DIR.parent.parent / "shared" / "datasets")
).resolve()
# Languages the sources inbox detects among (ISO 639-1, comma-separated).
NETIZEN_SOURCE_LANGUAGES = tuple(env_list("NETIZEN_SOURCE_LANGUAGES", "zh,en,ko,ja,ru"))
# The largest file the admin's upload form imports (bigger ones: netizen sources import).
NETIZEN_UPLOAD_MAX_MB = int(os.environ.get("NETIZEN_UPLOAD_MAX_MB", "100"))
# A long import parses and prepares posts in a second process while this one writes.
NETIZEN_IMPORT_WORKER = env_bool("NETIZEN_IMPORT_WORKER", True)
# Screening that has given no verdict after this long leaves the comment for a person.
NETIZEN_SCREENING_DEADLINE_SECONDS = float(
    os.environ.get("NETIZEN_SCREENING_DEADLINE_SECONDS", "10")
)
# Screening model sets trained here (netizen moderation train), one folder per version, and
# the ACTIVE file naming the one in use; without it the models shipped with the code are used.
NETIZEN_MODERATION_MODELS_DIR = Path(
    os.environ.get("NETIZEN_MODERATION_MODELS_DIR", DATA_DIR / "moderation-models")
).resolve()
# A directory with an ONNX transformer classifier (netizen.moderation.onnx_backend); empty: off.
NETIZEN_SCREENING_ONNX_DIR = os.environ.get("NETIZEN_SCREENING_ONNX_DIR", "")
# Machine translation backends, in order of preference: glossary (offline CC-CEDICT aid,
# always available), argos (only with its language packages installed locally),
# libretranslate (sends text to NETIZEN_LIBRETRANSLATE_URL: a server you choose).
NETIZEN_TRANSLATION_BACKENDS = env_list("NETIZEN_TRANSLATION_BACKENDS", "glossary")
NETIZEN_LIBRETRANSLATE_URL = os.environ.get("NETIZEN_LIBRETRANSLATE_URL", "")
NETIZEN_LIBRETRANSLATE_API_KEY = os.environ.get("NETIZEN_LIBRETRANSLATE_API_KEY", "")
NETIZEN_LIBRETRANSLATE_TIMEOUT = float(os.environ.get("NETIZEN_LIBRETRANSLATE_TIMEOUT", "10"))
# More comments than this from one client in an hour are refused (HTTP 429, text kept).
NETIZEN_COMMENT_HOURLY_LIMIT = int(os.environ.get("NETIZEN_COMMENT_HOURLY_LIMIT", "30"))

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

WAGTAIL_SITE_NAME = os.environ.get("NETIZEN_SITE_NAME", "Netizen")
WAGTAILADMIN_BASE_URL = os.environ.get("NETIZEN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Gravatar would send every editor's e-mail hash to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail's admin would otherwise ask an outside server for release news.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILEMBEDS_FINDERS: list[dict] = []

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("NETIZEN_LOG_LEVEL", "WARNING")},
    "loggers": {"django.server": {"level": "INFO"}},
}
