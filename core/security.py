"""HTTP security that every response shares: the Content-Security-Policy and the refusal of
request bodies larger than an upload may be.

The policy itself lives in settings (CONTENT_SECURITY_POLICY, django-csp 4 format); the deploy
check below refuses a policy that allows inline or evaluated scripts, plugins, a foreign <base>
or framing. The Wagtail admin runs under the same policy: its inline scripts are replaced by
data that a static script runs (core/admin_scripts.py).
"""

from csp.constants import HEADER, NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core import checks
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.utils import translation


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with two exceptions, both narrow:

    - directives replaced under a path prefix (EXPOO_CSP_PATH_REPLACE): the Wagtail admin's rich
      text editor writes <style> elements, so only the admin allows inline styles;
    - a response that says X-Frame-Options: SAMEORIGIN (Wagtail's live preview, shown in the
      editor's side panel) may be framed by the site itself: frame-ancestors says the same.
    """

    def process_response(self, request, response):
        # Wagtail renders a preview by running a made-up request for the page through the whole
        # middleware stack; the policy that inner pass wrote (frame-ancestors 'none') is replaced
        # once the preview view has said the response may be framed by the site.
        if getattr(response, "_expoo_csp", False) and response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            del response[HEADER]
        response = super().process_response(request, response)
        response._expoo_csp = True
        return response

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        replace = dict(parts.replace or {})
        for prefix, directives in getattr(settings, "EXPOO_CSP_PATH_REPLACE", {}).items():
            if request.path_info.startswith(prefix):
                replace.update(directives)
        if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            replace["frame-ancestors"] = [SELF]
        parts.replace = replace or None
        return parts


def upload_limit(path: str) -> int:
    """The largest request body (bytes) accepted at `path`: the limit of the longest matching
    prefix in EXPOO_REQUEST_BODY_LIMITS, else EXPOO_REQUEST_BODY_MAX."""
    best, limit = "", settings.EXPOO_REQUEST_BODY_MAX
    for prefix, prefix_limit in settings.EXPOO_REQUEST_BODY_LIMITS.items():
        if path.startswith(prefix) and len(prefix) > len(best):
            best, limit = prefix, prefix_limit
    return limit


class RequestBodyLimitMiddleware:
    """Refuse a request whose Content-Length is larger than the path accepts, with 413 and a short
    page in the visitor's language, before anything reads the body (CSRF, forms, uploads).

    It sits before every middleware that may touch the database or the body. A body without a
    Content-Length is not read by Django at all (the WSGI server or proxy de-chunks it first)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # as Django reads it: nothing
        limit = upload_limit(request.path_info)
        if length > limit:
            return self.refuse(request, limit)
        return self.get_response(request)

    def refuse(self, request, limit: int) -> HttpResponse:
        """The 413 page, rendered without the request: nothing about the visitor is known yet."""
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        with translation.override(language):
            body = render_to_string("errors/413.html", {"limit": filesizeformat(limit), "language": language})
        # Connection: close is the server's to send (a hop-by-hop header, PEP 3333); gunicorn's
        # sync workers close after every request, and the proxy refuses such bodies earlier anyway.
        response = HttpResponse(body, status=413, content_type="text/html; charset=utf-8")
        response["X-Frame-Options"] = "DENY"  # XFrameOptionsMiddleware sits further in
        response["Cache-Control"] = "no-store"
        return response


# Deploy checks --------------------------------------------------------------------------------


@checks.register(checks.Tags.security, deploy=True)
def check_content_security_policy(app_configs=None, **kwargs):
    """`manage.py check --deploy`: the policy is sent and is strict where it matters."""
    middleware = "core.security.ContentSecurityPolicyMiddleware"
    if middleware not in settings.MIDDLEWARE:
        return [checks.Warning(f"{middleware} is not in MIDDLEWARE: no Content-Security-Policy is sent.", id="expoo.W001")]
    directives = (getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}).get("DIRECTIVES") or {}
    problems = []
    for where, replaced in [("", {}), *getattr(settings, "EXPOO_CSP_PATH_REPLACE", {}).items()]:
        policy = {**directives, **replaced}
        script_src = policy.get("script-src") or policy.get("default-src") or []
        for unsafe in (UNSAFE_INLINE, UNSAFE_EVAL):
            if unsafe in script_src:
                problems.append(f"script-src allows {unsafe}" + (f" under {where}" if where else ""))
        for directive in ("object-src", "base-uri", "frame-ancestors"):
            if list(policy.get(directive) or []) != [NONE]:
                problems.append(f"{directive} is not 'none'" + (f" under {where}" if where else ""))
    return [
        checks.Warning(f"CONTENT_SECURITY_POLICY: {problem}.", id="expoo.W002", hint="See expoo/settings/base.py.")
        for problem in problems
    ]
