"""Version stamps for public content: one cheap read per request instead of cache invalidation.

`bump("practices")` in the transaction that changes public content writes a new random stamp in
the same transaction, so a reader sees the new data and the new stamp together; `current(...)` in
a view; a cache key or an in-memory index built at one stamp is stale as soon as it changes. The
stamps live in the database, so every web process and the task worker see them, whatever cache is
configured. Random rather than counted: a rolled-back transaction can never bring back a stamp
that an index was already built for.

Within a request (core.middleware.RequestStampsMiddleware) the first `current()` reads every
stamp in one query and the request keeps them: a page that consults three indexes and caches
pays for one query, and sees one consistent set of stamps.
"""

import secrets
from contextlib import contextmanager
from contextvars import ContextVar

from .models import ContentVersion

_request_stamps: ContextVar[dict | None] = ContextVar("expoo_request_stamps", default=None)


def current(name: str) -> int:
    stamps = _request_stamps.get()
    if stamps is None:
        value = ContentVersion.objects.filter(name=name).values_list("value", flat=True).first()
        return value if value is not None else _first(name)
    _load(stamps)
    if name not in stamps:
        stamps[name] = _first(name)
    return stamps[name]


def _load(stamps: dict) -> None:
    if not stamps:
        stamps.update(ContentVersion.objects.values_list("name", "value"))
        stamps.setdefault("", 0)  # read once, even when there are no stamps at all


def snapshot() -> tuple:
    """Every stamp as sorted (name, value) pairs, for a key that must change with any public
    content (core.pagecache): one query, none within a request that has read the stamps."""
    stamps = _request_stamps.get()
    if stamps is None:
        return tuple(sorted(ContentVersion.objects.values_list("name", "value")))
    _load(stamps)
    return tuple(sorted(stamps.items()))


def _first(name: str) -> int:
    """A stamp that was never written gets a random one now, never a fixed 0: a database emptied
    and filled again (a restore, a test flush) cannot meet an index built for its old content."""
    row, _created = ContentVersion.objects.get_or_create(name=name, defaults={"value": secrets.randbits(62) + 1})
    return row.value


def new_stamp() -> int:
    """A random stamp, never 0 (also the default of the per-object stamps, such as Practice.page_stamp)."""
    return secrets.randbits(62) + 1


def bump(name: str) -> None:
    stamp = new_stamp()
    if not ContentVersion.objects.filter(name=name).update(value=stamp):
        ContentVersion.objects.update_or_create(name=name, defaults={"value": stamp})
    stamps = _request_stamps.get()
    if stamps:
        stamps[name] = stamp


_per_stamp: dict = {}


def per_stamp(name: str, stamp: str, build):
    """`build()`, kept in this process while the stamp keeps its value: small tables every page
    reads (the taxonomy terms, the restricted pages), rebuilt on the first read after a change."""
    value = current(stamp)
    kept = _per_stamp.get(name)
    if kept is None or kept[0] != value:
        kept = _per_stamp[name] = (value, build())
    return kept[1]


@contextmanager
def request_scope():
    """Read the stamps at most once inside this block (one request)."""
    token = _request_stamps.set({})
    try:
        yield
    finally:
        _request_stamps.reset(token)
