"""Search plumbing shared by every search box: query clean-up and the site-wide search.

The Dutch-aware search of the whole platform (stemming, compounds, synonyms) comes with the
search issue; this module keeps one entry point so that work replaces a body, not the callers.
"""

import re

from wagtail.models import Page

MAX_QUERY_LENGTH = 200
# Characters that carry meaning in FTS5 or tsquery syntax; a visitor means them as plain text.
_SYNTAX = re.compile(r"[\"'()*:^{}\[\]<>+\-~|&!\\]")


def clean_query(raw: str | None) -> str:
    """Turn whatever a visitor typed into safe plain words (no search syntax, bounded length)."""
    text = _SYNTAX.sub(" ", (raw or "")[:MAX_QUERY_LENGTH])
    return " ".join(text.split())


def search_site(query: str, *, limit: int = 50) -> dict:
    """Search what any visitor may see: live public pages and approved organisations."""
    from organisations.models import Organisation

    query = clean_query(query)
    if not query:
        return {"pages": [], "organisations": []}
    pages = Page.objects.live().public().specific().search(query, operator="and")[:limit]
    organisations = Organisation.objects.public().select_related("municipality").search(query, operator="and")[:limit]
    return {"pages": list(pages), "organisations": list(organisations)}
