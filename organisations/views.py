import csv

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from core import versions
from core.cards import cached_cards, from_template
from core.search import clean_param, clean_query
from practices.views.public import _safe_cell
from toolbox.cards import card_html, load_cards

from . import offer
from .forms import RegionForm
from .models import Municipality, Organisation, OrganisationKind, Province, ServiceArea


def _filtered(params):
    """The list's filters (search text, kind, province) and the querysets each facet counts on."""
    base = Organisation.objects.public()
    query = clean_query(params.get("q"))
    if query:
        base = base.filter(Q(name__icontains=query) | Q(municipality__name__icontains=query))
    kind = clean_param(params.get("soort"), 40)
    province = clean_param(params.get("provincie"), 60)
    kinds_valid = dict(OrganisationKind.choices)
    by_kind = base.filter(municipality__province__slug=province) if province else base
    by_province = base.filter(kind=kind) if kind in kinds_valid else base
    results = by_kind.filter(kind=kind) if kind in kinds_valid else by_kind
    return {
        "query": query,
        "kind": kind,
        "province": province,
        "by_kind": by_kind,
        "by_province": by_province,
        "results": results,
    }


@require_GET
def organisation_list(request):
    """Approved organisations, filtered by kind and province, with a count per option."""
    f = _filtered(request.GET)
    kind, province = f["kind"], f["province"]
    kind_counts = dict(f["by_kind"].order_by().values_list("kind").annotate(n=Count("pk")))
    province_counts = dict(f["by_province"].order_by().values_list("municipality__province__slug").annotate(n=Count("pk")))
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
    page_obj = Paginator(f["results"].values_list("pk", flat=True), 20).get_page(request.GET.get("page"))
    # Each result's HTML is kept per organisation and version of the organisations (renewed by any
    # change to an organisation, municipality or province, core.pagecache): a page reads no rows.
    cards = cached_cards(
        "organisation",
        list(page_obj.object_list),
        versions.current("organisations"),
        lambda ids: Organisation.objects.filter(pk__in=ids).select_related("municipality__province"),
        from_template("organisations/_organisation_result.html", "organisation"),
    )
    filtered = bool(f["query"] or kind or province)
    export_query = request.GET.copy()
    export_query.pop("page", None)
    return render(
        request,
        "organisations/organisation_list.html",
        {
            "page_obj": page_obj,
            "cards": cards,
            "facets": facets,
            "query": f["query"],
            "filtered": filtered,
            "total": page_obj.paginator.count,
            "export_query": export_query.urlencode(),
        },
    )


CSV_COLUMNS = [
    "naam",
    "soort",
    "straat",
    "postcode",
    "gemeente",
    "provincie",
    "werkingsgebied",
    "bediende gemeenten",
    "contactpersoon",
    "e-mail",
    "telefoon",
    "website",
    "pagina",
]


@require_GET
def organisation_csv(request):
    """The directory as CSV, with the list's filters; public organisations and public fields only."""
    results = (
        _filtered(request.GET)["results"]
        .select_related("municipality__province")
        .prefetch_related("served_municipalities")
        .order_by("name", "pk")
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="organisaties.csv"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow(CSV_COLUMNS)
    for o in results.iterator(chunk_size=500):
        writer.writerow(
            [
                _safe_cell(o.name),
                o.get_kind_display(),
                _safe_cell(o.street),
                _safe_cell(o.postcode),
                o.municipality.name if o.municipality_id else "",
                o.province.label if o.municipality_id else "",
                o.get_service_area_display(),
                ", ".join(m.name for m in o.served_municipalities.all()),
                _safe_cell(o.contact_name),
                _safe_cell(o.email),
                _safe_cell(o.phone),
                _safe_cell(o.website),
                request.build_absolute_uri(o.get_absolute_url()),
            ]
        )
    return response


@require_GET
def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.public().select_related("municipality__province").prefetch_related("themes"), slug=slug
    )
    context = {
        "organisation": organisation,
        "practice_groups": offer.practices_by_level([organisation]),
        # The Toolbox's own result cards, kept per publication and version of the Toolbox (core.cards).
        "publications": cached_cards(
            "publication",
            list(offer.publications_of(organisation).values_list("pk", flat=True)[:50]),
            versions.current("toolbox"),
            load_cards,
            card_html,
        ),
        "events": offer.upcoming_events([organisation]),
        "events_available": offer.events_installed(),
        "served": _served_list(organisation),
    }
    return render(request, "organisations/organisation_detail.html", context)


def _served_list(organisation) -> list[Municipality]:
    """The municipality it is located in, then the others it lists."""
    listed = list(organisation.served_municipalities.exclude(pk=organisation.municipality_id).order_by("name"))
    if organisation.service_area != ServiceArea.MUNICIPALITIES and not listed:
        return []  # "the whole province" says it all
    return ([organisation.municipality] if organisation.municipality_id else []) + listed


@require_GET
def regional_offer(request):
    """Aanbod in de regio: a municipality or postcode in, the organisations serving it, their
    practices and upcoming events out. Works as a plain GET form, so every result has its own URL."""
    form = RegionForm(request.GET if "gemeente" in request.GET else None)
    context = {"form": form, "municipality_names": Municipality.objects.order_by("name").values_list("name", flat=True)}
    if form.is_bound and form.is_valid() and form.lookup:
        lookup = form.lookup
        context["lookup"] = lookup
        if lookup.municipality:
            context["offer"] = offer.regional_offer(lookup.municipality)
    elif form.is_bound and form.lookup:
        context["lookup"] = form.lookup
    return render(request, "organisations/regional_offer.html", context, status=400 if form.errors else 200)
