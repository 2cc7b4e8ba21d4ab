"""Answers for frequent words, computed ahead by the task worker and read by every web process.

A one-word search for a word in a third of 100,000 documents makes the engine find and rank every
match: some 40 ms on SQLite and 300 ms or more on PostgreSQL (bench/toolbox_bench.py), and each web
process pays it again after every change of the documents. Search servers solve this by warming
their caches with recent queries after a commit (Solr's autowarming); this module does the same
with a table (WarmAnswer) that all processes share:

- a visitor's search that the engine has to answer and that matches at least
  EXPOO_SEARCH_WARM_MIN_MATCHES documents notes its query tree (at most once a day per process) and asks
  the worker to compute it;
- after the documents change (sitesearch.indexing), the worker computes again the answers of the
  words searched in the last RETAIN_DAYS days (at most KEEP_WORDS of them): every match per kind
  in the engine's ranking order, the counts per kind and theme, and the scores of the BEST best
  matches per kind and per kind within each theme;
- the search functions below answer from the table when the documents stamps (core.versions) of
  the kinds asked about are the ones the answer was computed at, and ask the engine otherwise. So
  an answer is never stale: between a change and the worker's next run, searches cost what they
  did without this module.

Any query tree is kept once it is frequent: a word, a compound (its stem or all its parts), a
synonym group or several words. An answer is kept under the tree itself (`key_of`): a change of the
vocabulary or the synonyms that parses the visitor's words into another tree finds another key.
"""

import datetime
import functools
import itertools
import logging
import sys
import time
from array import array
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from core import versions
from core.lru import LRU

from . import engine, registry
from .analysis import Term, from_fts5
from .models import WarmAnswer

logger = logging.getLogger(__name__)

BEST = 200  # the best matches kept per kind: as deep as the per-process caches rank (listing, query)
KEEP_WORDS = 200  # the most recently searched words whose answers are kept
RETAIN_DAYS = 30  # a word nobody searched for this long is dropped
MISSING_SECONDS = 10  # how long a process trusts "no fresh answer" before it reads the table again
KEY_LENGTH = 500  # WarmAnswer.term: a longer tree (a long synonym group) is left to the engine


def key_of(tree) -> str | None:
    """What a tree's answers are kept under: a term's stem, or the tree in the engine's syntax."""
    if isinstance(tree, Term):
        return tree.stem
    key = tree.fts5()
    return key if len(key) <= KEY_LENGTH else None


def tree_of(key: str):
    return from_fts5(key) if key.startswith(("(", '"')) else Term(key)


def min_matches() -> int:
    return settings.EXPOO_SEARCH_WARM_MIN_MATCHES


def _pack(values, code: str = "") -> bytes:
    """The values as bytes, little-endian, after one byte naming their type: `code`, or for
    integers the smallest of uint16, uint32 and int64 that holds them all (the lists of every
    match are a quarter of the size as uint16 differences, which PostgreSQL sends much faster)."""
    values = list(values)
    if not code:
        low, top = min(values, default=0), max(values, default=0)
        code = "q" if low < 0 or top >= 1 << 32 else "H" if top < 1 << 16 else "I"
    packed = array(code, values)
    if sys.byteorder == "big":  # pragma: no cover - stored little-endian, whatever the machine
        packed.byteswap()
    return code.encode() + packed.tobytes()


def _unpack(data) -> array:
    data = bytes(data)
    values = array(chr(data[0])) if data else array("q")
    values.frombytes(data[1:])
    if sys.byteorder == "big":  # pragma: no cover
        values.byteswap()
    return values


def _differences(ascending: list[int]) -> list[int]:
    """Each id minus the one before it (the first as it is): small numbers for a sorted list."""
    return [b - a for a, b in zip([0, *ascending], ascending, strict=False)]


def _stamps(kinds) -> dict[str, int]:
    return {kind: versions.current(registry.documents_stamp(kind)) for kind in kinds}


class Changed(Exception):
    """The worker replaced an answer between reading its counts and its matches."""


