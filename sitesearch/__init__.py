"""One Dutch-aware search over every kind of public content (see README.md).

sitesearch.register(kind, label=..., queryset=..., document=..., code=N)
sitesearch.search(query, kinds=None, theme=None, page=1, per_page=20)
sitesearch.match_ids(kind, query) -> list[int]
sitesearch.highlight(text, query) -> SafeString
sitesearch.index_object(kind, obj), sitesearch.remove(kind, pk)
"""

from .registry import register

__all__ = ["highlight", "index_object", "match_ids", "register", "remove", "search"]


def __getattr__(name):
    # The query and indexing modules use models: imported on first use, after the app registry is ready.
    if name in ("search", "match_ids", "highlight"):
        from . import query

        return getattr(query, name)
    if name in ("index_object", "remove"):
        from . import indexing

        return getattr(indexing, name)
    raise AttributeError(name)
