"""The site's URLs plus what the benchmark compares against: a bare view and prototype pages."""

from django.http import HttpResponse
from django.urls import path

from expoo.urls import handler400, handler403, handler404, handler500  # noqa: F401
from expoo.urls import urlpatterns as site_urlpatterns

from . import facetindex, prototype


def bare(request):
    return HttpResponse("ok")


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/databank-fast/", prototype.databank_fast),
    path("bench/databank-index/", facetindex.databank_index),
    path("bench/practice-fast/<slug:slug>/", prototype.practice_fast),
    *site_urlpatterns,
]
