"""Per-request plumbing that saves queries on every page."""

import copy
import threading

from wagtail.models import Site

from . import versions
from .signals import PAGES_VERSION


class RequestStampsMiddleware:
    """The request reads the content version stamps once (core.versions) and finds its Wagtail
    site from a per-process table kept at the "pages" stamp, which every change of a page or a
    site renews (core.signals): two queries fewer on every page, whatever the cache backend."""

    _sites: dict = {}
    _lock = threading.Lock()

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with versions.request_scope():
            self.set_site(request)
            return self.get_response(request)

    def set_site(self, request):
        try:
            key = (versions.current(PAGES_VERSION), request._get_raw_host(), request.get_port())
        except Exception:  # noqa: BLE001 - a malformed Host header: Wagtail's own lookup decides later
            return
        site = self._sites.get(key, False)
        if site is False:
            site = Site._find_for_request(request)
            with self._lock:
                if len(self._sites) > 100:  # old stamps and odd hosts do not accumulate
                    self._sites.clear()
                self._sites[key] = site
        # A copy per request: the cached instance is never handed out to be changed.
        request._wagtail_site = copy.copy(site) if site is not None else None
