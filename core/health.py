"""Liveness and readiness for load balancers and orchestrators.

- `/health/live`: the process answers. No database, no cache: a failing database must not make an
  orchestrator restart every web process.
- `/health/ready`: this process can serve real traffic: a database query (on every configured
  database), a cache round trip, every migration applied, the media storage reachable.

Both answer JSON with 200 or 503, are never cached and carry no personal data: a failing check
names only the kind of error; the details go to the log ("expoo.health").

`HealthCheckMiddleware` (first in MIDDLEWARE) answers both paths before anything else runs: no host
check (a load balancer probes by IP address), no HTTPS redirect, no session, no per-request
queries. The same views are in expoo/urls.py, so they work without the middleware too.
"""

import logging
import os
import time
import uuid

from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger("expoo.health")

LIVE_PATH = "/health/live"
READY_PATH = "/health/ready"

_migrations_applied = False  # once true in a process it stays true: its code does not change


def _response(payload: dict, ok: bool) -> JsonResponse:
    response = JsonResponse(payload, status=200 if ok else 503)
    add_never_cache_headers(response)
    return response


def live(request):
    return _response({"status": "ok"}, True)


def check_database() -> None:
    for alias in connections:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            if cursor.fetchone()[0] != 1:
                raise RuntimeError("unexpected answer")


def check_cache() -> None:
    cache = caches["default"]
    key, value = f"expoo:health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=30)
    try:
        if cache.get(key) != value:
            raise RuntimeError("the cache did not return what was stored")
    finally:
        cache.delete(key)


def check_migrations() -> None:
    global _migrations_applied
    if _migrations_applied:
        return
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        raise RuntimeError(f"{len(plan)} migrations not applied")
    _migrations_applied = True


def check_storage() -> None:
    storage = default_storage
    if isinstance(storage, FileSystemStorage):
        # Created when missing, as the storage itself does on the first upload.
        os.makedirs(storage.location, exist_ok=True)
        if not os.access(storage.location, os.W_OK | os.X_OK):
            raise RuntimeError("the media directory is not writable")
    elif hasattr(storage, "bucket_name") and hasattr(storage, "connection"):  # S3-compatible
        storage.connection.meta.client.head_bucket(Bucket=storage.bucket_name)
    else:
        storage.exists("expoo-health-check")


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "migrations": check_migrations,
    "storage": check_storage,
}


def ready(request):
    results, ok = {}, True
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure makes the process not ready
            ok = False
            # The message may hold host names or user names: the log gets it, the answer does not.
            logger.warning("readiness check %s failed: %s", name, error, extra={"event": "health.failed", "check": name})
            results[name] = {"ok": False, "error": type(error).__name__}
        else:
            results[name] = {"ok": True}
        results[name]["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return _response({"status": "ok" if ok else "fail", "checks": results}, ok)


class HealthCheckMiddleware:
    """Answers /health/live and /health/ready before any other middleware runs (see above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            if request.path == LIVE_PATH:
                return live(request)
            if request.path == READY_PATH:
                return ready(request)
        return self.get_response(request)
