"""Which pages are behind a view restriction (a password, logged-in visitors, groups), kept per
version of the page tree.

Wagtail asks the database on every page it serves and in every `.public()` queryset; the answer
changes only when a restriction or the tree changes, and both renew the "pages" stamp in the
changing transaction (core.signals, core.pagecache). A restriction covers the page it is set on
and everything below it, so a page is restricted when its path or one of its ancestors' paths
(a prefix, Page.steplen characters per level) carries one.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from . import versions
from .context_processors import PAGES_VERSION


def restricted_paths() -> frozenset:
    return versions.per_stamp(
        "restricted-paths",
        PAGES_VERSION,
        lambda: frozenset(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def is_restricted(page) -> bool:
    """True when the page or one of its ancestors has a view restriction."""
    paths = restricted_paths()
    step = Page.steplen
    return bool(paths) and any(page.path[:end] in paths for end in range(step, len(page.path) + 1, step))


def public(pages):
    """`pages.public()` without its query for the restrictions."""
    paths = restricted_paths()
    if not paths:
        return pages
    return pages.exclude(reduce(or_, (Q(path__startswith=path) for path in sorted(paths))))
