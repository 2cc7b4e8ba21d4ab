"""Compression of the site's own text responses, only where it cannot leak a secret (BREACH).

BREACH guesses a secret in a compressed response from its size when the same response also reflects
what an attacker sends (a search word). So only answers that hold no secret are compressed: a
request without a session cookie, whose response used no CSRF token and sets no cookie. That is every
page an anonymous visitor reads (the pages core.pagecache keeps), feeds, calendars and the API;
logged-in pages and forms (login, contact, proposals) are sent as they are. Random bytes are
added to each compressed response on top, as Django's GZipMiddleware does (its own BREACH mitigation).
Static files are compressed at `collectstatic` (WhiteNoise: gzip and Brotli) and never reach this
middleware.

The level is 3, not Django's 6: on the pages of the bench's mix (21 KB of HTML on average) level 6
took 0.34 ms a page for 4.4 KB, level 3 0.18 ms for 4.8 KB (nginx's default is 1: 0.16 ms, 5.1 KB).
"""

import gzip
import secrets

from django.conf import settings
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import patch_vary_headers
from django.utils.deprecation import MiddlewareMixin

LEVEL = 3
RANDOM_BYTES = 100  # as django.middleware.gzip.GZipMiddleware.max_random_bytes

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


def compress(content: bytes) -> bytes:
    """gzip at LEVEL with a random-length file name in the header, as django.utils.text.compress_string
    makes it at level 6."""
    compressed = memoryview(gzip.compress(content, compresslevel=LEVEL, mtime=0))
    header = bytearray(compressed[:10])
    header[3] = gzip.FNAME
    return bytes(header) + b"a" * secrets.randbelow(RANDOM_BYTES) + b"\x00" + compressed[10:]


class PublicGZipMiddleware(MiddlewareMixin):
    """Django's GZipMiddleware (the same headers and rules) for public text responses only, at LEVEL
    (see the module's docstring)."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if response.streaming or content_type not in COMPRESSED_TYPES or not carries_no_secret(request, response):
            return response
        if len(response.content) < 200 or response.has_header("Content-Encoding"):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        if not re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            return response
        compressed = compress(response.content)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
        # A strong ETag made weak (RFC 9110, 8.8.1), as Django does.
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        response.headers["Content-Encoding"] = "gzip"
        return response
