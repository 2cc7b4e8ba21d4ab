"""Version stamps for public content: one cheap read per request instead of cache invalidation.

`bump("practices")` in the transaction that changes public content writes a new random stamp in
the same transaction, so a reader sees the new data and the new stamp together; `current(...)` in
a view; a cache key or an in-memory index built at one stamp is stale as soon as it changes. The
stamps live in the database, so every web process and the task worker see them, whatever cache is
configured. Random rather than counted: a rolled-back transaction can never bring back a stamp
that an index was already built for.
"""

import secrets

from .models import ContentVersion


def current(name: str) -> int:
    return ContentVersion.objects.filter(name=name).values_list("value", flat=True).first() or 0


def bump(name: str) -> None:
    stamp = secrets.randbits(62) + 1
    if not ContentVersion.objects.filter(name=name).update(value=stamp):
        ContentVersion.objects.update_or_create(name=name, defaults={"value": stamp})