@dataclass
class Answer:
    """One query's kept answers. The counts and the best 200 come with the row; the two lists of
    every match are read when first needed (the site search never needs them, and on PostgreSQL
    they are most of the reading time), from the same computation or not at all (Changed)."""

    pk: int
    computed_at: datetime.datetime
    term: str
    searched_on: datetime.date
    stamps: dict
    counts: dict
    themes: dict
    offsets: dict
    best: array
    scores: array

    theme_offsets: dict

    @functools.cached_property
    def matches(self) -> array:
        """The matches, ascending, each kind as differences (see `_differences`)."""
        return self._whole("matches")[0]

    @functools.cached_property
    def order(self) -> array:
        """The matches, best first."""
        return self._whole("ranking")[0]

    @functools.cached_property
    def theme_best(self) -> tuple[array, array]:
        """The best matches per kind within each theme (document ids) and their scores."""
        return self._whole("theme_best", "theme_scores")

    def _whole(self, *fields: str) -> list[array]:
        data = WarmAnswer.objects.filter(pk=self.pk, computed_at=self.computed_at).values_list(*fields).first()
        if data is None:
            _read.put(self.term, (None, 0.0))  # read the new answer next time
            raise Changed(self.term)
        return [_unpack(value) for value in data]

    def fresh(self, kinds) -> bool:
        """Computed at the current documents stamps of these kinds (the request's stamps)."""
        return all(kind in self.stamps and self.stamps[kind] == stamp for kind, stamp in _stamps(kinds).items())

    def matching(self, kind: str) -> list[int]:
        """Every match of the kind (object ids), ascending: cheapest to turn into a bitset."""
        start, end = self.offsets.get(kind, [[0, 0], [0, 0]])[0]
        return list(itertools.accumulate(self.matches[start:end]))

    def ranking(self, kind: str, limit: int | None = None) -> list[int]:
        """Every match of the kind (object ids), best first, or the first `limit`."""
        start, end = self.offsets.get(kind, [[0, 0], [0, 0]])[0]
        return self.order[start : end if limit is None else min(end, start + limit)].tolist()

    def best_among(self, kind: str, wanted, limit: int) -> list[int]:
        """The `limit` best matches of the kind whose object ids are in `wanted`, best first: the
        engine's ranked_among, exact since `matches` is the whole ranking."""
        start, end = self.offsets.get(kind, [[0, 0], [0, 0]])[0]
        wanted, found = set(wanted), []
        for object_id in self.order[start:end]:
            if object_id in wanted:
                found.append(object_id)
                if len(found) == limit:
                    break
        return found

    def ranked(self, kinds, limit: int, theme_id=None) -> list[tuple[int, str, int, float]]:
        """The engine's ranked(tree, kinds=kinds, theme_id=theme_id, limit=limit): the best of each
        kind (within the theme) merged in the engine's order (score, then document id). Exact: the
        best `limit` of all kinds are among the best `limit` of each, and filtering a ranking by
        theme keeps its order. Raises Changed when the theme's lists are gone."""
        if theme_id is None:
            best, scores = self.best, self.scores
            spans = [self.offsets.get(kind, [[0, 0], [0, 0]])[1] for kind in kinds]
        else:
            best, scores = self.theme_best
            spans = [self.theme_offsets.get(kind, {}).get(str(theme_id), [0, 0]) for kind in kinds]
        rows = []
        for start, end in spans:
            rows.extend(zip(best[start:end], scores[start:end], strict=True))
        rows.sort(key=lambda row: (row[1], row[0]))
        return engine.document_rows(rows[:limit])

    def count_by_kind(self, theme_id=None) -> dict[str, int]:
        if theme_id is None:
            return {kind: n for kind, n in self.counts.items() if n}
        per_kind = {kind: self.themes.get(kind, {}).get(str(theme_id), 0) for kind in self.counts}
        return {kind: n for kind, n in per_kind.items() if n}

    def count_by_theme(self, kinds) -> dict[int, int]:
        total: dict[int, int] = {}
        for kind in kinds:
            for theme_id, n in self.themes.get(kind, {}).items():
                total[int(theme_id)] = total.get(int(theme_id), 0) + n
        return total


_read = LRU(64)  # term -> (Answer or None, when read)


def answer(tree, kinds) -> Answer | None:
    """The kept answer for a tree, if it is fresh for these kinds."""
    key = key_of(tree)
    if key is None:
        return None
    found, read_at = _read.get(key, lambda: (_load(key), time.monotonic()))
    if (found is None or not found.fresh(kinds)) and time.monotonic() - read_at > MISSING_SECONDS:
        found = _load(key)
        _read.put(key, (found, time.monotonic()))
    if found is None or not found.fresh(kinds):
        return None
    if found.searched_on < timezone.localdate():
        _note(key, ask_worker=False)
    return found


