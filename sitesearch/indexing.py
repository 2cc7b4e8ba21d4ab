"""Writing the index: one object, a batch after a commit, or everything at once.

A document exists if and only if the kind's public queryset holds the object: every write
re-reads the object through that queryset, so a save that hides an object removes it. The
vocabulary (words and their document frequency) changes in the same transaction.
"""

import datetime
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from html import unescape as unescape_entities

from django.db import connection, transaction
from django.utils import translation
from django.utils.html import strip_tags

from core import versions

from . import registry, vocabulary, warm
from .analysis import content_tokens, stem
from .models import SearchDocument, SearchTerm

logger = logging.getLogger(__name__)

MAX_TEXT_CHARS = 50_000  # indexed and kept for snippets; longer texts are cut
BATCH = 1000
_SPACES = re.compile(r"[ \t\r\f\v]+")
_LINES = re.compile(r"\s*\n\s*")


def plain_text(value) -> str:
    """Text from a value of a search field: strings, lists of strings (StreamField), HTML."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(plain_text(v) for v in value)
    text = str(value)
    if "<" in text:
        text = unescape_entities(strip_tags(text.replace("</p>", "</p>\n").replace("<br", "\n<br")))
    return _LINES.sub("\n", _SPACES.sub(" ", text)).strip()


def text_from_search_fields(obj, skip=("title",)) -> str:
    """The text of the model's Wagtail `search_fields` (SearchField only), as the admin search sees it."""
    from modelsearch import index

    parts = []
    for search_field in obj.get_search_fields():
        if isinstance(search_field, index.SearchField) and search_field.field_name not in skip:
            text = plain_text(search_field.get_value(obj))
            if text and text not in parts:
                parts.append(text)
    return "\n".join(parts)


def vocabulary_words(words: Iterable[str]) -> set[str]:
    """The words of a document that enter the vocabulary: letters only, three or more."""
    return {w for w in words if len(w) >= 3 and w.isalpha()}


def build(kind: str, obj) -> dict:
    """The kind's document for an object, cleaned and bounded. Call with Dutch active (labels)."""
    raw = registry.get(kind).document(obj)
    date = raw.get("date")
    if isinstance(date, datetime.datetime):
        date = date.date()
    title = plain_text(raw.get("title"))[:500]
    text = plain_text(raw.get("text"))[:MAX_TEXT_CHARS]
    return {
        "kind": kind,
        "object_id": int(obj.pk),
        "title": title,
        "text": text,
        "url": str(raw.get("url") or "")[:500],
        "date": date,
        "language": raw.get("language") or "nl",
        "themes": sorted({getattr(t, "pk", t) for t in raw.get("themes") or []}),
        "title_words": content_tokens(title),
        "text_words": content_tokens(text),
    }


def _public(kind: str, pks) -> list:
    entry = registry.get(kind)
    pks = sorted(pks)
    objects = []
    for i in range(0, len(pks), 500):
        objects.extend(entry.queryset().filter(pk__in=pks[i : i + 500]))
    return objects


def _existing(keys: dict[str, set[int]]) -> list[tuple]:
    rows = []
    for kind, pks in keys.items():
        pks = sorted(pks)
        for i in range(0, len(pks), 500):
            rows.extend(
                SearchDocument.objects.filter(kind=kind, object_id__in=pks[i : i + 500]).values_list("id", "title", "text")
            )
    return rows


def _apply_delta(delta: Counter) -> None:
    increments = [(w, stem(w), n) for w, n in delta.items() if n > 0]
    decrements = [(n, n, w) for w, n in delta.items() if n < 0]
    table = SearchTerm._meta.db_table
    with connection.cursor() as cursor:
        if increments:
            cursor.executemany(
                f"INSERT INTO {table} (term, stem, df) VALUES (%s, %s, %s) "
                f"ON CONFLICT (term) DO UPDATE SET df = {table}.df + excluded.df",
                increments,
            )
        if decrements:
            cursor.executemany(
                f"UPDATE {table} SET df = CASE WHEN df + %s > 0 THEN df + %s ELSE 0 END WHERE term = %s",
                decrements,
            )
            cursor.execute(f"DELETE FROM {table} WHERE df <= 0")


def _delete_documents(ids: list[int]) -> None:
    through = SearchDocument.themes.through._meta.db_table
    table = SearchDocument._meta.db_table
    with connection.cursor() as cursor:
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {through} WHERE searchdocument_id IN ({marks})", chunk)
            cursor.execute(f"DELETE FROM {table} WHERE id IN ({marks})", chunk)


