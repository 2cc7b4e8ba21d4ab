"""Settings shared by every environment, with safe embedded defaults.

Everything that differs between machines comes from the environment; see README.md.
Without any environment the site runs on SQLite in WAL mode under var/, keeps media in
var/media, writes e-mail to var/mail and generates its secret key once in var/secret_key.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.management.utils import get_random_secret_key
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()

VAR_DIR = Path(env.str("EXPOO_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """Use SECRET_KEY from the environment, else a key generated once and kept in var/."""
    # Read as it is, not through django-environ: a value starting with "$" is a reference to another
    # variable there, and Django's own key generator can start a key with "$".
    if os.environ.get("SECRET_KEY", ""):
        return os.environ["SECRET_KEY"]
    path = VAR_DIR / "secret_key"
    if not path.exists():
        # Created readable by the owner only from the first byte on.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(get_random_secret_key())
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Our apps come first so their templates override Wagtail's and Django's.
    "core",
    "accounts",
    "organisations",
    "practices",
    "toolbox",
    "dossiers",
    "events",
    "pages",
    "notifications",
    "sitesearch",
    "privacy",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
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
    "rest_framework",
    "drf_spectacular",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.forms",
]

MIDDLEWARE = [
    "core.logging.RequestIdMiddleware",  # first: every log record of the request carries its id
    "core.health.HealthCheckMiddleware",  # /health/live and /health/ready, before any host check or query
    "expoo.db_router.ReplicaRoutingMiddleware",  # only with DATABASE_REPLICA_URL; before the first query
    # Security headers (HSTS, nosniff, Referrer-Policy, COOP, CSP) on every response, the 413 included.
    "django.middleware.security.SecurityMiddleware",
    "core.security.ContentSecurityPolicyMiddleware",
    "core.security.RequestBodyLimitMiddleware",  # 413 for a too large body, before anything reads it or a query runs
    "core.middleware.RequestStampsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole anonymous pages (core/pagecache.py): after the stamps and the security headers, before
    # sessions, auth and messages, so a hit skips them and still gets every header. Before the
    # compression: a page is stored compressed (for browsers that take gzip; the key says which)
    # and a hit is not compressed again.
    "core.pagecache.PageCacheMiddleware",
    # gzip for public text answers only, not those with a session, CSRF token or cookie (BREACH).
    "core.compression.PublicGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.StrictSessionMiddleware",  # after auth and messages: ends idle staff sessions
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "expoo.urls"
WSGI_APPLICATION = "expoo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.site_chrome",
            ],
        },
    },
]

# Database: DATABASE_URL (postgres://user:pass@host:5432/name) or embedded SQLite in WAL mode.
SQLITE_PATH = VAR_DIR / "expoo.sqlite3"
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{SQLITE_PATH}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers and the writer work side by side; IMMEDIATE takes the write lock
        # at BEGIN so concurrent writers wait (timeout) instead of failing halfway. synchronous=FULL
        # syncs the WAL at every commit: an acknowledged write survives a crash or power loss.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
# Connections are kept between requests: opening one costs more than most pages (SQLite reads its
# schema and runs the pragmas again; PostgreSQL forks a backend). CONN_MAX_AGE=0 closes them.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRES = DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql")
# An optional read replica (PostgreSQL streaming replica): expoo/db_router.py sends it only the reads
# of GET/HEAD requests without a session or a recent write of that browser; everything else, the task
# worker and management commands use the primary. Tests mirror it onto the test database.
if env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = {
        **env.db("DATABASE_REPLICA_URL"),
        "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"],
        "CONN_HEALTH_CHECKS": True,
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["expoo.db_router.ReplicaRouter"]
EXPOO_REPLICA_PIN_SECONDS = env.int("REPLICA_PIN_SECONDS", default=10)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "/"
# The Wagtail admin logs in through the site's login, which asks staff for their second factor.
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL  # private pages and collections: the same login
# Team, commission and administrators (accounts/roles.py): two-factor login (TOTP with recovery
# codes, django-otp) and shorter sessions (accounts/middleware.py). Others keep SESSION_COOKIE_AGE.
EXPOO_STRICT_SESSION_IDLE_SECONDS = env.int("EXPOO_STRICT_SESSION_IDLE_SECONDS", default=30 * 60)
EXPOO_STRICT_SESSION_ABSOLUTE_SECONDS = env.int("EXPOO_STRICT_SESSION_ABSOLUTE_SECONDS", default=10 * 60 * 60)
EXPOO_TWO_FACTOR_PENDING_SECONDS = 10 * 60  # between the password and the code (or setting up the app)
OTP_TOTP_ISSUER = "EXPOO"
OTP_TOTP_SYNC = False  # accept the codes of t-1..t+1 only; no drift that creeps with every login
# Rate limits (core/ratelimit.py): per scope, (events, window in seconds) per account and per client
# address. Logins and codes count failures; forms count what was sent. Counted in the default cache.
EXPOO_RATE_LIMITS = {
    "login": {"account": (10, 15 * 60), "address": (50, 15 * 60)},
    "two_factor": {"account": (5, 15 * 60), "address": (30, 15 * 60)},
    "password_reset": {"account": (3, 60 * 60), "address": (20, 60 * 60)},
    "account_request": {"account": (3, 24 * 60 * 60), "address": (10, 60 * 60)},
    "contact": {"account": (5, 60 * 60), "address": (10, 60 * 60)},
    "event_proposal": {"account": (10, 60 * 60), "address": (30, 60 * 60)},
    "practice_registration": {"account": (10, 60 * 60), "address": (30, 60 * 60)},
}
# How many reverse proxies in front of the site append to X-Forwarded-For; 0 uses REMOTE_ADDR.
EXPOO_TRUSTED_PROXIES = env.int("EXPOO_TRUSTED_PROXIES", default=0)
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3  # invitations use the same tokens: three days
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language: Dutch (Belgium) first, English second; Dutch URLs carry no prefix.
LANGUAGE_CODE = "nl-be"
LANGUAGES = [("nl-be", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if env.str("AWS_STORAGE_BUCKET_NAME", default=""):
    # S3-compatible media storage; credentials and endpoint come from the standard AWS_* variables.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env.str("AWS_S3_REGION_NAME", default=None),
            "default_acl": None,
            "querystring_auth": True,
            "signature_version": env.str("AWS_S3_SIGNATURE_VERSION", default="s3v4"),  # signed links (SigV4)
            "file_overwrite": False,
        },
    }
    # The CSP's img-src must allow the bucket: path-style URLs at a custom endpoint, else AWS's hosts.
    _endpoint = urlsplit(env.str("AWS_S3_ENDPOINT_URL", default=""))
    _bucket, _region = env.str("AWS_STORAGE_BUCKET_NAME"), env.str("AWS_S3_REGION_NAME", default="")
    MEDIA_ORIGINS = (
        [f"{_endpoint.scheme}://{_endpoint.netloc}"]
        if _endpoint.netloc
        else [f"https://{_bucket}.s3.amazonaws.com", *([f"https://{_bucket}.s3.{_region}.amazonaws.com"] if _region else [])]
    )
else:
    MEDIA_ORIGINS = []  # media come from the site itself

# Cache: REDIS_URL in production, local memory otherwise.
if env.str("REDIS_URL", default=""):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env.str("REDIS_URL")}}
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        # Whole anonymous pages (core/pagecache.py) in a store of their own: many distinct addresses
        # then push out old pages, never the rate-limit counters in the default cache.
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages",
                  "OPTIONS": {"MAX_ENTRIES": 1000}},
        # Rendered parts of pages (core/cards.py: the result cards of every listing), also apart from
        # the counters. A card is about 2 KB, so a full store is some 40 MB per web worker; a small
        # site never fills it. With 5,000, the cards of a 100,000-publication Toolbox pushed the
        # agenda's and the databank's out: over 7,000 requests of the bench's mix, 26 % of the cards
        # asked for had to be rendered, against 20 % with 20,000.
        "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fragments",
                      "OPTIONS": {"MAX_ENTRIES": env.int("EXPOO_FRAGMENT_CACHE_ENTRIES", default=20_000)}},
    }  # fmt: skip
# Whole pages for anonymous visitors (core/pagecache.py), keyed on the content version stamps so a
# publish is seen at once; this bounds only what changes with the clock (upcoming events). 0: off.
EXPOO_PAGE_CACHE_SECONDS = env.int("EXPOO_PAGE_CACHE_SECONDS", default=600)
# Sessions: with a shared cache (Redis) reads come from the cache and writes go to both ("cached_db":
# a Redis restart logs nobody out, and sessions stay in the database to be listed and ended). A
# per-process cache would let another worker keep a logged-out session, so without Redis: the database.
_SESSIONS = "cached_db" if env.str("REDIS_URL", default="") else "db"
SESSION_ENGINE = env.str("SESSION_ENGINE", default=f"django.contrib.sessions.backends.{_SESSIONS}")

# E-mail: EMAIL_URL (smtp+tls://user:pass@host:587) in production; files in var/mail otherwise.
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="EXPOO <noreply@expoo.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EXPOO_TEAM_EMAIL = env.str("EXPOO_TEAM_EMAIL", default="team@expoo.example")

# Retention of personal data, in days (privacy/README.md has the processing register). Applied by
# `manage.py purge_personal_data` and the daily task that `manage.py schedule_privacy_purge` queues.
EXPOO_RETENTION_CONTACT_MESSAGES_DAYS = env.int("EXPOO_RETENTION_CONTACT_MESSAGES_DAYS", default=365)
EXPOO_RETENTION_INACTIVE_ACCOUNT_DAYS = env.int("EXPOO_RETENTION_INACTIVE_ACCOUNT_DAYS", default=3 * 365)
EXPOO_RETENTION_WARNING_DAYS = env.int("EXPOO_RETENTION_WARNING_DAYS", default=30)  # e-mail before an inactive account goes
EXPOO_RETENTION_CLOSED_REQUESTS_DAYS = env.int("EXPOO_RETENTION_CLOSED_REQUESTS_DAYS", default=365)  # declined, expired
EXPOO_RETENTION_TASK_RESULTS_DAYS = env.int("EXPOO_RETENTION_TASK_RESULTS_DAYS", default=30)  # finished tasks hold e-mails
if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.filebased.EmailBackend")
    EMAIL_FILE_PATH = VAR_DIR / "mail"

# Background tasks: Django's tasks API, stored in the database and run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Wagtail
WAGTAIL_SITE_NAME = "EXPOO"
WAGTAILADMIN_BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000")
BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "modelsearch.backends.database",
        **({"SEARCH_CONFIG": "dutch"} if IS_POSTGRES else {}),
    }
}
if env.str("OPENSEARCH_URL", default=""):
    # Wagtail's own index (the admin's search) on OpenSearch; rebuild with `manage.py update_index`.
    # The public site search stays in sitesearch/ (see `manage.py export_search_analysis`).
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": env.str("OPENSEARCH_BACKEND", default="modelsearch.backends.opensearch3"),
        "URLS": env.list("OPENSEARCH_URL"),
        "INDEX_PREFIX": env.str("OPENSEARCH_INDEX_PREFIX", default="expoo_"),
        "TIMEOUT": env.int("OPENSEARCH_TIMEOUT", default=10),
        "OPTIONS": {},
        "INDEX_SETTINGS": {},
    }
# The site search keeps the answers of frequent one-word searches for every process, computed by the
# task worker after each change (sitesearch/warm.py): a word qualifies from this many matches.
EXPOO_SEARCH_WARM_MIN_MATCHES = env.int("EXPOO_SEARCH_WARM_MIN_MATCHES", default=2000)
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_PASSWORD_RESET_ENABLED = False  # one password reset: the site's own, by e-mail
WAGTAILUSERS_PASSWORD_ENABLED = True

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True  # no script of the site or the admin reads it; forms carry the token
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "core.views.csrf_failure"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy (django-csp 4, core.security.ContentSecurityPolicyMiddleware) on every
# response, the Wagtail admin included: no inline or evaluated script anywhere (the admin's inline
# widget scripts are replaced, core/admin_scripts.py), no inline styles, no plugins, no <base>, no
# framing (except Wagtail's live preview by the site itself), forms only to the site.
# img-src data: and blob: serve the admin's image previews (Wagtail's own CSP advice).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
# Measured (e2e/test_admin_csp.py): the admin's rich text editor (Draftail) writes <style> elements
# for its placeholders and list numbering; nothing else needs an inline style. Only the admin allows them.
EXPOO_CSP_PATH_REPLACE = {"/beheer/": {"style-src": ["'self'", "'unsafe-inline'"]}}

# Uploads. A request body larger than its path allows is refused with 413 before it is read
# (core.security.RequestBodyLimitMiddleware): the largest file plus 1 MB for the other fields.
# Keep the reverse proxy's client_max_body_size at least at the largest of these (51 MB).
# WAGTAILIMAGES_MAX_UPLOAD_SIZE (10 MB) is set with the other Wagtail settings above.
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024  # reports and slide decks
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # a 40-megapixel photo; bigger ones are decompression risks
EXPOO_REQUEST_BODY_MAX = 11 * 1024 * 1024  # images, practice materials and imports take 10 MB
EXPOO_REQUEST_BODY_LIMITS = {"/beheer/documents/": WAGTAILDOCS_MAX_UPLOAD_SIZE + 1024 * 1024}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024  # the fields of a form without its files (a long page in the editor)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # Django's default: larger files are spooled to a temporary file
# Files are checked by their content, not their name (core/uploads.py); SVG is never an image.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.uploads.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.uploads.ImageForm"
# Documents are served by Wagtail's view (collection privacy, drafts' files hidden: toolbox), always
# as a download, never displayed in the browser.
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatars fetched from a third party

# Logs go to stderr, one line per record, scrubbed of secrets and personal data (core/logging.py):
# LOG_FORMAT=json (production's default) or plain (readable, the default elsewhere).
LOG_FORMAT = env.str("LOG_FORMAT", default="plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"scrub": {"()": "core.logging.ScrubFilter"}},
    "formatters": {
        "plain": {"class": "core.logging.PlainFormatter", "format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"class": "core.logging.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["scrub"]}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}

EXPOO_NAV_LABEL = _("Main navigation")

FORM_RENDERER = "core.forms.FormRenderer"

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "EXPOO API",
    "DESCRIPTION": "Read-only access to the published content of the EXPOO knowledge platform.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["expoo.api_urls.public_endpoints"],
}
