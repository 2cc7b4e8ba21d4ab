"""Test settings: fast hashing, e-mail in memory, tasks run at once, plain static storage."""

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 - whitenoise warns about a missing directory
LOGGING["loggers"]["django_tasks"] = {"level": "WARNING"}  # noqa: F405
if CACHES["default"]["BACKEND"].endswith("RedisCache"):  # noqa: F405 - scripts/with_redis.sh
    # One Redis database per test process: one process's cache.clear() leaves the other's entries alone.
    # The xdist workers take 1, 2, ...; a process without xdist (scripts/pytest_suite.sh runs one beside
    # them) takes 15, the last of Redis's 16; 0 is left to servers a test starts.
    from urllib.parse import urlsplit as _urlsplit

    _worker = os.environ.get("PYTEST_XDIST_WORKER")  # noqa: F405
    _db = int(_worker.removeprefix("gw")) + 1 if _worker else 15
    _url = _urlsplit(CACHES["default"]["LOCATION"])  # noqa: F405
    CACHES["default"]["LOCATION"] = _url._replace(path=f"/{_db}").geturl()  # noqa: F405
# With DATABASE_REPLICA_URL the replica alias mirrors the test database, which cannot see a test's
# uncommitted rows: the router is switched on only by the tests about it (core/tests/test_scaleout.py).
DATABASE_ROUTERS = []
