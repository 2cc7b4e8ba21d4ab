"""Answers for frequent words, computed ahead by the task worker and read by every web process.

A one-word search for a word in a third of 100,000 documents makes the engine find and rank every
match: some 40 ms on SQLite and 300 ms or more on PostgreSQL (bench/toolbox_bench.py), and each web
process pays it again after every change of the documents. Search servers solve this by warming
their caches with recent queries after a commit (Solr's autowarming); this module does the same
with a table (WarmAnswer) that all processes share:

- a visitor's one-word search that the engine has to answer and that matches at least
  EXPOO_SEARCH_WARM_MIN_MATCHES documents notes the word (at most once a day per process) and asks
  the worker to compute it;
- after the documents change (sitesearch.indexing), the worker computes again the answers of the
  words searched in the last RETAIN_DAYS days (at most KEEP_WORDS of them): every match per kind
  in the engine's ranking order, the counts per kind and theme, and the scores of the BEST best
  matches per kind;
- the search functions below answer from the table when the documents stamps (core.versions) of
  the kinds asked about are the ones the answer was computed at, and ask the engine otherwise. So
  an answer is never stale: between a change and the worker's next run, searches cost what they
  did without this module.

Only one-word queries (a single analysed term) are kept: those are the frequent, expensive ones;
a query of several words matches fewer documents and is ranked by the engine as before.
"""

import datetime
import logging
import sys
import time
from array import array
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from core import versions
from core.lru import LRU

from . import engine, registry
from .analysis import Term
from .models import WarmAnswer

logger = logging.getLogger(__name__)

BEST = 200  # the best matches kept per kind: as deep as the per-process caches rank (listing, query)
KEEP_WORDS = 200  # the most recently searched words whose answers are kept
RETAIN_DAYS = 30  # a word nobody searched for this long is dropped
MISSING_SECONDS = 10  # how long a process trusts "no fresh answer" before it reads the table again


def min_matches() -> int:
    return settings.EXPOO_SEARCH_WARM_MIN_MATCHES


def _pack(values, code: str) -> bytes:
    values = array(code, values)
    if sys.byteorder == "big":  # pragma: no cover - stored little-endian, whatever the machine
        values.byteswap()
    return values.tobytes()


def _unpack(data, code: str) -> array:
    values = array(code)
    values.frombytes(bytes(data))
    if sys.byteorder == "big":  # pragma: no cover
        values.byteswap()
    return values


def _stamps(kinds) -> dict[str, int]:
    return {kind: versions.current(registry.documents_stamp(kind)) for kind in kinds}


@dataclass
class Answer:
    term: str
    searched_on: datetime.date
    stamps: dict
    counts: dict
    themes: dict
    offsets: dict
    matches: array
    order: array  # the matches, best first
    best: array
    scores: array

    def fresh(self, kinds) -> bool:
        """Computed at the current documents stamps of these kinds (the request's stamps)."""
        return all(kind in self.stamps and self.stamps[kind] == stamp for kind, stamp in _stamps(kinds).items())

    def matching(self, kind: str) -> list[int]:
        """Every match of the kind (object ids), ascending: cheapest to turn into a bitset."""
        start, end = self.offsets.get(kind, [[0, 0], [0, 0]])[0]
        return self.matches[start:end].tolist()

    def ranking(self, kind: str, limit: int | None = None) -> list[int]:
        """Every match of the kind (object ids), best first, or the first `limit`."""
        start, end = self.offsets.get(kind, [[0, 0], [0, 0]])[0]
        return self.order[start : end if limit is None else min(end, start + limit)].tolist()

    def best_among(self, kind: str, wanted: set, limit: int) -> list[int]:
        """The `limit` best matches of the kind whose object ids are in `wanted`, best first: the
        engine's ranked_among, exact since `matches` is the whole ranking."""
        start, end = self.offsets.get(kind, [[0, 0], [0, 0]])[0]
        found = []
        for object_id in self.order[start:end]:
            if object_id in wanted:
                found.append(object_id)
                if len(found) == limit:
                    break
        return found

    def ranked(self, kinds, limit: int) -> list[tuple[int, str, int, float]]:
        """The engine's ranked(tree, kinds=kinds, limit=limit): the best of each kind merged in the
        engine's order (score, then document id). Exact: the best `limit` of all kinds are among
        the best `limit` of each."""
        rows = []
        for kind in kinds:
            start, end = self.offsets.get(kind, [[0, 0], [0, 0]])[1]
            rows.extend(zip(self.best[start:end], self.scores[start:end], strict=True))
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
    """The kept answer for a one-word tree, if it is fresh for these kinds."""
    if not isinstance(tree, Term):
        return None
    found, read_at = _read.get(tree.stem, lambda: (_load(tree.stem), time.monotonic()))
    if (found is None or not found.fresh(kinds)) and time.monotonic() - read_at > MISSING_SECONDS:
        found = _load(tree.stem)
        _read.put(tree.stem, (found, time.monotonic()))
    if found is None or not found.fresh(kinds):
        return None
    if found.searched_on < timezone.localdate():
        _note(tree.stem, ask_worker=False)
    return found


