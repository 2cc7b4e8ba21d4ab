from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Site

from . import versions

PAGES_VERSION = "pages"
_navigation: dict = {}


@dataclass(frozen=True)
class NavItem:
    pk: int
    title: str
    url: str
    path: str


def navigation(request) -> list[NavItem]:
    """The main menu of the request's site, built once per version of the page tree and process
    (a handful of queries otherwise, on every page of the site)."""
    key = (request.get_host(), get_language(), versions.current(PAGES_VERSION))
    items = _navigation.get(key)
    if items is None:
        site = Site.find_for_request(request)
        root = site.root_page.specific if site else None
        pages = root.get_children().live().public().in_menu().specific() if root else []
        items = [NavItem(p.pk, p.title, p.get_url(request), p.path) for p in pages]
        if len(_navigation) > 100:
            _navigation.clear()
        _navigation[key] = items
    return items


def site_chrome(request):
    """What the base template needs on every page: the navigation and the other language's URL."""
    other_language = {}
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    for code, name in settings.LANGUAGES:
        if code != current:
            other_language = {"code": code, "name": name, "url": translate_url(request.get_full_path(), code)}
            break
    return {"nav_pages": navigation(request) if request else [], "other_language": other_language}
