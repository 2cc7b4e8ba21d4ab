"""CSRF on every state-changing URL, over real HTTP against the live server.

The URL resolver is walked (django.urls.get_resolver), so a new view is covered without touching this
file. Every URL of the site (the Wagtail admin's own routes apart: a representative set of them below)
gets a POST, and the API also PUT, PATCH and DELETE, from a logged-in person of a role that may use
it, with the session and CSRF cookies but without the token. Each must answer 403 with the site's
"form expired" page, every stored row must be as before, and the person must still be logged in
(logout is one of the URLs). A view marked csrf_exempt anywhere, the admin included, fails the test
unless it is in ALLOWED_EXEMPT below, with the reason it is safe.
"""

import hashlib
import re
import uuid

import pytest
from django.apps import apps
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import LocalePrefixPattern, RoutePattern

from .conftest import nl
from .security import log_in

pytestmark = pytest.mark.e2e

# Views that Django's middleware lets through without a CSRF token, each with the reason it is safe
# and what a forged request gets (checked below, with "nothing changed").
_DRF_READ_ONLY = "Django REST framework view (exempt from the middleware): read-only, answers 405 to a write"
_WAGTAIL_ADMIN_API = "Wagtail's admin API (DRF): its SessionAuthentication enforces the CSRF token itself (403)"
ALLOWED_EXEMPT = {
    "toolbox:oai": "OAI-PMH harvesters POST without a session; the endpoint only reads public publications",
    "api_schema": _DRF_READ_ONLY,
    "api_practices": _DRF_READ_ONLY,
    "api_practice": _DRF_READ_ONLY,
    "api_organisations": _DRF_READ_ONLY,
    "api_organisation": _DRF_READ_ONLY,
    **{
        f"wagtailadmin_api:{kind}:{view}": _WAGTAIL_ADMIN_API
        for kind in ("pages", "documents", "images")
        for view in ("listing", "detail", "find", "action")
        if not (view == "action" and kind != "pages")
    },
}
FORGED_STATUS = {_DRF_READ_ONLY: {405}, _WAGTAIL_ADMIN_API: {403, 405}}

# The Wagtail admin has hundreds of routes; these are the state changes an attacker would want.
ADMIN_URLS = [
    ("wagtailadmin_pages:edit", "page"),  # saving a draft and publishing are POSTs to the edit view
    ("wagtailadmin_pages:unpublish", "page"),
    ("wagtailadmin_pages:delete", "page"),
    ("wagtailsnippets_toolbox_publication:edit", "publication"),
    ("wagtailsnippets_toolbox_publication:unpublish", "publication"),
    ("wagtailsnippets_toolbox_publication:delete", "publication"),
    ("wagtailusers_users:edit", "user"),
    ("wagtailusers_users:delete", "user"),
]

# Who sends the forged request: a person who could use the URL, so the refusal can only be CSRF's.
ROLE_BY_PREFIX = [
    (r"^/werkruimte/praktijk/\d+/(intake|meelezen-afronden|commissieleden)/", "team"),
    (r"^/werkruimte/(praktijk|praktijk-aanmelden)", "member"),
    (r"^/werkruimte/beoordel", "commission"),
    (r"^/werkruimte/ronde/", "chair"),
    (r"^/werkruimte/team/", "team"),
    (r"^/agenda/moderatie/", "team"),
    (r"^/account/aanvragen-beoordelen/", "team"),
    (r"^/account/organisatie/", "org_admin"),
    (r"^/beheer/", "administrator"),
]
API_METHODS = ("PUT", "PATCH", "DELETE")


def _leaves(resolver, prefix="", namespace=""):
    """(route, callback, qualified name) for every URL pattern under `resolver`."""
    for pattern in resolver.url_patterns:
        if isinstance(pattern.pattern, LocalePrefixPattern):
            part = ""
        elif isinstance(pattern.pattern, RoutePattern):
            part = str(pattern.pattern)
        else:
            part = pattern.pattern.regex.pattern.lstrip("^").rstrip("$").removesuffix(r"\Z")
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}".strip(":") if pattern.namespace else namespace
            yield from _leaves(pattern, prefix + part, inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}".strip(":") if pattern.name else ""
            yield prefix + part, pattern.callback, name