def _load(term: str) -> Answer | None:
    row = (
        WarmAnswer.objects.filter(term=term).exclude(stamps={}).defer("matches", "ranking", "theme_best", "theme_scores").first()
    )
    if row is None:
        return None
    return Answer(
        pk=row.pk,
        computed_at=row.computed_at,
        term=row.term,
        searched_on=row.searched_on,
        stamps=row.stamps,
        counts=row.counts,
        themes=row.themes,
        offsets=row.offsets,
        best=_unpack(row.best),
        scores=_unpack(row.scores),
        theme_offsets=row.theme_offsets,
    )


_noted: set = set()  # (term, day) this process has noted


def note(tree, matches: int) -> None:
    """A visitor searched this tree and the engine found `matches` documents: note a frequent one."""
    key = key_of(tree)
    if key is not None and matches >= min_matches():
        _note(key, ask_worker=True)


def _note(term: str, *, ask_worker: bool) -> None:
    today = timezone.localdate()
    if (term, today) in _noted:
        return
    if len(_noted) > 10 * KEEP_WORDS:
        _noted.clear()
    _noted.add((term, today))
    try:
        with transaction.atomic():
            if not WarmAnswer.objects.filter(term=term).update(searched_on=today):
                WarmAnswer.objects.create(term=term, searched_on=today)
    except IntegrityError:  # another process noted it at the same moment
        pass
    except DatabaseError:  # a busy database: noting is worth less than the visitor's search
        logger.warning("sitesearch: could not note the frequent word %r", term, exc_info=True)
        return
    if ask_worker:
        schedule()


def forget(*, noted: bool = False) -> None:
    """Empty what this process has read of the table (the benchmark's first searches), and with
    `noted` what it has noted today (tests)."""
    _read.clear()
    if noted:
        _noted.clear()
        _outdated.clear()


# The search functions, as sitesearch.engine's, answered from the table when they can -------------


def matching(tree, kind: str) -> list[int]:
    found = answer(tree, [kind])
    if found is not None:
        try:
            return found.matching(kind)
        except Changed:
            pass
    ids = engine.matching(tree, kind)
    note(tree, len(ids))
    return ids


def best_object_ids(tree, kind: str, limit: int) -> list[int] | None:
    """The `limit` best matches of one kind (object ids), or None without a fresh kept answer."""
    found = answer(tree, [kind])
    try:
        return None if found is None else found.ranking(kind, limit)
    except Changed:
        return None


def best_among(tree, kind: str, wanted, limit: int) -> list[int] | None:
    """The `limit` best matches of one kind among the object ids `wanted`, or None without a fresh kept answer."""
    found = answer(tree, [kind])
    try:
        return None if found is None else found.best_among(kind, wanted, limit)
    except Changed:
        return None


_outdated: set = set()  # answers kept before the per-theme lists that this process asked the worker about


def ranked(tree, *, kinds, theme_id=None, limit: int) -> list[tuple[int, str, int, float]]:
    if limit <= BEST:
        found = answer(tree, kinds)
        if found is not None and (theme_id is None or found.theme_offsets):
            try:
                return found.ranked(kinds, limit, theme_id)
            except Changed:
                pass
        elif found is not None and found.term not in _outdated:  # kept before the lists per theme
            _outdated.add(found.term)
            schedule()
    return engine.ranked(tree, kinds=kinds, theme_id=theme_id, limit=limit)


def count_by_kind(tree, *, theme_id=None) -> dict[str, int]:
    found = answer(tree, registry.names())
    if found is not None:
        return found.count_by_kind(theme_id)
    counts = engine.count_by_kind(tree, theme_id=theme_id)
    if theme_id is None:
        note(tree, sum(counts.values()))
    return counts


def count_by_theme(tree, *, kinds) -> dict[int, int]:
    found = answer(tree, kinds)
    if found is not None:
        return found.count_by_theme(kinds)
    return engine.count_by_theme(tree, kinds=kinds)


# The worker's side --------------------------------------------------------------------------------


