"""The live, public thematic dossiers in memory, rebuilt when the "pages" version stamp moves.

A dossier page names its related dossiers and a publication's page names the dossiers that list
it or share one of its themes. Both asked the database for the dossiers that are live and not
behind a view restriction (three queries: the links, every view restriction, the pages); there are
a few dozen dossiers, so one process keeps them with their knowledge-document links.

The "pages" stamp (core.versions) moves in the transaction of every page save, delete, move,
publish and unpublish (core.signals) and of every view restriction change (core.pagecache), so
the directory is never older than the request that reads it. The links to publications are the
live page's own rows: Wagtail writes them when a revision is published, never for a draft.
"""

from core.context_processors import PAGES_VERSION
from core.facets import StampedIndex


class DossierDirectory(StampedIndex):
    STAMP = PAGES_VERSION

    def build(self):
        from .models import DossierPublication, ThemeDossierPage

        # The database's order of titles (its collation), as `order_by("title")` gave the pages.
        self.pages = list(ThemeDossierPage.objects.live().public().order_by("title", "pk"))
        self.by_pk = {page.pk: page for page in self.pages}
        self.listing: dict[int, set[int]] = {}  # publication id -> ids of the dossiers listing it
        links = DossierPublication.objects.filter(page_id__in=list(self.by_pk)).values_list("publication_id", "page_id")
        for publication_id, page_id in links:
            self.listing.setdefault(publication_id, set()).add(page_id)

    def visible(self, ids) -> list:
        """The dossiers among these ids that are live and public, in the order of the ids."""
        return [self.by_pk[pk] for pk in ids if pk in self.by_pk]

    def for_publication(self, publication_id, theme_ids, limit: int) -> list:
        """Dossiers listing the publication first, then those on one of its themes; by title."""
        chosen = self.listing.get(publication_id, set())
        themes = set(theme_ids)
        found = [page for page in self.pages if page.pk in chosen or page.theme_id in themes][:limit]
        return sorted(found, key=lambda page: page.pk not in chosen)
