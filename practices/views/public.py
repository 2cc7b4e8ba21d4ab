"""What anyone may see: the databank, a practice page, its printable view, materials, CSV."""

import csv

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from core.cards import cached_cards
from core.context_processors import per_site

from .. import body
from .. import permissions as perms
from ..body import practice_context
from ..cards import card_html
from ..models import DatabankSettings, Material, Practice, PracticeRole
from ..search import SORTS, PracticeSearch
from ..workflow import PublicView

PAGE_SIZE = 20


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
        "help_url": help_url(request),
    }
    return render(request, "practices/databank.html", context)


_help_urls: dict = {}


def help_url(request) -> str:
    """The address of the page that explains the databank (DatabankSettings), "" without one. Kept
    per site like the menu: reading the setting and its page took a millisecond of every databank
    page, and saving either renews the page tree's version (core/signals.py)."""

    def build(site):
        chosen = DatabankSettings.objects.filter(site=site).select_related("help_page").first() if site else None
        page = chosen.help_page if chosen else None
        return page.get_url(request) if page is not None and page.live else ""

    return per_site(_help_urls, request, build)


def result_cards(ids: list[int], version: int) -> list[str]:
    """The HTML of each result on a page, cached per practice and `version` of the public practices
    (the stamp the facet index was built at): a warm databank page loads no practice rows."""
    return cached_cards("practice", ids, version, PracticeSearch.load_cards, card_html)


def _public_practice(slug):
    return get_object_or_404(Practice.objects.public().select_related("published_description__template"), slug=slug)


@require_GET
def practice_detail(request, slug):
    """The public page. Its body (description, facts, organisations) is stored by the task worker
    whenever it changes (practices.body); a request reads the practice row and the stored body,
    and renders the related practices."""
    # The row alone: its stored body shows the rest (a page that renders it loads what it needs).
    practice = get_object_or_404(Practice.objects.public(), slug=slug)
    return render(request, "practices/practice_detail.html", {"practice": practice, "body": body.body(practice, request)})


@require_GET
def practice_print(request, slug):
    practice = _public_practice(slug)
    context = {**practice_context(practice), "base_url": f"{request.scheme}://{request.get_host()}"}
    return render(request, "practices/practice_print.html", context)


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
