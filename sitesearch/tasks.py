"""Keeping the index fresh: signal receivers call `schedule(kind, pk)`; after the transaction
commits, one task re-indexes everything it touched (re-reading each object's public state).

With the immediate task backend (tests) the work happens at once, inside the transaction."""

import logging
import threading
from contextlib import contextmanager

from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

from core.oncommit import Batch

logger = logging.getLogger(__name__)


@task()
def update_index(items: list[list]) -> int:
    """Re-index these [kind, pk] pairs as the public sees them now."""
    from .indexing import index_many

    return index_many(items)


@task()
def warm_answers() -> int:
    """Compute again the kept answers of frequent words (sitesearch.warm) after a change."""
    from .warm import refresh

    return refresh()


_pending = Batch(lambda items: update_index.enqueue([list(item) for item in items]))
_gathering = threading.local()


@contextmanager
def gathered():
    """Re-index once for a whole bulk of changes (the demo loader, a test's fixtures) instead of once
    per change: what the block schedules is kept and scheduled as one batch when it ends without an
    error. Without it, the immediate backend (tests) re-indexes at every save, which made up a third
    of loading the demo."""
    if getattr(_gathering, "items", None) is not None:  # an enclosing block sends them
        yield
        return
    _gathering.items = set()
    try:
        yield
        items = _gathering.items
    finally:
        _gathering.items = None
    _schedule(sorted(items))


def schedule(kind: str, pk) -> None:
    """Re-index an object once the current transaction commits (at once with the immediate backend)."""
    schedule_many(kind, [pk])


def schedule_many(kind: str, pks) -> None:
    _schedule([(kind, int(pk)) for pk in pks if pk is not None])


def _schedule(items: list[tuple[str, int]]) -> None:
    if not items:
        return
    gathering = getattr(_gathering, "items", None)
    if gathering is not None:
        gathering.update(items)
        return
    if isinstance(update_index.get_backend(), ImmediateBackend):
        update_index.enqueue([list(item) for item in items])
        return
    _pending.add(items)
