"""Compression of the site's own text responses, only where it cannot leak a secret (BREACH).

BREACH guesses a secret in a compressed response from its size when the same response also reflects
what an attacker sends (a search word). So only answers that hold no secret are compressed: a
request without a session cookie, whose response used no CSRF token and sets no cookie. That is every
page an anonymous visitor reads (the pages core.pagecache keeps), feeds, calendars and the API;
logged-in pages and forms (login, contact, proposals) are sent as they are. Django's GZipMiddleware
adds random bytes to each compressed response on top (its own BREACH mitigation). Static files are
compressed at `collectstatic` (WhiteNoise: gzip and Brotli) and never reach this middleware.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware

# The text the site answers with; images, PDFs and other files are compressed already or streamed.
COMPRESSED_TYPES = {
    "text/html",
    "text/plain",
    "text/csv",
    "text/calendar",
    "text/xml",
    "application/xml",
    "application/atom+xml",
    "application/rss+xml",
    "application/json",
    "application/ld+json",
    "application/vnd.oai.openapi",
    "application/vnd.oai.openapi+json",
}


def carries_no_secret(request, response) -> bool:
    """Whether the response is the same for every anonymous visitor: no session, CSRF token or cookie."""
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.cookies
    )


class PublicGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware for public text responses only (see the module's docstring)."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if response.streaming or content_type not in COMPRESSED_TYPES or not carries_no_secret(request, response):
            return response
        return super().process_response(request, response)
