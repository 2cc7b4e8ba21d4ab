"""A small per-process least-recently-used store: search answers (sitesearch.cache) and what an
in-memory index computes from its bitsets (core.facets). Keys carry whatever the value depends on
(version stamps, the bitset itself), so an entry is never stale; old keys age out."""

import threading
from collections import OrderedDict


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
        self.put(key, value)
        return value

    def peek(self, key, default=None):
        """The kept value, or `default` (nothing is computed or stored)."""
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
        return default

    def put(self, key, value) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
