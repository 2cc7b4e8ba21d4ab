"""What a capability's own listing needs from the search (the databank, the Toolbox): the ids of
one kind that match a query, for its own facets, and the best of them, for a page sorted by
relevance. The query is parsed once (`tree(query)`) and used for both.

The best matches of a query are kept per process (BEST_CACHED of them, for the last
CACHED_QUERIES queries), keyed on the kind's documents stamp: a visitor who narrows a search with
facets, or pages through it, does not have the engine rank every match again, and any change to
the kind's documents starts afresh. Ranking a word found in a third of 100,000 documents costs the
engine some 35 ms on SQLite (bench/toolbox_bench.py); reading the cached list costs nothing.
"""

from core.lru import LRU
from core.search import clean_query

from . import engine, registry, warm
from .cache import stamps
from .query import parse


def tree(query: str):
    """The parsed query tree of what a visitor typed, or None when there is nothing to search."""
    return parse(clean_query(query)).tree


def matching_ids(kind: str, query_tree) -> list[int]:
    """Object ids of `kind` matching the tree, in no particular order (no ranking is computed)."""
    if query_tree is None:
        return []
    return warm.matching(query_tree, kind)


def text_mask(index, kind: str, query_tree) -> int:
    """The bitset, in a listing's facet index (core.facets.StampedIndex), of the objects of `kind`
    that match the tree; kept by the index for the next request with the same words."""
    if query_tree is None:
        return 0
    key = (query_tree.fts5(), stamps([kind]))
    return index.cached_mask(key, lambda: index.mask_of_ids(matching_ids(kind, query_tree)))


BEST_CACHED = 200
_best = LRU(256)


def forget() -> None:
    """Empty this process's caches of search answers (the benchmark's "first search" does)."""
    _best.clear()
    from .query import forget as forget_site_search

    forget_site_search()
    warm.forget()


def best_ids(kind: str, query_tree, limit: int) -> list[int]:
    """The `limit` best-matching object ids of `kind`, best first (a top-N sort in the engine)."""
    if query_tree is None:
        return []
    if limit > BEST_CACHED:
        kept = warm.best_object_ids(query_tree, kind, limit)
        if kept is not None:
            return kept
        return [object_id for _id, _kind, object_id, _score in engine.ranked(query_tree, kinds=[kind], limit=limit)]
    key = (kind, query_tree.fts5(), stamps([kind]))
    rows = _best.get(key, lambda: warm.ranked(query_tree, kinds=[kind], limit=BEST_CACHED))
    return [object_id for _id, _kind, object_id, _score in rows[:limit]]


def best_among(kind: str, query_tree, object_ids, limit: int) -> list[int]:
    """The `limit` best-matching of these object ids of `kind`, best first: for a listing whose
    other filters leave fewer candidates than the words match."""
    if query_tree is None:
        return []
    object_ids = list(object_ids)
    kept = warm.best_among(query_tree, kind, object_ids, limit)
    if kept is not None:
        return kept
    ids = [registry.document_id(kind, pk) for pk in object_ids]
    return [object_id for _id, _kind, object_id, _score in engine.ranked_among(query_tree, ids, limit)]


def ranked(index, kind: str, query_tree, matches: int, candidates: int, stop: int) -> list[int]:
    """The first `stop` of a listing's `candidates` (a bitset of its facet index: the matches its
    other filters let through), best match first; the best 200 are kept for the next request. When the filters leave fewer candidates than the
    words match, the engine ranks just those; otherwise it ranks only as many matches as fill the
    page (a top-N sort), guessed generously from the share that passes, and ranks them all only
    when that guess falls short."""
    wanted = candidates.bit_count()
    if wanted * 2 <= matches:
        # Kept like best_ids: the candidates (a bitset of this index version) are part of the key.
        # Ranked only as deep as the page (ranking 200 among thousands of candidates costs more).
        key = ("among", kind, query_tree.fts5(), stamps([kind]), index.version, candidates, stop)
        return _best.get(key, lambda: best_among(kind, query_tree, index.in_order(candidates), stop))
    limit = min(matches, max(100, int(stop * matches / max(wanted, 1) * 3)))
    position = index.position
    while True:
        ids = [pk for pk in best_ids(kind, query_tree, limit) if pk in position and candidates >> position[pk] & 1]
        if len(ids) >= min(stop, wanted) or limit >= matches:
            return ids[:stop]
        limit = matches