def _load(term: str) -> Answer | None:
    row = WarmAnswer.objects.filter(term=term).exclude(stamps={}).first()
    if row is None:
        return None
    return Answer(
        term=row.term,
        searched_on=row.searched_on,
        stamps=row.stamps,
        counts=row.counts,
        themes=row.themes,
        offsets=row.offsets,
        matches=_unpack(row.matches, "q"),
        order=_unpack(row.ranking, "q"),
        best=_unpack(row.best, "q"),
        scores=_unpack(row.scores, "d"),
    )


_noted: set = set()  # (term, day) this process has noted


def note(tree, matches: int) -> None:
    """A visitor searched this tree and the engine found `matches` documents: note a frequent word."""
    if isinstance(tree, Term) and matches >= min_matches():
        _note(tree.stem, ask_worker=True)


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
    if ask_worker:
        schedule()


def forget(*, noted: bool = False) -> None:
    """Empty what this process has read of the table (the benchmark's first searches), and with
    `noted` what it has noted today (tests)."""
    _read.clear()
    if noted:
        _noted.clear()


# The search functions, as sitesearch.engine's, answered from the table when they can -------------


def matching(tree, kind: str) -> list[int]:
    found = answer(tree, [kind])
    if found is not None:
        return found.matching(kind)
    ids = engine.matching(tree, kind)
    note(tree, len(ids))
    return ids


def best_object_ids(tree, kind: str, limit: int) -> list[int] | None:
    """The `limit` best matches of one kind (object ids), or None without a fresh kept answer."""
    found = answer(tree, [kind])
    return None if found is None else found.ranking(kind, limit)


def best_among(tree, kind: str, wanted: set, limit: int) -> list[int] | None:
    """The `limit` best matches of one kind among the object ids `wanted`, or None without a fresh kept answer."""
    found = answer(tree, [kind])
    return None if found is None else found.best_among(kind, wanted, limit)


def ranked(tree, *, kinds, theme_id=None, limit: int) -> list[tuple[int, str, int, float]]:
    if theme_id is None and limit <= BEST:
        found = answer(tree, kinds)
        if found is not None:
            return found.ranked(kinds, limit)
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
    """Compute one word's answers from the engine and keep them; returns the counts per kind."""
    tree = Term(term)
    kinds = registry.names()
    with transaction.atomic():
        # The stamps first: the answers read after them are at least as new, so an answer can be
        # newer than its stamps (then unused once a request sees the new stamps), never older.
        stamps = _stamps(kinds)
        matches, ranking, best, scores = [], [], [], []
        offsets, counts, themes = {}, {}, {}
        for kind in kinds:
            rows = engine.ranked(tree, kinds=[kind])  # every match, best first
            offsets[kind] = [[len(matches), len(matches) + len(rows)], [len(best), len(best) + min(len(rows), BEST)]]
            matches.extend(sorted(row[2] for row in rows))
            ranking.extend(row[2] for row in rows)
            best.extend(row[0] for row in rows[:BEST])
            scores.extend(row[3] for row in rows[:BEST])
            counts[kind] = len(rows)
            themes[kind] = {str(t): n for t, n in engine.count_by_theme(tree, kinds=[kind]).items()} if rows else {}
        WarmAnswer.objects.filter(term=term).update(
            stamps=stamps,
            counts=counts,
            themes=themes,
            offsets=offsets,
            matches=_pack(matches, "q"),
            ranking=_pack(ranking, "q"),
            best=_pack(best, "q"),
            scores=_pack(scores, "d"),
            computed_at=timezone.now(),
        )
    return counts


def refresh() -> int:
    """Drop words nobody searched lately and compute the stale answers of the others. Returns the
    number of words computed."""
    today = timezone.localdate()
    WarmAnswer.objects.filter(searched_on__lt=today - datetime.timedelta(days=RETAIN_DAYS)).delete()
    kept = list(WarmAnswer.objects.order_by("-searched_on", "term").values_list("pk", flat=True)[:KEEP_WORDS])
    WarmAnswer.objects.exclude(pk__in=kept).delete()
    computed = 0
    for term, stamps in WarmAnswer.objects.order_by("-searched_on", "term").values_list("term", "stamps"):
        if stamps != _stamps(registry.names()):
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
