"""Work gathered during a transaction and handed to the task worker once, after the commit.

Signal receivers add the objects a change touched (a publication saved with its five authors adds
it six times); after the commit, `send` receives them as one sorted list (or None for "every
one", after `add_all`), so they leave as one task instead of one per saved row.
"""

import threading

from django.db import transaction


class Batch:
    def __init__(self, send):
        self.send = send
        self._local = threading.local()

    def add(self, keys) -> None:
        keys = {key for key in keys if key is not None}
        if keys:
            self._add(keys)

    def add_all(self) -> None:
        self._add(None)

    def _add(self, keys) -> None:
        pending = getattr(self._local, "keys", set())
        self._local.keys = None if keys is None or pending is None else pending | keys
        # One callback per call is cheap; the first to run takes the whole batch. A rolled-back
        # transaction drops its callbacks, and its keys go with the next commit (a harmless re-check).
        transaction.on_commit(self.flush, robust=True)

    def flush(self) -> None:
        if not hasattr(self._local, "keys"):
            return
        keys = self._local.keys
        del self._local.keys
        if keys is None or keys:
            self.send(None if keys is None else sorted(keys))

    def clear(self) -> None:
        """Drop what is waiting (a test whose transaction never commits)."""
        self._local.__dict__.pop("keys", None)
