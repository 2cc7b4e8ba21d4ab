"""The body of a publication's page, rendered once per change and kept in the fragments cache.

A publication's page costs about 13 ms, most of it loading its authors, terms, document and stored
reference and running the template; the body they make is the same for every visitor until the
publication changes. It is kept in the "fragments" cache (Redis in production, shared by every
web process; a bounded local memory per process when embedded) under a key of
- the publication, the language and the release (core.fragments.key: code, templates and
  translations, so a deploy never shows a body the last release made);
- the version stamps of what it shows: "toolbox" (renewed by every change to a publication, its
  authors or its themes, toolbox/facets.py), "taxonomy" (the terms' names) and "pages" (documents,
  core/pagecache.py).
A stamp is read before the content, so a kept body is never older than its key. The related
practices and dossiers come from the in-memory indexes at each request and go into RELATED_SLOT;
the site's address goes where the body has core.fragments.BASE (the reference names the page).
"""

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core import fragments, taxonomy, versions
from core.cards import CARD_CACHE_SECONDS
from core.cards import fragments as fragment_cache
from practices.models import Practice

from .citations import FORMAT_LABELS, format_citation

KIND = "publication-body"
STAMPS = ("toolbox", "taxonomy", "pages")
RELATED_SLOT = "<!--expoo:related-->"
RELATED_PRACTICES = 4
RELATED_DOSSIERS = 4
TERM_RELATIONS = ("themes", "target_groups", "age_groups", "support_functions", "settings")


def related_practices(theme_ids: list[int]) -> list:
    """Practices with a public description that share a theme with the publication, newest first
    (the databank's order), from the databank's facet index: no query."""
    from practices.facets import FacetIndex

    found = FacetIndex.current().newest_described(theme_ids, RELATED_PRACTICES) if theme_ids else []
    return [Practice(pk=pk, title=title, slug=slug) for pk, title, slug in found]


def related_dossiers(publication_pk, theme_ids: list[int]) -> list:
    """Live, public thematic dossiers that list the publication, then those on one of its themes."""
    from dossiers.directory import DossierDirectory  # the live, public dossiers, kept in memory

    return DossierDirectory.current().for_publication(publication_pk, theme_ids, RELATED_DOSSIERS)


def render(publication, base_url: str) -> str:
    """The body with RELATED_SLOT in place of the related practices and dossiers; `publication`
    has its authors, terms, document and stored reference at hand."""
    return render_to_string(
        "toolbox/_publication_body.html",
        {
            "publication": publication,
            "authors": list(publication.authors.all()),
            "citation": format_citation(publication, base_url),
            "export_formats": FORMAT_LABELS,
            "related_slot": mark_safe(RELATED_SLOT),
        },
    )


def with_related(html: str, publication_pk, theme_ids: list[int]) -> SafeString:
    related = render_to_string(
        "toolbox/_publication_related.html",
        {"related_practices": related_practices(theme_ids), "related_dossiers": related_dossiers(publication_pk, theme_ids)},
    )
    return mark_safe(html.replace(RELATED_SLOT, related, 1))  # noqa: S308 - our own rendering


def key(publication) -> str:
    return fragments.key(KIND, publication.pk, *(versions.current(stamp) for stamp in STAMPS), get_language())


def body(publication, request) -> SafeString:
    """The page's body for a public publication: kept if its key is, else loaded, rendered and kept."""
    wanted = key(publication)
    cache = fragment_cache()
    kept = cache.get(wanted)
    if kept is None:
        load(publication)
        kept = (render(publication, fragments.BASE), [term.pk for term in publication.themes.all()])
        cache.set(wanted, kept, timeout=CARD_CACHE_SECONDS)
    html, theme_ids = kept
    return with_related(fragments.with_base(html, f"{request.scheme}://{request.get_host()}"), publication.pk, theme_ids)


def load(publication) -> None:
    """What the body shows beyond the row (and its document and stored reference, which the page
    selects with it): the authors, and the terms of all five taxonomies in one query (core.taxonomy) instead of five, stored where Django's
    prefetch_related keeps them, so `publication.themes.all()` (the template, the reference) reads
    them in the terms' own order."""
    prefetch_related_objects([publication], "authors")
    found = taxonomy.terms_of(publication, TERM_RELATIONS)
    cache = publication.__dict__.setdefault("_prefetched_objects_cache", {})
    for relation, terms in found.items():
        queryset = getattr(publication, relation).get_live_queryset()
        queryset._result_cache, queryset._prefetch_done = terms, True
        cache[relation] = queryset
