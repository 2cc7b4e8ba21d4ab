"""The site's URLs plus what the benchmark compares against: a bare view."""

from django.http import HttpResponse
from django.urls import path

from expoo.urls import handler400, handler403, handler404, handler500  # noqa: F401
from expoo.urls import urlpatterns as site_urlpatterns


def bare(request):
    return HttpResponse("ok")


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