def schedule() -> None:
    """Ask the worker to bring the kept answers up to date once the current transaction commits."""
    from .tasks import warm_answers

    transaction.on_commit(warm_answers.enqueue, robust=True)


def changed() -> None:
    """The documents changed (sitesearch.indexing): the kept answers are stale; ask for new ones."""
    if WarmAnswer.objects.exists():
        schedule()


def compute(term: str) -> dict:
    """Compute one tree's answers (`term` is its key_of) from the engine and keep them; returns
    the counts per kind."""
    tree = tree_of(term)
    kinds = registry.names()
    # No transaction around the reads: on SQLite (IMMEDIATE) it would hold the write lock while the
    # engine ranks. The stamps are read first, so what is read after them is at least as new: an
    # answer can be newer than its stamps (unused once a request sees the new stamps), never older.
    stamps = _stamps(kinds)
    matches, ranking, best, scores = [], [], [], []  # matches: per kind, differences of the ascending ids
    theme_best, theme_scores = [], []
    offsets, counts, themes, theme_offsets = {}, {}, {}, {}
    for kind in kinds:
        rows = engine.ranked(tree, kinds=[kind])  # every match, best first
        offsets[kind] = [[len(matches), len(matches) + len(rows)], [len(best), len(best) + min(len(rows), BEST)]]
        matches.extend(_differences(sorted(row[2] for row in rows)))
        ranking.extend(row[2] for row in rows)
        best.extend(row[0] for row in rows[:BEST])
        scores.extend(row[3] for row in rows[:BEST])
        counts[kind] = len(rows)
        per_theme = _best_per_theme(rows, engine.document_themes(tree, kind) if rows else [])
        themes[kind] = {str(t): n for t, (n, _rows) in per_theme.items()}
        theme_offsets[kind] = {}
        for theme_id, (_n, theme_rows) in per_theme.items():
            theme_offsets[kind][str(theme_id)] = [len(theme_best), len(theme_best) + len(theme_rows)]
            theme_best.extend(row[0] for row in theme_rows)
            theme_scores.extend(row[3] for row in theme_rows)
    WarmAnswer.objects.filter(term=term).update(
        stamps=stamps,
        counts=counts,
        themes=themes,
        offsets=offsets,
        matches=_pack(matches),
        ranking=_pack(ranking),
        best=_pack(best),
        scores=_pack(scores, "d"),
        theme_offsets=theme_offsets,
        theme_best=_pack(theme_best),
        theme_scores=_pack(theme_scores, "d"),
        computed_at=timezone.now(),
    )
    return counts


def _best_per_theme(rows, pairs) -> dict[int, tuple[int, list]]:
    """{theme id: (matches in the theme, its BEST best rows)} from one kind's ranking (best first)
    and the (document id, theme id) pairs of its matches."""
    themes_of: dict[int, list[int]] = {}
    for doc_id, theme_id in pairs:
        themes_of.setdefault(doc_id, []).append(theme_id)
    per_theme: dict[int, tuple[int, list]] = {}
    for row in rows:
        for theme_id in themes_of.get(row[0], ()):
            n, best = per_theme.get(theme_id, (0, []))
            if n < BEST:
                best.append(row)
            per_theme[theme_id] = (n + 1, best)
    return per_theme


def refresh() -> int:
    """Drop words nobody searched lately and compute the stale answers of the others. Returns the
    number of words computed."""
    today = timezone.localdate()
    WarmAnswer.objects.filter(searched_on__lt=today - datetime.timedelta(days=RETAIN_DAYS)).delete()
    kept = list(WarmAnswer.objects.order_by("-searched_on", "term").values_list("pk", flat=True)[:KEEP_WORDS])
    WarmAnswer.objects.exclude(pk__in=kept).delete()
    computed = 0
    rows = WarmAnswer.objects.order_by("-searched_on", "term").values_list("term", "stamps", "theme_offsets")
    for term, stamps, theme_offsets in rows:
        if stamps != _stamps(registry.names()) or not theme_offsets:  # stale, or kept before the lists per theme
            started = time.perf_counter()
            counts = compute(term)
            computed += 1
            logger.info(
                "sitesearch: answers of %r computed in %.0f ms (%d matches)",
                term,
                (time.perf_counter() - started) * 1000,
                sum(counts.values()),
            )
    return computed
