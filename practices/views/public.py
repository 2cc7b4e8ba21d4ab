"""What anyone may see: the databank, a practice page, its printable view, materials, CSV."""

import csv

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from core import taxonomy, versions
from core.cards import cached_cards, fragments

from .. import permissions as perms
from ..facets import VERSION
from ..models import Material, Practice, PracticeOrganisation, PracticeRole
from ..search import SORTS, PracticeSearch
from ..workflow import LEVELS, PublicView

PAGE_SIZE = 20
# A new version makes a new key; the timeout only bounds what a stale key keeps in the cache, and
# covers what changes with the date alone.
BODY_CACHE_SECONDS = 3600


@require_GET
def databank(request):
    search = PracticeSearch(request.GET)
    ids = search.run()
    page_obj = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "search": search,
        "page_obj": page_obj,
        "result_ids": list(page_obj.object_list),
        "cards": result_cards(list(page_obj.object_list), search.index.version),
        "facets": search.facets(),
        "sorts": SORTS,
        "total": len(ids),
    }
    return render(request, "practices/databank.html", context)


def result_cards(ids: list[int], version: int) -> list[str]:
    """The HTML of each result on a page, cached per practice and `version` of the public practices
    (the stamp the facet index was built at): a warm databank page loads no practice rows."""
    return cached_cards("practice", ids, version, PracticeSearch.load, "practices/_result_card.html", "practice")


def _public_practice(slug):
    return get_object_or_404(Practice.objects.public().select_related("published_description__template"), slug=slug)


TERM_RELATIONS = ("themes", "target_groups", "age_groups", "support_functions", "settings")


def practice_context(practice):
    """Everything the public page shows, honouring what the level allows."""
    view = practice.public_view
    sections = []
    if view == PublicView.DESCRIPTION:
        description = practice.published_description
        phases = LEVELS[practice.level].phases
        texts = description.section_map()
        for section in description.template.sections.all():
            if section.phase in phases and section.key in texts and texts[section.key].is_filled:
                sections.append({"section": section, "text": texts[section.key]})
    prefetched = getattr(practice, "_prefetched_objects_cache", {})  # a listing (the API) loads them for a page at once
    if "organisation_links" in prefetched:
        links = list(practice.organisation_links.all())
    else:
        links = list(
            PracticeOrganisation.objects.filter(practice=practice).select_related("organisation__municipality__province")
        )
    if all(relation in prefetched for relation in TERM_RELATIONS):
        terms = {relation: list(getattr(practice, relation).all()) for relation in TERM_RELATIONS}
    else:
        terms = taxonomy.terms_of(practice, TERM_RELATIONS)
    related = []
    if view == PublicView.DESCRIPTION:
        # EXISTS on the link table instead of DISTINCT over every practice sharing a theme (bench/).
        shares_theme = Practice.themes.through.objects.filter(
            practice_id=OuterRef("pk"), theme_id__in=[t.pk for t in terms["themes"]]
        )
        related = (
            Practice.objects.published().filter(Exists(shares_theme)).exclude(pk=practice.pk).order_by("-published_at", "-pk")[:4]
        )
    return {
        "practice": practice,
        "view": view,
        "sections": sections,
        "terms": terms,
        "links": links,
        "behind": [link.organisation for link in links if link.role != PracticeRole.APPLIES],
        "also_applied_by": [link.organisation for link in links if link.role == PracticeRole.APPLIES],
        "materials": practice.materials.filter(is_public=True) if view == PublicView.DESCRIPTION else [],
        "related": related,
    }


@require_GET
def practice_detail(request, slug):
    """The public page. Its body (description, facts, organisations, related practices) is the
    same for every visitor, so it is rendered once per version of the public practices and kept
    in the cache; a request reads the practice row and the version counter."""
    practice = _public_practice(slug)
    key = f"practice-body:{versions.current(VERSION)}:{practice.pk}:{get_language()}:{request.scheme}://{request.get_host()}"
    cache = fragments()
    body = cache.get(key)
    if body is None:
        context = practice_context(practice)
        body = render_to_string("practices/_practice_body.html", context, request=request)
        cache.set(key, body, timeout=BODY_CACHE_SECONDS)
    return render(request, "practices/practice_detail.html", {"practice": practice, "body": mark_safe(body)})  # noqa: S308 - our own rendering


@require_GET
def practice_print(request, slug):
    practice = _public_practice(slug)
    return render(request, "practices/practice_print.html", practice_context(practice))


@require_GET
def material_download(request, pk):
    """A PDF, served as an attachment after checking who may see it (never straight from media)."""
    material = get_object_or_404(Material.objects.select_related("practice"), pk=pk)
    practice = material.practice
    public = (
        material.is_public
        and practice.public_view == PublicView.DESCRIPTION
        and Practice.objects.public().filter(pk=practice.pk).exists()
    )
    if not public and not perms.can_view_workspace(request.user, practice)[0]:
        raise Http404
    response = FileResponse(
        material.file.open("rb"), as_attachment=True, filename=f"{material.title[:80]}.pdf", content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    if not public:
        response["Cache-Control"] = "private, no-store"
    return response


CSV_COLUMNS = ["titel", "niveau", "thema's", "doelgroepen", "organisaties", "samenvatting", "adres"]


@require_GET
def databank_csv(request):
    """The current result list as CSV (public fields only)."""
    search = PracticeSearch(request.GET)
    ids = search.run()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="praktijken.csv"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow(CSV_COLUMNS)
    for start in range(0, len(ids), 500):
        for practice in PracticeSearch.load(ids[start : start + 500]):
            writer.writerow(
                [
                    _safe_cell(practice.title),
                    practice.get_level_display(),
                    _safe_cell(", ".join(t.name for t in practice.terms["themes"])),
                    _safe_cell(", ".join(t.name for t in practice.terms["target_groups"])),
                    _safe_cell(", ".join(link.organisation.name for link in _public_links(practice))),
                    _safe_cell(practice.public_summary),
                    request.build_absolute_uri(practice.get_absolute_url()),
                ]
            )
    return response


def _public_links(practice):
    """Minimal data names the submitting organisation only; published practices name them all."""
    links = list(practice.organisation_links.all())
    if practice.public_view == PublicView.DESCRIPTION:
        return links
    return [link for link in links if link.role == PracticeRole.SUBMITTER]


def _safe_cell(value: str) -> str:
    # Spreadsheet formula injection: a cell starting with = + - @ is read as a formula.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
