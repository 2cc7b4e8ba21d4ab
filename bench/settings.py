"""Settings for the benchmarks: the site's base settings with a throw-away database.

SQLite: a file in BENCH_DIR (a temporary directory unless given). PostgreSQL: DATABASE_URL, as
scripts/with_postgres.sh sets it. DEBUG is off, tasks run at once (so Wagtail's search index is
updated inline, as in tests), and the URLconf adds a bare view to compare against.
"""

import os
import tempfile
from pathlib import Path

BENCH_DIR = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="expoo-bench-"))
BENCH_DIR.mkdir(parents=True, exist_ok=True)
# Keep var/ (SQLite file, secret key, media, mail) out of the repository's own var/.
os.environ["EXPOO_VAR_DIR"] = str(BENCH_DIR)
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from expoo.settings.base import *  # noqa: E402, F403

DEBUG = False
ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# No collectstatic in a benchmark: plain storage instead of the manifest (a dict lookup in production).
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
LOGGING["loggers"]["django_tasks"] = {"level": "WARNING"}  # noqa: F405
# These benchmarks measure the pages' own work (the search, the facets, the rendering): without the
# whole-page cache for anonymous visitors, which would answer every repeated request from memory.
# The whole-site load (bench/site_settings.py) measures the site with it, as visitors get it.
EXPOO_PAGE_CACHE_SECONDS = 0

# Experiments only (run.sh leaves it unset, so the site's own connection handling is measured):
# BENCH_CONN_MAX_AGE=none keeps connections open between requests ("none" = forever, or seconds).
if os.environ.get("BENCH_CONN_MAX_AGE"):
    _age = os.environ["BENCH_CONN_MAX_AGE"]
    DATABASES["default"]["CONN_MAX_AGE"] = None if _age == "none" else int(_age)  # noqa: F405