def _samples():
    """Real objects for the URL parameters, so "nothing changed" is about something that exists."""
    from accounts.models import AccountRequest, Membership
    from events.models import Event
    from practices.models import Material, Practice, ReviewAssignment, ReviewRound, TemplateSection
    from toolbox.models import Publication

    practice = Practice.objects.get(slug="samen-naar-de-kleuterklas")  # a draft of Lier, the member's
    assignment = ReviewAssignment.objects.filter(reviewer__email="commissielid@expoo.example").first()
    return {
        "practice_pk": practice.pk,
        "key": TemplateSection.objects.order_by("pk").first().key,
        "assignment": assignment.pk if assignment else 1,
        "round": (ReviewRound.objects.filter(decided_at__isnull=True).first() or ReviewRound.objects.first()).pk,
        "event": Event.objects.order_by("pk").first().pk,
        "account_request": AccountRequest.objects.order_by("pk").first().pk,
        "membership": Membership.objects.get(user__email="lid@expoo.example").pk,
        "material": Material.objects.order_by("pk").first().pk,
        "published_slug": Practice.objects.published().order_by("pk").first().slug,
        "publication_slug": Publication.objects.filter(live=True).order_by("pk").first().slug,
        "publication_pk": Publication.objects.order_by("pk").first().pk,
    }


def _concrete(route: str, s: dict) -> str | None:
    """A URL for `route` with plausible values; None for a route that cannot be filled in."""
    if route.startswith("werkruimte/beoordeling/"):
        route = route.replace("<int:pk>", str(s["assignment"]))
    elif route.startswith("werkruimte/ronde/"):
        route = route.replace("<int:pk>", str(s["round"]))
    elif route.startswith("werkruimte/"):
        route = route.replace("<int:pk>", str(s["practice_pk"]))
    elif route.startswith("agenda/"):
        route = route.replace("<int:pk>", str(s["event"])).replace("<int:year>", "2027").replace("<int:month>", "3")
    elif route.startswith("account/aanvragen-beoordelen/"):
        route = route.replace("<int:pk>", str(s["account_request"]))
    elif route.startswith("account/organisatie/"):
        route = route.replace("<slug:slug>", "huis-van-het-kind-lier").replace("<int:pk>", str(s["membership"]))
    elif route.startswith("praktijken/materiaal/"):
        route = route.replace("<int:pk>", str(s["material"]))
    elif route.startswith(("praktijken/", "api/v1/praktijken/")):
        route = route.replace("<slug:slug>", s["published_slug"])
    elif route.startswith("toolbox/"):
        route = route.replace("<slug:slug>", s["publication_slug"]).replace("<slug:fmt>", "ris")
    route = route.replace("<slug:key>", s["key"]).replace("<int:number>", "1")
    route = re.sub(r"\(\?P<\w+>\.\*\)", "x", route)  # media files served while DEBUG
    route = re.sub(r"<uuid:\w+>", str(uuid.uuid4()), route)
    route = re.sub(r"<int:\w+>", "1", route)
    route = re.sub(r"<(?:slug|str|path):\w+>|<\w+>", "x", route)
    route = route.replace(r"((?:[\w\-]+/)*)", "")  # Wagtail's page tree: the home page
    route = route.replace(r"(\d+)", "1").replace("(.*)", "x")  # Wagtail's documents
    if re.search(r"[\\()\[\]?*+^$]", route):
        return None
    return "/" + route


