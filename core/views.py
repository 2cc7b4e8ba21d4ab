from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .logging import log_access_denied
from .search import clean_param, clean_query

SEARCH_PAGE_SIZE = 20


@require_GET
def search(request):
    """The site-wide search: every kind of public content, filtered by kind and theme."""
    from sitesearch.query import search as site_search

    query = clean_query(request.GET.get("q"))
    kind = clean_param(request.GET.get("soort"), 40)
    theme = clean_param(request.GET.get("thema"), 120)
    results = site_search(
        query, kinds=[kind] if kind else None, theme=theme or None, page=request.GET.get("page") or 1, per_page=SEARCH_PAGE_SIZE
    )
    context = {"query": query, "results": results, "page_obj": results.page, "total": results.total}
    return render(request, "core/search.html", context)


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
    # Every PermissionDenied raised by a view or middleware ends here (handler403).
    log_access_denied(request, reason="permission_denied")
    return _error(request, 403, "errors/403.html")


def page_not_found(request, exception=None):
    if request.path.startswith("/api/"):
        from .api import not_found

        return not_found(request)
    return _error(request, 404, "errors/404.html")


def server_error(request):
    # Rendered without the request context: the error may have come from a context processor.
    from django.template.loader import get_template

    return HttpResponse(get_template("errors/500.html").render(), status=500)


def csrf_failure(request, reason=""):
    log_access_denied(request, reason=f"csrf: {reason}" if reason else "csrf")
    return render(request, "errors/csrf.html", status=403)
