"""Search plumbing shared by every search box: query clean-up, and the entry to the site search.

The site-wide, Dutch-aware search (stemming, compounds, synonyms, typos) lives in the `sitesearch`
app; capabilities register their kinds there (sitesearch.register).
"""

import re

MAX_QUERY_LENGTH = 200
# No Dutch word is this long; a longer "word" only makes the typo and compound analysis slow.
MAX_WORD_LENGTH = 50
# Characters that carry meaning in FTS5 or tsquery syntax; a visitor means them as plain text.
_SYNTAX = re.compile(r"[\"'()*:^{}\[\]<>+\-~|&!\\\x00-\x1f\x7f]")


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_param(raw: str | None, max_length: int = 120) -> str:
    """A filter value from the query string: bounded, without control characters (PostgreSQL refuses NUL)."""
    return _CONTROL.sub("", (raw or "")[:max_length])


def clean_query(raw: str | None) -> str:
    """Turn whatever a visitor typed into safe plain words (no search syntax, bounded length)."""
    text = _SYNTAX.sub(" ", (raw or "")[:MAX_QUERY_LENGTH])
    return " ".join(word[:MAX_WORD_LENGTH] for word in text.split())


def search_site(query: str, *, limit: int = 50) -> list:
    """The best hits (kind, object, snippet) across every kind any visitor may see."""
    from sitesearch.query import search

    query = clean_query(query)
    if not query:
        return []
    return search(query, per_page=limit).hits
