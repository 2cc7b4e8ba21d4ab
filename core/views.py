from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .search import clean_query, search_site


@require_GET
def search(request):
    query = clean_query(request.GET.get("q"))
    hits = search_site(query)
    page_obj = Paginator(hits, 20).get_page(request.GET.get("page"))
    return render(request, "core/search.html", {"query": query, "page_obj": page_obj, "total": len(hits)})


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /beheer/", "Disallow: /account/", "Disallow: /zoeken/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")


def _error(request, status, template):
    return render(request, template, status=status)


def bad_request(request, exception=None):
    return _error(request, 400, "errors/400.html")


def permission_denied(request, exception=None):
    return _error(request, 403, "errors/403.html")


def page_not_found(request, exception=None):
    return _error(request, 404, "errors/404.html")


def server_error(request):
    # Rendered without the request context: the error may have come from a context processor.
    from django.template.loader import get_template

    return HttpResponse(get_template("errors/500.html").render(), status=500)


def csrf_failure(request, reason=""):
    return render(request, "errors/csrf.html", status=403)
