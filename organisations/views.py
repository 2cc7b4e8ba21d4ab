from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from core.search import clean_param, clean_query

from .models import Organisation, OrganisationKind, Province


@require_GET
def organisation_list(request):
    """Approved organisations, filtered by kind and province, with a count per option."""
    base = Organisation.objects.public()
    query = clean_query(request.GET.get("q"))
    if query:
        base = base.filter(Q(name__icontains=query) | Q(municipality__name__icontains=query))
    kind = clean_param(request.GET.get("soort"), 40)
    province = clean_param(request.GET.get("provincie"), 60)
    kinds_valid = dict(OrganisationKind.choices)
    by_kind = base.filter(municipality__province__slug=province) if province else base
    by_province = base.filter(kind=kind) if kind in kinds_valid else base
    results = by_kind.filter(kind=kind) if kind in kinds_valid else by_kind

    kind_counts = dict(by_kind.order_by().values_list("kind").annotate(n=Count("pk")))
    province_counts = dict(by_province.order_by().values_list("municipality__province__slug").annotate(n=Count("pk")))
    facets = {
        "kind": [
            {"value": value, "label": label, "count": kind_counts.get(value, 0), "selected": value == kind}
            for value, label in OrganisationKind.choices
        ],
        "province": [
            {"value": p.slug, "label": p.label, "count": province_counts.get(p.slug, 0), "selected": p.slug == province}
            for p in Province.objects.all()
        ],
    }
    page_obj = Paginator(results.select_related("municipality__province"), 20).get_page(request.GET.get("page"))
    filtered = bool(query or kind or province)
    return render(
        request,
        "organisations/organisation_list.html",
        {"page_obj": page_obj, "facets": facets, "query": query, "filtered": filtered, "total": page_obj.paginator.count},
    )


@require_GET
def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.public().select_related("municipality__province").prefetch_related("themes"), slug=slug
    )
    return render(request, "organisations/organisation_detail.html", {"organisation": organisation})
