"""A small per-process least-recently-used cache for search answers. Every key carries the
version stamps (core.versions) of the documents it was computed from, so an entry is never
stale: a change of the documents makes a new key, and old keys age out."""

import threading
from collections import OrderedDict

from core import versions

from . import registry


class LRU:
    def __init__(self, size: int):
        self.size = size
        self._data: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, compute):
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
        value = compute()
        with self._lock:
            self._data[key] = value
            while len(self._data) > self.size:
                self._data.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


def stamps(kinds=None) -> tuple:
    """The documents stamps of these kinds (all registered kinds when None), for a cache key."""
    return tuple(versions.current(registry.documents_stamp(k)) for k in (kinds or registry.names()))
