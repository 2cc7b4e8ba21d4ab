"""What a capability's own listing needs from the search (the databank, the Toolbox): the ids of
one kind that match a query, for its own facets, and the best of them, for a page sorted by
relevance. The query is parsed once (`tree(query)`) and used for both."""

from core.search import clean_query

from . import engine, registry
from .query import parse


def tree(query: str):
    """The parsed query tree of what a visitor typed, or None when there is nothing to search."""
    return parse(clean_query(query)).tree


def matching_ids(kind: str, query_tree) -> list[int]:
    """Object ids of `kind` matching the tree, in no particular order (no ranking is computed)."""
    if query_tree is None:
        return []
    return engine.matching(query_tree, kind)


def best_ids(kind: str, query_tree, limit: int) -> list[int]:
    """The `limit` best-matching object ids of `kind`, best first (a top-N sort in the engine)."""
    if query_tree is None:
        return []
    return [object_id for _id, _kind, object_id, _score in engine.ranked(query_tree, kinds=[kind], limit=limit)]


def best_among(kind: str, query_tree, object_ids, limit: int) -> list[int]:
    """The `limit` best-matching of these object ids of `kind`, best first: for a listing whose
    other filters leave fewer candidates than the words match."""
    if query_tree is None:
        return []
    ids = [registry.document_id(kind, pk) for pk in object_ids]
    return [object_id for _id, _kind, object_id, _score in engine.ranked_among(query_tree, ids, limit)]
