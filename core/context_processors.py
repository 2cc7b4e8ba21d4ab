import functools
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import get_urlconf, translate_url
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


def per_site(store: dict, request, build):
    """What `build(site)` makes for the request's site, kept per host, language and version of the
    page tree in this process: built once, not with a handful of queries on every page."""
    key = (request.get_host(), get_language(), versions.current(PAGES_VERSION))
    if key not in store:
        if len(store) > 100:
            store.clear()
        store[key] = build(Site.find_for_request(request))
    return store[key]


def navigation(request) -> list[NavItem]:
    """The main menu of the request's site."""

    def build(site):
        root = site.root_page.specific if site else None
        pages = root.get_children().live().public().in_menu().specific() if root else []
        return [NavItem(p.pk, p.title, p.get_url(request), p.path) for p in pages]

    return per_site(_navigation, request, build)


@dataclass(frozen=True)
class Footer:
    address: str
    links: tuple[NavItem, ...]
    privacy_url: str = ""


_footers: dict = {}
FOOTER_PAGES = ["about_page", "contact_page", "accessibility_page", "privacy_page"]


def footer(request) -> Footer | None:
    """The footer of the request's site: its address and the pages editors chose for it, kept like
    the menu (saving the footer renews the page tree's version, core/signals.py)."""
    from pages.models import FooterSettings

    def build(site):
        # Not FooterSettings.for_site(): that creates the row, and saving it renews the version.
        chosen = FooterSettings.objects.filter(site=site).select_related(*FOOTER_PAGES).first() if site else None
        if not chosen:
            return None
        pages = [getattr(chosen, name) for name in FOOTER_PAGES]
        links = tuple(NavItem(p.pk, p.title, p.get_url(request), p.path) for p in pages if p is not None and p.live)
        privacy = chosen.privacy_page
        return Footer(chosen.address, links, privacy.get_url(request) if privacy and privacy.live else "")

    return per_site(_footers, request, build)


def site_chrome(request):
    """What the base template needs on every page: the navigation and the other language's URL."""
    other_language = {}
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    for code, name in settings.LANGUAGES:
        if code != current:
            other_language = {"code": code, "name": name, "url": translated(request.get_full_path(), code)}
            break
    try:
        request.get_host()
    except DisallowedHost:
        # The 400 page for a host the site does not serve: no site to build a menu or footer for.
        return {"nav_pages": [], "footer": None, "other_language": other_language, "alternates": []}
    return {
        "nav_pages": navigation(request),
        "footer": footer(request),
        "other_language": other_language,
        "alternates": alternates(request),
    }


def alternates(request) -> list[dict[str, str]]:
    """This page in every language, as <link rel="alternate" hreflang> wants it: absolute URLs, the
    page's own language included (crawlers ignore a pair that does not point back)."""
    path = request.get_full_path()
    return [
        {"hreflang": "nl-BE" if code == "nl-be" else code, "url": request.build_absolute_uri(translated(path, code))}
        for code, _name in settings.LANGUAGES
    ]


def translated(url: str, code: str) -> str:
    """translate_url(url, code) with the path's translation kept per process: every page asks it
    for its own path in each language (three times), and resolving and reversing cost about 0.1 ms
    each. The answer depends only on the path, the language and the URL configuration (fixed while
    the process runs; Wagtail's pages go through one catch-all pattern), so the query string is put
    back on a kept path. Room for the paths of some ten thousand pages in both languages (about 5 MB):
    with 4,096, most pages of a site this size were translated again on each visit."""
    parts = urlsplit(url)
    path = _translated_path(parts.path, code, get_urlconf())
    return f"{path}?{parts.query}" if parts.query else path


@functools.lru_cache(maxsize=24_000)
def _translated_path(path: str, code: str, _urlconf) -> str:
    return translate_url(path, code)
