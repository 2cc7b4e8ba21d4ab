"""Search plumbing shared by every search box: query clean-up and the site-wide search.

The Dutch-aware search of the whole platform (stemming, compounds, synonyms) comes with the
search issue; this module keeps one entry point so that work replaces a body, not the callers.
"""

import re

from wagtail.models import Page

MAX_QUERY_LENGTH = 200
# Characters that carry meaning in FTS5 or tsquery syntax; a visitor means them as plain text.
_SYNTAX = re.compile(r"[\"'()*:^{}\[\]<>+\-~|&!\\\x00-\x1f\x7f]")


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_param(raw: str | None, max_length: int = 120) -> str:
    """A filter value from the query string: bounded, without control characters (PostgreSQL refuses NUL)."""
    return _CONTROL.sub("", (raw or "")[:max_length])


def clean_query(raw: str | None) -> str:
    """Turn whatever a visitor typed into safe plain words (no search syntax, bounded length)."""
    text = _SYNTAX.sub(" ", (raw or "")[:MAX_QUERY_LENGTH])
    return " ".join(text.split())


_kinds: list = []


def register_kind(name: str, search, order: int = 50):
    """A capability adds its public content to the site search. `search(query, limit)` returns
    objects that the public may see; the template `core/search_hit_<name>.html` renders one."""
    _kinds.append((order, name, search))
    _kinds.sort(key=lambda kind: kind[0])


def search_site(query: str, *, limit: int = 50) -> list[dict]:
    """Search what any visitor may see, kind by kind: a list of {"kind", "object"} hits."""
    query = clean_query(query)
    if not query:
        return []
    hits = []
    for _order, name, search in _kinds:
        hits.extend({"kind": name, "object": obj} for obj in search(query, limit))
    return hits


def _pages(query, limit):
    return list(Page.objects.live().public().specific().search(query, operator="and")[:limit])


def _organisations(query, limit):
    from organisations.models import Organisation

    return list(Organisation.objects.public().select_related("municipality").search(query, operator="and")[:limit])


register_kind("organisation", _organisations, order=30)
register_kind("page", _pages, order=90)
