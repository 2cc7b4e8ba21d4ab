"""The address of an object's page, reversed once per process: `reverse()` resolves the URL
configuration on every call (about 30 µs), and a listing asks it twenty times for the same few
patterns. The answer depends only on the pattern, its slug, the active language, the script prefix
and the URL configuration, which are all in the key."""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


def page_address(viewname: str, slug: str) -> str:
    """reverse(viewname, kwargs={"slug": slug}), kept per process."""
    return _reverse(viewname, slug, get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


@functools.lru_cache(maxsize=50_000)
def _reverse(viewname: str, slug: str, _language, _prefix, urlconf) -> str:
    return reverse(viewname, kwargs={"slug": slug}, urlconf=urlconf)
