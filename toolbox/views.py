"""What anyone may see: the Toolbox list, a publication's page and citation exports."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from core import taxonomy
from core.cards import cached_cards
from practices.models import Practice

from .citations import EXPORT_LIMIT, EXPORTERS, FORMAT_LABELS, FORMATS, export_queryset, format_citation
from .models import FIRST_YEAR, Publication, latest_year
from .search import SORTS, PublicationSearch

PAGE_SIZE = 20
RELATED_PRACTICES = 4
RELATED_DOSSIERS = 4


@require_GET
def toolbox(request):
    search = PublicationSearch(request.GET)
    ids = search.run()
    page_obj = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "search": search,
        "page_obj": page_obj,
        "result_ids": list(page_obj.object_list),
        "cards": cached_cards(
            "publication",
            list(page_obj.object_list),
            search.index.version,
            PublicationSearch.load,
            "toolbox/_publication_result.html",
            "publication",
        ),
        "facets": search.facets(len(ids)),
        "sorts": SORTS,
        "total": len(ids),
        "export_formats": FORMAT_LABELS,
        "year_bounds": (FIRST_YEAR, latest_year()),
    }
    return render(request, "toolbox/toolbox.html", context)


def related_practices(publication):
    """Practices with a public description that share a theme with the publication, newest first
    (the databank's order), from the databank's facet index: no query."""
    from practices.facets import FacetIndex

    theme_ids = [t.pk for t in publication.themes.all()]
    found = FacetIndex.current().newest_described(theme_ids, RELATED_PRACTICES) if theme_ids else []
    return [Practice(pk=pk, title=title, slug=slug) for pk, title, slug in found]


def related_dossiers(publication):
    """Live, public thematic dossiers that list the publication, then those on one of its themes."""
    from dossiers.directory import DossierDirectory  # the live, public dossiers, kept in memory

    theme_ids = [t.pk for t in publication.themes.all()]
    return DossierDirectory.current().for_publication(publication.pk, theme_ids, RELATED_DOSSIERS)


def detail_context(publication, request=None) -> dict:
    """Everything a publication's page shows (also the admin preview of a draft)."""
    base_url = request.build_absolute_uri("/") if request else ""
    return {
        "publication": publication,
        "authors": list(publication.authors.all()),
        "citation": format_citation(publication, base_url),
        "related_practices": related_practices(publication),
        "related_dossiers": related_dossiers(publication),
        "export_formats": FORMAT_LABELS,
    }


def _public_publication(slug):
    return get_object_or_404(
        Publication.objects.public()
        .select_related("document")
        .prefetch_related("authors", "themes", "target_groups", "age_groups", "support_functions", "settings"),
        slug=slug,
    )


TERM_RELATIONS = ("themes", "target_groups", "age_groups", "support_functions", "settings")


def _prefetch_terms(publication) -> None:
    """The publication's terms of all five taxonomies in one query (core.taxonomy) instead of
    five, stored where Django's prefetch_related keeps them, so `publication.themes.all()` (the
    template, the citation) reads them in the terms' own order."""
    found = taxonomy.terms_of(publication, TERM_RELATIONS)
    cache = publication.__dict__.setdefault("_prefetched_objects_cache", {})
    for relation, terms in found.items():
        queryset = getattr(publication, relation).get_live_queryset()
        queryset._result_cache, queryset._prefetch_done = terms, True
        cache[relation] = queryset


@require_GET
def publication_detail(request, slug):
    publication = get_object_or_404(
        Publication.objects.public().select_related("document", "stored_citation").prefetch_related("authors"), slug=slug
    )
    _prefetch_terms(publication)
    return render(request, "toolbox/publication_detail.html", detail_context(publication, request))


def _export_response(publications, fmt, request, filename):
    if fmt not in EXPORTERS:
        raise Http404
    content_type, extension = FORMATS[fmt]
    body = EXPORTERS[fmt](publications, request.build_absolute_uri("/"))
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def export_list(request, fmt):
    """The current result list (its filters and order) as citations, at most EXPORT_LIMIT of them."""
    ids = PublicationSearch(request.GET).run()[:EXPORT_LIMIT]
    return _export_response(export_queryset(ids), fmt, request, "toolbox")


@require_GET
def export_one(request, slug, fmt):
    publication = _public_publication(slug)
    return _export_response([publication], fmt, request, publication.slug)
