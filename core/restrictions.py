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


def _serving_paths() -> frozenset:
    """The paths whose pages, and what lies below them, Wagtail serves behind a restriction: the
    restricted pages, and the aliases of a restricted page (an alias has its source's restrictions,
    `Page.get_view_restrictions`)."""

    def build():
        restricted = PageViewRestriction.objects.values("page_id")
        aliases = Page.objects.filter(alias_of_id__in=restricted).values_list("path", flat=True)
        return restricted_paths() | frozenset(aliases)

    return versions.per_stamp("restricted-serving-paths", PAGES_VERSION, build)


def is_restricted(page) -> bool:
    """True when the page or one of its ancestors has a view restriction, its own or, for an
    alias, its source's."""
    paths = _serving_paths()
    step = Page.steplen
    return bool(paths) and any(page.path[:end] in paths for end in range(step, len(page.path) + 1, step))


class ViewRestrictionsFromMemory:
    """For page models: Wagtail's check before serving a page (its `on_serve_page` hook) asks the
    database for the restrictions of the page and its ancestors, two queries on every page view.
    A page that `is_restricted` says is open has none, so that answer needs no query; any other
    page gets Wagtail's own answer."""

    def get_view_restrictions(self):
        if self.path and not is_restricted(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def public(pages):
    """`pages.public()` without its query for the restrictions."""
    paths = restricted_paths()
    if not paths:
        return pages
    return pages.exclude(reduce(or_, (Q(path__startswith=path) for path in sorted(paths))))
