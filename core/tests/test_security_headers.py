"""Every page type answers with the security headers: a Content-Security-Policy without inline or
evaluated scripts, no plugins, no foreign <base>, no framing and forms only to the site; nosniff,
Referrer-Policy, X-Frame-Options DENY and Cross-Origin-Opener-Policy; HSTS under the production
settings. Checked on the demo site for visitors, members, the team, the commission and the
administrators' Wagtail admin (e2e/test_admin_csp.py shows it all still works in a browser)."""

import datetime
import importlib
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings
from wagtail.models import Page

from accounts.models import User
from core.security import ContentSecurityPolicyMiddleware
from events.models import Event
from organisations.models import Organisation
from practices.models import Practice
from toolbox.models import Publication

ADMINISTRATOR = "beheerder@expoo.example"
MEMBER = "lid@expoo.example"
TEAM = "redactie@expoo.example"
COMMISSION_MEMBER = "commissielid@expoo.example"


@pytest.fixture(scope="module")
def _demo(django_db_setup, django_db_blocker):
    """The demo site, loaded once for the module inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO(), stderr=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo, db):
    return None


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response.headers.get("Content-Security-Policy", "")
    assert header, "no Content-Security-Policy"
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_secure_html(response, path: str, *, admin: bool = False) -> None:
    assert response["Content-Type"].startswith("text/html"), path
    csp = policy(response)
    script_src = csp.get("script-src", csp.get("default-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src, (path, script_src)
    assert csp["object-src"] == ["'none'"], path
    assert csp["base-uri"] == ["'none'"], path
    assert csp["frame-ancestors"] == ["'none'"], path
    assert csp["form-action"] == ["'self'"], path
    if not admin:  # only the admin's rich text editor needs inline <style> elements
        assert csp["style-src"] == ["'self'"], path
    assert response["X-Content-Type-Options"] == "nosniff", path
    assert response["Referrer-Policy"] == "same-origin", path
    assert response["X-Frame-Options"] == "DENY", path
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", path


def as_user(email: str | None) -> Client:
    client = Client()
    if email:
        client.force_login(User.objects.get(email=email))
    return client


def test_every_public_page_type_sends_the_headers(demo):
    practice = Practice.objects.published().order_by("pk").first()
    publication = Publication.objects.public().order_by("pk").first()
    event = Event.objects.public().order_by("pk").first()
    organisation = Organisation.objects.public().order_by("pk").first()
    dossier = Page.objects.live().filter(content_type__model="themedossierpage").first()
    today = datetime.date.today()
    pages = [
        "/",
        "/en/",
        "/praktijken/",
        f"/praktijken/{practice.slug}/",
        "/toolbox/",
        f"/toolbox/{publication.slug}/",
        dossier.url,
        "/agenda/",
        f"/agenda/{event.slug}/",
        f"/agenda/maand/{today.year}/{today.month}/",
        "/aanbod-in-de-regio/?gemeente=Gent",
        f"/organisaties/{organisation.slug}/",
        "/zoeken/?q=opvoeding",
        "/account/inloggen/",
    ]
    client = as_user(None)
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_secure_html(response, path)


@pytest.mark.parametrize(
    ("email", "path"),
    [
        (MEMBER, "/account/"),
        (TEAM, "/account/"),
        (TEAM, "/werkruimte/team/"),
        (COMMISSION_MEMBER, "/werkruimte/beoordelen/"),
    ],
)
def test_pages_of_logged_in_people_send_the_headers(demo, email, path):
    response = as_user(email).get(path)

    assert response.status_code == 200
    assert_secure_html(response, path)


def test_error_pages_send_the_headers(demo):
    missing = as_user(None).get("/deze-pagina-bestaat-niet/")
    refused = as_user(MEMBER).get("/account/aanvragen-beoordelen/")

    assert missing.status_code == 404
    assert_secure_html(missing, "404")
    assert refused.status_code == 403
    assert_secure_html(refused, "403")


def test_the_wagtail_admin_sends_the_headers(demo):
    about = Page.objects.get(slug="over-expoo")
    publication = Publication.objects.order_by("pk").first()
    client = as_user(ADMINISTRATOR)
    for path in [
        "/beheer/",
        f"/beheer/pages/{about.get_parent().pk}/",
        f"/beheer/pages/{about.pk}/edit/",
        f"/beheer/snippets/toolbox/publication/edit/{publication.pk}/",
        "/beheer/documents/",
        "/beheer/images/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_secure_html(response, path, admin=True)
        # Wagtail's inline widget scripts are replaced by JSON that admin-init.js starts.
        assert "<script>" not in response.content.decode(), path


def test_the_admin_page_editor_starts_its_widgets_without_inline_scripts(demo):
    event = Event.objects.order_by("pk").first()
    client = as_user(ADMINISTRATOR)

    page = client.get(f"/beheer/snippets/events/event/edit/{event.pk}/").content.decode()

    assert '<script src="/static/core/js/admin-init.js" defer></script>' in page
    assert '"call": "InlinePanel", "new": true' in page  # the sessions
    assert '"call": "initDateTimeChooser"' in page  # their start and end
    assert "<script>" not in page


def test_the_live_preview_may_be_framed_by_the_site_only():
    middleware = ContentSecurityPolicyMiddleware(lambda request: preview)
    preview = HttpResponse("<html></html>")
    preview["X-Frame-Options"] = "SAMEORIGIN"

    response = middleware(RequestFactory().get("/beheer/pages/3/edit/preview/"))

    assert policy(response)["frame-ancestors"] == ["'self'"]


def test_a_policy_written_by_the_previews_inner_request_is_rewritten_for_framing():
    # Wagtail runs a preview through the middleware twice: for the page, then for the admin view.
    inner = ContentSecurityPolicyMiddleware(lambda request: HttpResponse("<html></html>"))
    page = inner(RequestFactory().get("/over-expoo/"))
    assert policy(page)["frame-ancestors"] == ["'none'"]

    def preview_view(request):
        page["X-Frame-Options"] = "SAMEORIGIN"
        return page

    response = ContentSecurityPolicyMiddleware(preview_view)(RequestFactory().get("/beheer/pages/3/edit/preview/"))

    assert policy(response)["frame-ancestors"] == ["'self'"]


def test_other_responses_keep_frame_ancestors_none_and_wagtails_document_policy():
    document = HttpResponse(b"%PDF-1.4", content_type="application/pdf")
    document["Content-Security-Policy"] = "default-src 'none'"

    response = ContentSecurityPolicyMiddleware(lambda request: document)(RequestFactory().get("/documenten/1/a.pdf"))

    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.django_db
def test_production_over_https_sends_hsts_and_redirects_plain_http(monkeypatch):
    monkeypatch.setenv("EXPOO_HTTPS", "true")
    monkeypatch.delenv("SECURE_HSTS_SECONDS", raising=False)
    production = importlib.reload(importlib.import_module("expoo.settings.production"))
    https = {
        name: getattr(production, name)
        for name in (
            "SECURE_SSL_REDIRECT",
            "SECURE_PROXY_SSL_HEADER",
            "SECURE_HSTS_SECONDS",
            "SECURE_HSTS_INCLUDE_SUBDOMAINS",
            "SECURE_HSTS_PRELOAD",
        )
    }

    with override_settings(**https):
        secure = Client().get("/robots.txt", headers={"X-Forwarded-Proto": "https"})
        plain = Client().get("/robots.txt")

    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert plain.status_code == 301 and plain["Location"].startswith("https://")
    assert "Strict-Transport-Security" not in plain
