"""Settings of the server that bench.site_load starts: the production settings, on loopback.

The same database and var/ directory as bench.settings (BENCH_DIR, or DATABASE_URL), so the data
bench.site_load builds with bench.settings is what this server serves. Only what a benchmark on
loopback needs differs from production: plain HTTP (no HTTPS redirect, no Secure cookies: there is
no TLS proxy in front), the bare view of bench.urls, and rate limits high enough that the load tool,
which comes from one address, is not refused. Everything else (whitenoise with the manifest, the
page cache, sessions, logging, CONN_MAX_AGE) is production's.
"""

import os
import tempfile
from pathlib import Path

BENCH_DIR = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="expoo-bench-"))
BENCH_DIR.mkdir(parents=True, exist_ok=True)
os.environ["EXPOO_VAR_DIR"] = str(BENCH_DIR)
os.environ["EXPOO_HTTPS"] = "false"  # loopback, plain HTTP: no SSL redirect, no HSTS, no Secure cookies
os.environ.setdefault("LOG_LEVEL", "WARNING")

from expoo.settings.production import *  # noqa: E402, F403

ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# One client address sends everything: every limit a thousand times higher (same windows).
EXPOO_RATE_LIMITS = {  # noqa: F405
    scope: {who: (events * 1000, window) for who, (events, window) in limits.items()}
    for scope, limits in EXPOO_RATE_LIMITS.items()  # noqa: F405
}
