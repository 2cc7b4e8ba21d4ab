"""Parts of public pages rendered when their content changes, stored for every web process.

A practice page costs 17 ms to render from its rows and 6 ms when its body is kept (bench/). A
per-process cache keeps few bodies and is cold for most of 10,000 practices; so the task worker
renders each body when something it shows changes and stores it in StoredFragment, in every site
language, and the page reads one row.

The rule is the stored references' (toolbox.citations): a page uses a stored fragment only when
its key equals the one it computes from what it has just read, and renders the fragment itself
otherwise. The key covers
- the object's change stamp: a column renewed in the transaction of every change to what the
  fragment shows of it and of the objects it names (the kind's signal handlers);
- stamps of what a change would renew for many objects at once (core.versions), such as the
  taxonomy;
- the language, and the release: a digest of this project's code, templates and translations and
  of the installed libraries' versions, so an upgrade never shows a fragment made by the last one.

A stamp is read before the content, so a fragment is never older than its key: at worst newer, and
then its key no longer matches. Fragments are made with BASE as the site's address; the page puts
its own in its place.
"""

import functools
import hashlib
import importlib.metadata
from pathlib import Path

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

from . import versions
from .models import StoredFragment
from .oncommit import Batch

BASE = "https://expoo.invalid"  # a reserved name (RFC 2606): the page's own address replaces it
SKIPPED_DIRECTORIES = {".git", ".venv", "node_modules", "var", "tests", "bench", "e2e", "scripts", "__pycache__"}
SOURCES = ("*.py", "*.html", "*.txt", "*.mo")


@functools.cache
def release() -> str:
    """A digest of what renders a fragment: the project's code, templates and compiled translations,
    and the name and version of every installed library."""
    digest = hashlib.blake2b(digest_size=16)
    root = Path(settings.BASE_DIR)
    for path in sorted(_sources(root)):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    for name, version in sorted({(d.metadata["Name"] or "", d.version) for d in importlib.metadata.distributions()}):
        digest.update(f"{name}=={version}\n".encode())
    return digest.hexdigest()


def _sources(directory: Path):
    for child in directory.iterdir():
        if child.is_dir():
            if child.name not in SKIPPED_DIRECTORIES:
                yield from _sources(child)
        elif any(child.match(pattern) for pattern in SOURCES):
            yield child


def key(kind: str, *parts) -> str:
    """The key of a fragment: its kind, what it was made from (stamps, language) and the release."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(release().encode())
    for part in (kind, *parts):
        digest.update(b"\x1f" + str(part).encode())
    return digest.hexdigest()


def read(kind: str, object_id: int, language: str, wanted_key: str, base: str) -> SafeString | None:
    """The stored fragment if its key is `wanted_key`, with `base` as the site's address; else None."""
    html = (
        StoredFragment.objects.filter(kind=kind, object_id=object_id, language=language, key=wanted_key)
        .values_list("html", flat=True)
        .first()
    )
    return None if html is None else with_base(html, base)


def with_base(html: str, base: str) -> SafeString:
    return mark_safe(html.replace(BASE, base))  # noqa: S308 - our own rendering; the address is the request's


def stored_keys(kind: str, object_ids) -> dict[tuple[int, str], str]:
    """{(object id, language): key} of the stored fragments of these objects."""
    rows = StoredFragment.objects.filter(kind=kind, object_id__in=list(object_ids)).values_list("object_id", "language", "key")
    return {(object_id, language): key for object_id, language, key in rows}


def store(kind: str, rows) -> int:
    """Store (object id, language, key, html) rows, replacing what the objects had. Returns how many."""
    fragments = [StoredFragment(kind=kind, object_id=o, language=lang, key=k, html=h) for o, lang, k, h in rows]
    StoredFragment.objects.bulk_create(
        fragments,
        update_conflicts=True,
        unique_fields=["kind", "object_id", "language"],
        update_fields=["key", "html", "stored_at"],
    )
    return len(fragments)


def forget(kind: str, object_ids) -> None:
    """Delete the stored fragments of objects the public may no longer see: they hold their last
    public content, which must not outlive it (an erasure, a withdrawal)."""
    StoredFragment.objects.filter(kind=kind, object_id__in=list(object_ids)).delete()


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def store_public(kind: str, public, pks, key_of, load, render, batch: int = 200) -> int:
    """Store, in every site language, the fragments of these objects (ids; None: every one in
    `public`, the queryset of what the public may see) whose stored key is missing or stale, and
    forget those of objects no longer in `public`. key_of(id, page_stamp, language) is the key a page
    computes; load(ids) gives the objects with their `page_stamp`, read with their content (if one
    changed since the stamps were read, its new stamp goes with its new content); render(object,
    language) makes the fragment. Returns how many were stored."""
    if pks is None:
        StoredFragment.objects.filter(kind=kind).exclude(object_id__in=public.values("pk")).delete()
        stamps = dict(public.values_list("pk", "page_stamp"))
    else:
        stamps = dict(public.filter(pk__in=list(pks)).values_list("pk", "page_stamp"))
        forget(kind, set(pks) - set(stamps))
    written, codes = 0, languages()
    ordered = sorted(stamps)
    for start in range(0, len(ordered), batch):
        ids = ordered[start : start + batch]
        stored = stored_keys(kind, ids)
        stale = [pk for pk in ids if any(stored.get((pk, code)) != key_of(pk, stamps[pk], code) for code in codes)]
        rows = []
        for found in load(stale) if stale else ():
            for code in codes:
                wanted = key_of(found.pk, found.page_stamp, code)
                if stored.get((found.pk, code)) != wanted:
                    rows.append((found.pk, code, wanted, render(found, code)))
        written += store(kind, rows)
    return written


ALL = "all"


class PageStamps:
    """A kind's change stamps: `renew` gives the objects a new `page_stamp` in the transaction that
    changes what their fragments show, and the task worker is sent their ids once after the commit
    (`send(ids)`, or `send(None)` for every object) to store the fragments again."""

    def __init__(self, model, kind: str, send):
        self.model, self.kind = model, kind
        self.pending = Batch(send)

    def renew(self, pks) -> None:
        """These objects' fragments changed (ALL: every object's)."""
        if pks == ALL:
            self.model.objects.update(page_stamp=versions.new_stamp())
            self.pending.add_all()
            return
        pks = {pk for pk in pks if pk is not None}
        if pks:
            self.model.objects.filter(pk__in=pks).update(page_stamp=versions.new_stamp())
            self.pending.add(pks)

    def renew_saved(self, instance) -> None:
        """The object itself was saved: its new stamp also goes on the instance in hand."""
        stamp = versions.new_stamp()
        self.model.objects.filter(pk=instance.pk).update(page_stamp=stamp)
        instance.page_stamp = stamp
        self.pending.add([instance.pk])

    def store_all_again(self) -> None:
        """Something in every key changed (a stamp such as the taxonomy's): no new stamps, only storing."""
        self.pending.add_all()

    def forget(self, instance) -> None:
        forget(self.kind, [instance.pk])