def _fingerprint() -> dict[str, str]:
    """A digest of every stored row per table (sessions apart: reading a page may touch one)."""
    digests = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = model._meta.db_table
            if table == "django_session" or model._meta.proxy or not model._meta.managed:
                continue
            cursor.execute(f'SELECT * FROM "{table}" ORDER BY 1')  # noqa: S608 - table names from the models
            digests[table] = hashlib.sha256(repr(cursor.fetchall()).encode()).hexdigest()
    return digests


def test_no_view_is_csrf_exempt_outside_the_allow_list():
    exempt = {name or route for route, callback, name in _leaves(get_resolver()) if getattr(callback, "csrf_exempt", False)}
    assert exempt - set(ALLOWED_EXEMPT) == set(), "new csrf_exempt views: add a reason to ALLOWED_EXEMPT or protect them"
    assert set(ALLOWED_EXEMPT) - exempt == set(), "ALLOWED_EXEMPT names views that are no longer exempt"


def test_every_state_changing_url_refuses_a_request_without_the_csrf_token(demo):
    samples = _samples()
    targets: dict[str, str] = {}  # url -> name, for the report
    unfilled = []
    for route, callback, name in _leaves(get_resolver()):
        if route.startswith(("beheer/", "en/", "health/")):
            continue  # the admin: the set below; /health/ is answered before any view (core/health.py)
        url = _concrete(route, samples)
        if url is None:
            unfilled.append(route)
            continue
        if resolve(url).func != callback:
            continue  # shadowed by an earlier pattern (Wagtail's /_util/login/ by ours): that one is covered
        targets[url] = name or route
    page_id = __import__("wagtail.models", fromlist=["Page"]).Page.objects.get(url_path="/home/over-expoo/").pk
    from accounts.models import User

    ids = {"page": page_id, "publication": samples["publication_pk"], "user": User.objects.get(email="lid@expoo.example").pk}
    for name, kind in ADMIN_URLS:
        targets[reverse(name, args=[ids[kind]])] = name
    targets[reverse("wagtailadmin_api:pages:action", args=[page_id, "unpublish"])] = "wagtailadmin_api:pages:action"
    assert not unfilled, f"routes this test cannot fill in (extend _concrete): {unfilled}"

    sessions = {}
    for role in {"member", "org_admin", "team", "commission", "chair", "administrator"}:
        sessions[role] = log_in(demo.url, role)
        assert sessions[role].csrf_token, f"{role} has no CSRF cookie"
    before = _fingerprint()
    expired = nl("This form has expired")

    failures = []
    for url, name in sorted(targets.items()):
        role = next((r for pattern, r in ROLE_BY_PREFIX if re.match(pattern, url)), "member")
        methods = ("POST", *API_METHODS) if url.startswith("/api/") else ("POST",)
        for method in methods:
            # A forged form: the browser sends the cookies, the attacker cannot know the token.
            body = {"title": "csrf", "body": "csrf", "action-publish": "1"}
            if url.startswith("/beheer/api/"):  # the admin's API reads JSON (a form body gets 415 first)
                response = sessions[role].request(method, url, json=body)
            else:
                response = sessions[role].request(method, url, data=body)
            if name in ALLOWED_EXEMPT:
                if response.status_code not in FORGED_STATUS.get(ALLOWED_EXEMPT[name], {200, 405}):
                    failures.append(f"{method} {url} ({name}, exempt, as {role}): {response.status_code}")
            elif response.status_code != 403 or expired not in response.text:
                failures.append(f"{method} {url} ({name}, as {role}): {response.status_code}")
    assert not failures, "accepted without a CSRF token:\n" + "\n".join(failures)
    after = _fingerprint()
    assert [table for table in before if before[table] != after.get(table)] == [], "rows changed by refused requests"
    # The logout URL was among them: everyone is still logged in.
    for role, session in sessions.items():
        assert session.get("/account/").status_code == 200, f"{role} was logged out by a forged POST"
    # And with the token the same session does change state (the test can fail): logout works.
    member = sessions["member"]
    assert member.post_form(reverse("accounts:logout"), {}).status_code == 302
    assert member.get("/account/").status_code == 302
