"""The site's URLs plus what the benchmark compares against: a bare view."""

from django.http import HttpResponse
from django.urls import path

from expoo.urls import handler400, handler403, handler404, handler500  # noqa: F401
from expoo.urls import urlpatterns as site_urlpatterns


def bare(request):
    # Plain text: the page cache (core/pagecache.py) looks it up like any anonymous GET but never
    # stores it, so under load this stays the floor of the whole stack, not a cache hit.
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