def _insert_documents(documents: list[dict], analyzer) -> None:
    """Analyse and insert documents in batches (executemany), then link their themes. A document's
    id is fixed by its kind and object (registry.document_id)."""
    table = SearchDocument._meta.db_table
    through = SearchDocument.themes.through._meta.db_table
    columns = "id, kind, object_id, title, url, text, date, language, title_terms, body_terms, indexed_at"
    insert = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * 11)})"
    ops = connection.ops
    now = ops.adapt_datetimefield_value(datetime.datetime.now(tz=datetime.UTC))
    with connection.cursor() as cursor:
        for i in range(0, len(documents), BATCH):
            batch = documents[i : i + BATCH]
            rows = [
                (
                    registry.document_id(d["kind"], d["object_id"]),
                    d["kind"],
                    d["object_id"],
                    d["title"],
                    d["url"],
                    d["text"],
                    ops.adapt_datefield_value(d["date"]),
                    d["language"],
                    " ".join(analyzer.terms_of(d["title_words"])),
                    " ".join(analyzer.terms_of(d["text_words"])),
                    now,
                )
                for d in batch
            ]
            cursor.executemany(insert, rows)
            links = [(registry.document_id(d["kind"], d["object_id"]), theme) for d in batch for theme in d["themes"]]
            if links:
                cursor.executemany(f"INSERT INTO {through} (searchdocument_id, theme_id) VALUES (%s, %s)", links)


def index_many(items: Iterable) -> int:
    """Bring the index in line with the public state of these (kind, pk) objects: add, replace or
    remove each one. Returns the number of documents written."""
    keys: dict[str, set[int]] = defaultdict(set)
    for kind, pk in items:
        try:
            registry.get(kind)
        except KeyError:
            logger.warning("sitesearch: unknown kind %r", kind)
            continue
        keys[kind].add(int(pk))
    if not keys:
        return 0
    with transaction.atomic(), translation.override("nl-be"):
        documents = [build(kind, obj) for kind, pks in keys.items() for obj in _public(kind, pks)]
        return _replace(keys, documents)


def _replace(keys: dict[str, set[int]], documents: list[dict]) -> int:
    old = _existing(keys)
    delta = Counter()
    for _id, title, text in old:
        delta.subtract(vocabulary_words(content_tokens(title) + content_tokens(text)))
    for d in documents:
        delta.update(vocabulary_words(d["title_words"] + d["text_words"]))
    delta = Counter({w: n for w, n in delta.items() if n})
    if delta:
        _apply_delta(delta)
        vocabulary.changed()
    _delete_documents([row[0] for row in old])
    if documents:
        _insert_documents(documents, vocabulary.current().analyzer)
    if old or documents:
        for kind in keys:
            versions.bump(registry.documents_stamp(kind))
        warm.changed()
    return len(documents)


def index_object(kind: str, obj) -> bool:
    """Index one object (or its pk) as the public sees it now; True if it is in the index after."""
    pk = getattr(obj, "pk", obj)
    return bool(index_many([(kind, pk)]))


def remove(kind: str, pk) -> None:
    """Take an object out of the index, whatever its state."""
    with transaction.atomic():
        _replace({kind: {int(pk)}}, [])


def rebuild(kinds: list[str] | None = None, progress=None) -> dict[str, int]:
    """Rebuild the documents of these kinds (all when None) and recount the vocabulary, in one
    transaction. Returns the number of documents per kind."""
    selected = kinds or registry.names()
    counts = {}
    with transaction.atomic(), translation.override("nl-be"):
        documents = []
        for kind in selected:
            qs = registry.get(kind).queryset()
            try:
                objects = qs.iterator(chunk_size=500)
            except (TypeError, ValueError):  # pragma: no cover - querysets that cannot stream
                objects = iter(qs)
            before = len(documents)
            documents.extend(build(kind, obj) for obj in objects)
            counts[kind] = len(documents) - before
            if progress:
                progress(f"{kind}: {counts[kind]} documents read")
        # The vocabulary from scratch: these documents and those of the kinds left alone.
        df = Counter()
        for d in documents:
            df.update(vocabulary_words(d["title_words"] + d["text_words"]))
        if kinds is not None:
            others = SearchDocument.objects.exclude(kind__in=selected).values_list("title", "text")
            for title, text in others.iterator(chunk_size=2000):
                df.update(vocabulary_words(content_tokens(title) + content_tokens(text)))
        with connection.cursor() as cursor:
            table = SearchTerm._meta.db_table
            cursor.execute(f"DELETE FROM {table}")
            rows = [(w, stem(w), n) for w, n in df.items()]
            for i in range(0, len(rows), 5000):
                cursor.executemany(f"INSERT INTO {table} (term, stem, df) VALUES (%s, %s, %s)", rows[i : i + 5000])
        vocabulary.changed()
        analyzer = vocabulary.current().analyzer
        stale = SearchDocument.objects.all() if kinds is None else SearchDocument.objects.filter(kind__in=selected)
        _delete_documents(list(stale.values_list("id", flat=True)))
        _insert_documents(documents, analyzer)
        for kind in selected:
            versions.bump(registry.documents_stamp(kind))
        warm.changed()
    return counts
