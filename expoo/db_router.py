"""Read-replica routing (only when DATABASE_REPLICA_URL is set; see README, "Operations and scale-out").

The rule, simple enough to be always right about read-after-write:

- the replica serves the reads of a GET or HEAD request from a browser without a session cookie
  (a visitor who is not logged in) and without a recent write: after any POST, PUT, PATCH or
  DELETE the browser gets a short-lived cookie (REPLICA_PIN_SECONDS, 10 s by default) that keeps
  its next requests on the primary, so someone who just sent a form sees what they sent even
  when the replica lags;
- once a request writes, the rest of its reads go to the primary too;
- every other request, the task worker and every management command use the primary only.

Writes always go to the primary; migrations run on the primary only.
"""

import contextvars

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DEFAULT_DB_ALIAS

REPLICA = "replica"
PIN_COOKIE = "expoo_primary"
SAFE_METHODS = ("GET", "HEAD")

# None outside a request (worker, commands): primary.
_reads: contextvars.ContextVar[str | None] = contextvars.ContextVar("expoo_db_reads", default=None)


def replica_allowed(request) -> bool:
    return (
        request.method in SAFE_METHODS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and PIN_COOKIE not in request.COOKIES
    )


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return _reads.get() or DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        if _reads.get() == REPLICA:
            _reads.set(DEFAULT_DB_ALIAS)  # read-after-write within the request: primary from now on
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # one database, two doors

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


class ReplicaRoutingMiddleware:
    """Decides per request where reads go (see the module's rule); removes itself without a replica."""

    def __init__(self, get_response):
        if REPLICA not in settings.DATABASES:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        token = _reads.set(REPLICA if replica_allowed(request) else DEFAULT_DB_ALIAS)
        try:
            response = self.get_response(request)
        finally:
            _reads.reset(token)
        if request.method not in SAFE_METHODS:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.EXPOO_REPLICA_PIN_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
