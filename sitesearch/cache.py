"""The keys of search answers kept per process (core.lru): every key carries the version stamps
(core.versions) of the documents it was computed from, so an entry is never stale: a change of
the documents makes a new key, and old keys age out."""

from core import versions

from . import registry


def stamps(kinds=None) -> tuple:
    """The documents stamps of these kinds (all registered kinds when None), for a cache key."""
    return tuple(versions.current(registry.documents_stamp(k)) for k in (kinds or registry.names()))
