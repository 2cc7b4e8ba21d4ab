"""Whole pages for visitors who are not logged in, kept in the "pages" cache (or the default one).

A public page is the same for every anonymous visitor until its content changes, and every change
of public content renews a version stamp in the same transaction (core.versions). So the key of a
page is its address (host, scheme, path, the query string in a fixed order), its language and all
the stamps, which the request reads anyway in one query (core.middleware.RequestStampsMiddleware):
a publish makes a new key, and nothing has to be deleted. EXPOO_PAGE_CACHE_SECONDS bounds what
changes with the clock alone (an event that has just ended still shows as upcoming for at most
that long); 0 switches the cache off.

Served from the cache: GET and HEAD without a session or a messages cookie, outside the admin,
the account and workspace pages, documents and the API. Stored: only a 200 answer to such a GET
of an HTML page, a feed, a sitemap or a calendar that set no cookie (so it used no CSRF token and
started no session), carried no message, was not about a private Wagtail page and allowed shared
caching. The middleware sits before sessions, authentication and messages, so a hit skips them;
the security headers are added by the middleware before it, on a hit as on a miss.

The stamps are renewed where content changes: core/signals.py (pages, sites, site settings),
practices/facets.py, toolbox/facets.py, the search index (search:<kind>), and below for what the
pages show that none of those watch at once (events, organisations, taxonomy terms, view
restrictions, images and documents).
"""

import hashlib

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils import translation
from django.utils.cache import patch_vary_headers
from wagtail import hooks

from . import restrictions, versions

HEADER = "X-Cache"


def page_store():
    """The cache alias "pages" where settings define one (embedded: its own bounded local memory, so a
    crawl of many addresses cannot push the rate-limit counters out of the default cache), else the
    default cache (Redis in production, which does not evict keys unless told to)."""
    return caches["pages"] if "pages" in settings.CACHES else caches["default"]


MAX_BYTES = 2 * 1024 * 1024  # a page larger than this is rendered each time rather than fill the cache
MAX_QUERY = 1024  # an odd, very long query string is not worth a cache entry
CACHED_TYPES = {
    "text/html",
    "application/atom+xml",
    "application/rss+xml",
    "application/xml",
    "text/xml",
    "text/calendar",
}
# Never from the cache, whoever asks (after the language prefix). Most of these need a login or
# set a cookie anyway; the list makes sure without relying on that. OAI-PMH answers carry the time
# they were sent (responseDate) and resumption tokens.
NEVER = (
    "/beheer/",
    "/account/",
    "/werkruimte/",
    "/documenten/",
    "/api/",
    "/health/",
    "/_util/",
    "/i18n/",
    "/media/",
    "/toolbox/oai/",
)
ALLOWED_VARY = {"accept-language", "accept-encoding", "cookie"}
MESSAGES_COOKIE = "messages"  # django.contrib.messages' cookie storage


