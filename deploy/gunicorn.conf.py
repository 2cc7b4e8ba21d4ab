"""gunicorn settings for `make serve` (production): N workers on HOST:PORT behind a reverse proxy
(deploy/nginx.conf), logs on stderr in the site's format (core/logging.py: JSON by default, scrubbed
of secrets and personal data, without the /health/ probes)."""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then (a slow leak never grows without bound), not all at once. Rarely:
# a new worker builds the in-memory indexes again (a few seconds at full size, before it accepts).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = max_requests // 10
# The proxy sets X-Forwarded-For/-Proto; trust them only from the proxy's address.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Heartbeat files in memory (gunicorn's advice): a slow disk must not make the master kill workers.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
# The proxy's request id, the response status, size and duration; the scrub filter removes secrets.
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms request_id=%({x-request-id}o)s'

_format = os.environ.get("LOG_FORMAT", "json")
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "scrub": {"()": "core.logging.ScrubFilter"},
        "no_health": {"()": "core.logging.HealthAccessFilter"},
    },
    "formatters": {
        "json": {"class": "core.logging.JsonFormatter"},
        "plain": {"class": "core.logging.PlainFormatter", "format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": _format, "filters": ["scrub"], "stream": "ext://sys.stderr"},
    },
    "loggers": {
        "gunicorn.error": {"level": os.environ.get("LOG_LEVEL", "INFO"), "handlers": ["console"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["console"], "filters": ["no_health"], "propagate": False},
    },
    "root": {"level": "WARNING", "handlers": []},
}


def post_worker_init(worker):
    """Before the worker accepts connections: build the databank's, the Toolbox's, the agenda's
    and the dossiers' indexes (core.warmup), so no visitor waits for them."""
    from core.warmup import warm

    warm()
