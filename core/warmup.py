"""Build a web process's in-memory indexes before it takes its first request.

The databank, the Toolbox, the agenda and the dossiers answer from indexes kept per process
(core.facets.StampedIndex). Built on first use, the first visitor of each listing in a fresh
process waited for it (about 3 s for the Toolbox at 100,000 publications, bench/); gunicorn calls
`warm()` in every new worker (deploy/gunicorn.conf.py, `post_worker_init`) before it accepts
connections, so a deploy or a recycled worker costs visitors nothing. A failure (the database
not reachable yet) is logged and left to the first request, as before.
"""

import gc
import importlib
import logging
import time

from django.apps import apps

from . import fragments
from .facets import StampedIndex

logger = logging.getLogger(__name__)
GC_FIRST_THRESHOLD = 50_000


def warm() -> dict:
    """Build every index; {index name: seconds}. Then leave what the process keeps for its whole
    life (the application, these indexes) out of the garbage collector's scans (gc.freeze)."""
    for app in apps.get_app_configs():  # the modules that define the indexes
        for module in ("facets", "directory"):
            try:
                importlib.import_module(f"{app.name}.{module}")
            except ModuleNotFoundError as error:
                if error.name != f"{app.name}.{module}":
                    raise
    took = {}
    for kind in StampedIndex.kinds:
        started = time.perf_counter()
        try:
            kind.current()
        except Exception:  # noqa: BLE001 - a worker must start even if the database does not answer yet
            logger.warning("index %s not built at start; the first request builds it", kind.__name__, exc_info=True)
            continue
        took[kind.__name__] = round(time.perf_counter() - started, 3)
    started = time.perf_counter()
    fragments.release()  # the digest in every stored fragment's key: the code, templates and libraries read once
    took["release"] = round(time.perf_counter() - started, 3)
    gc.collect()
    gc.freeze()
    # A request leaves much of what it allocated in reference cycles (about 40,000 objects per
    # 50,000 allocations in the bench's mix), which only the collector frees. At its default first
    # threshold, 700 allocations, the mix took 18 ms of a worker's CPU per request; at 50,000, 11 ms
    # (bench/). Each collection then takes 30-60 ms, a few times a minute; full ones come rarer.
    gc.set_threshold(GC_FIRST_THRESHOLD, *gc.get_threshold()[1:])
    logger.info("indexes built at start", extra={"seconds": took})
    return took