class PageCacheMiddleware:
    """Answer an anonymous GET/HEAD of a public page from the cache, or store the page it gets."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        address = page_address(request)
        if address is None:
            return self.get_response(request)
        stamps = versions.snapshot()
        key = cache_key(address, stamps)
        entry = page_store().get(key)
        if entry is not None:
            return from_entry(entry)
        request._page_cache_key = key
        response = self.get_response(request)
        if request.method == "GET" and storable(request, response):
            # Vary: Cookie also for pages that did not read the session: a logged-in visitor gets another page.
            patch_vary_headers(response, ("Cookie",))
            entry = to_entry(response)
            seconds = settings.EXPOO_PAGE_CACHE_SECONDS
            page_store().set(key, entry, seconds)
            # A stamp that did not exist yet was created by this page (at a random value, nothing
            # changed under it): the next request's key has it, so the page is kept under that too.
            after = versions.snapshot()
            if after != stamps:
                page_store().set(cache_key(address, after), entry, seconds)
            response[HEADER] = "miss"
        return response


def page_address(request) -> tuple | None:
    """What tells this request's page apart besides the stamps: scheme, host, path, query string
    (in a fixed order) and language; None when the request may not come from the cache."""
    if settings.EXPOO_PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
        return None
    if getattr(request, "is_dummy", False):  # Wagtail's preview renders a draft through the middleware
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or MESSAGES_COOKIE in cookies or "HTTP_AUTHORIZATION" in request.META:
        return None
    path = request.path_info
    language_in_path = translation.get_language_from_path(path)
    bare_path = path.removeprefix(f"/{language_in_path}") if language_in_path else path
    if bare_path.startswith(NEVER) or len(request.META.get("QUERY_STRING", "")) > MAX_QUERY:
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # the normal chain answers 400
    query = sorted(request.GET.lists())
    gzip = bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))  # stored compressed or not
    return (request.scheme, host, request.path, query, _language(request, language_in_path), gzip)


def cache_key(address: tuple, stamps: tuple) -> str:
    return "pagecache:" + hashlib.sha256(repr((address, stamps)).encode()).hexdigest()


def _language(request, language_in_path) -> str:
    """The language django.middleware.locale.LocaleMiddleware will choose for this request."""
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    i18n_patterns_used, prefixed_default_language = is_language_prefix_patterns_used(urlconf)
    if i18n_patterns_used and not prefixed_default_language and not language_in_path:
        return settings.LANGUAGE_CODE
    return translation.get_language_from_request(request, check_path=i18n_patterns_used)


def storable(request, response) -> bool:
    """Whether this response is the same for every anonymous visitor and may be shared."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    if content_type not in CACHED_TYPES or len(response.content) > MAX_BYTES:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if vary - ALLOWED_VARY:
        return False
    # A CSRF token in the page (a form), even when the visitor's cookie already held the secret.
    if "CSRF_COOKIE_NEEDS_UPDATE" in request.META or request.META.get("CSRF_COOKIE_USED"):
        return False
    if getattr(request, "_page_cache_private", False) or getattr(request, "_csp_nonce", None):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    session = getattr(request, "session", None)
    if session is not None and (session.session_key or session.modified):
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and (messages.added_new or getattr(messages, "_loaded_data", None)))


def to_entry(response) -> tuple:
    # django-csp reads a view's policy changes (@csp_update and the like) from the response object.
    csp = {name: value for name, value in vars(response).items() if name.startswith("_csp")}
    return (response.content, tuple(response.items()), csp)


def from_entry(entry) -> HttpResponse:
    content, headers, csp = entry
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    for name, value in csp.items():
        setattr(response, name, value)
    response[HEADER] = "hit"
    return response


@hooks.register("before_serve_page")
def _mark_private_pages(page, request, serve_args, serve_kwargs):
    """A page behind a view restriction is never stored, whoever got to see it."""
    if getattr(request, "_page_cache_key", None) and restrictions.is_restricted(page):
        request._page_cache_private = True


# What public pages show and no other stamp follows within the changing transaction (the search
# index's stamps follow these too, but after the task worker has run).
def _watch(stamp: str, models) -> None:
    def changed(sender, **kwargs):
        if kwargs.get("action", "post_").startswith("post_"):
            versions.bump(stamp)

    for model in models:
        label = f"pagecache-{stamp}-{model._meta.label_lower}"
        post_save.connect(changed, sender=model, dispatch_uid=f"{label}-save", weak=False)
        post_delete.connect(changed, sender=model, dispatch_uid=f"{label}-delete", weak=False)
        for field in model._meta.many_to_many:
            m2m_changed.connect(changed, sender=field.remote_field.through, dispatch_uid=f"{label}-{field.name}", weak=False)


def connect_signals() -> None:
    """Called once from CoreConfig.ready(), in every process that can change content."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import CollectionViewRestriction, PageViewRestriction

    from events.models import Event, EventSession
    from organisations.models import Municipality, Organisation, Postcode, Province

    from .models import AgeGroup, Setting, SupportFunction, TargetGroup, Theme

    _watch("events", [Event, EventSession])
    _watch("taxonomy", [Theme, TargetGroup, AgeGroup, SupportFunction, Setting])
    _watch("organisations", [Organisation, Municipality, Postcode, Province])
    _watch("pages", [PageViewRestriction, CollectionViewRestriction, get_image_model(), get_document_model()])
