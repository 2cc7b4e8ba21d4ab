"""What anyone may see: the Toolbox list, a publication's page and citation exports."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from core.cards import cached_cards

from . import body
from .cards import card_html, load_cards
from .citations import EXPORT_LIMIT, EXPORTERS, FORMAT_LABELS, FORMATS, export_queryset
from .models import FIRST_YEAR, Publication, latest_year
from .search import SORTS, PublicationSearch

PAGE_SIZE = 20


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
            load_cards,
            card_html,
        ),
        "facets": search.facets(len(ids)),
        "sorts": SORTS,
        "total": len(ids),
        "export_formats": FORMAT_LABELS,
        "year_bounds": (FIRST_YEAR, latest_year()),
    }
    return render(request, "toolbox/toolbox.html", context)


def detail_context(publication, request) -> dict:
    """What a publication's page shows, rendered now (the admin's preview of a draft, whose
    authors and terms are in the draft itself)."""
    html = body.render(publication, request.build_absolute_uri("/"))
    return {"publication": publication, "body": body.with_related(html, publication.pk)}


def _public_publication(slug):
    return get_object_or_404(
        Publication.objects.public()
        .select_related("document")
        .prefetch_related("authors", "themes", "target_groups", "age_groups", "support_functions", "settings"),
        slug=slug,
    )


@require_GET
def publication_detail(request, slug):
    # The row alone: its stored body (toolbox.body) shows the rest; the rare page that renders it
    # loads the authors and terms, and reads the document and the stored reference.
    publication = get_object_or_404(Publication.objects.public(), slug=slug)
    return render(
        request, "toolbox/publication_detail.html", {"publication": publication, "body": body.body(publication, request)}
    )


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
