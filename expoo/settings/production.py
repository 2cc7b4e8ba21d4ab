"""Production settings: DEBUG off, HTTPS enforced, everything else from the environment.

`make run` uses these too, with EXPOO_HTTPS=false because it serves plain HTTP on loopback.
"""

from .base import *  # noqa: F403

DEBUG = False
# Structured logs: one JSON object per line, scrubbed (core/logging.py); LOG_FORMAT=plain to read them by eye.
LOG_FORMAT = env.str("LOG_FORMAT", default="json")  # noqa: F405
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT  # noqa: F405
HTTPS = env.bool("EXPOO_HTTPS", default=True)  # noqa: F405
if HTTPS:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)  # noqa: F405
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)  # noqa: F405
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# load_demo creates accounts with a published password; only where explicitly allowed or on a
# plain-HTTP local run (`make run`).
EXPOO_ALLOW_DEMO = env.bool("EXPOO_ALLOW_DEMO", default=not HTTPS)  # noqa: F405
