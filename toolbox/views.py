"""What anyone may see: the Toolbox list, a publication's page and citation exports."""

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

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
    """Published practices that share a theme with the publication, newest first."""
    theme_ids = [t.pk for t in publication.themes.all()]
    if not theme_ids:
        return []
    # EXISTS on the link table instead of DISTINCT over every practice sharing a theme.
    shares_theme = Practice.themes.through.objects.filter(practice_id=OuterRef("pk"), theme_id__in=theme_ids)
    return list(Practice.objects.published().filter(Exists(shares_theme)).order_by("-published_at", "-pk")[:RELATED_PRACTICES])


def related_dossiers(publication):
    """Live, public thematic dossiers that list the publication, then those on one of its themes."""
    from dossiers.models import ThemeDossierPage

    theme_ids = [t.pk for t in publication.themes.all()]
    dossiers = (
        ThemeDossierPage.objects.live()
        .public()
        .filter(Q(knowledge_documents__publication=publication.pk) | Q(theme_id__in=theme_ids))
    )
    chosen = set(ThemeDossierPage.objects.filter(knowledge_documents__publication=publication.pk).values_list("pk", flat=True))
    found = list(dossiers.distinct().order_by("title")[:RELATED_DOSSIERS])
    return sorted(found, key=lambda d: d.pk not in chosen)


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


@require_GET
def publication_detail(request, slug):
    publication = _public_publication(slug)
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
