"""The Content-Security-Policy holds in a real browser, and nothing breaks under it: an administrator
explores, edits and publishes a page, edits and publishes a publication, opens the document and
image choosers and the date pickers (also in forms added after the page loaded, started by
core/static/core/js/admin-init.js), and a visitor, a member, the team and the commission see every
public page type. Every CSP violation a page reports (the `securitypolicyviolation` event, and
Chromium's console message for it) fails the test.

These pages are opened without `bypass_csp` (the accessibility journeys use it so axe can be
injected). People are logged in with a session made by Django's test client, not through the login
form, which asks staff for a second factor.
"""

import datetime
import re

import pytest
from django.conf import settings
from django.test import Client
from django.utils.translation.trans_real import DjangoTranslation
from playwright.sync_api import Page, expect
from wagtail.models import Page as WagtailPage

from accounts.models import User
from events.models import Event
from organisations.models import Organisation
from practices.models import Practice
from toolbox.models import Publication

from .conftest import DESKTOP, MEMBER, TEAM, nl

pytestmark = pytest.mark.e2e

ADMINISTRATOR = "beheerder@expoo.example"
COMMISSION_MEMBER = "commissielid@expoo.example"

# Added to every document and frame before its own scripts: reports each violation to the test.
REPORT_VIOLATIONS = """
document.addEventListener('securitypolicyviolation', (event) => {
  window.expooCspViolation({
    page: document.URL, directive: event.violatedDirective, blocked: event.blockedURI,
    source: event.sourceFile, line: event.lineNumber, sample: event.sample,
  });
});
"""


def session_cookie(email: str, url: str) -> dict:
    """A logged-in session for `email` in the live server's database, as a browser cookie."""
    client = Client()
    client.force_login(User.objects.get(email=email))
    return {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value, "url": url}


@pytest.fixture
def strict_page(browser, demo):
    """`strict_page(email=None)`: a page under the site's real CSP, logged in as `email` if given.
    At the end the test fails on any violation or JavaScript error any of these pages reported."""
    contexts, violations, errors = [], [], []

    def on_console(message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            violations.append({"console": message.text})

    def open_(email: str | None = None) -> Page:
        context = browser.new_context(base_url=demo.url, locale="nl-BE", viewport=DESKTOP)
        context.set_default_timeout(15_000)
        contexts.append(context)
        context.expose_function("expooCspViolation", lambda violation: violations.append(violation))
        context.add_init_script(REPORT_VIOLATIONS)
        if email:
            context.add_cookies([session_cookie(email, demo.url)])
        page = context.new_page()
        page.on("console", on_console)
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        page.on("dialog", lambda dialog: dialog.accept())  # "leave with unsaved changes?"
        return page

    yield open_
    for context in contexts:
        context.close()
    assert not violations, "CSP violations:\n" + "\n".join(map(str, violations))
    assert not errors, "JavaScript errors:\n" + "\n".join(errors)


def visit(page: Page, path: str, status: int = 200) -> None:
    response = page.goto(path)
    assert response is not None and response.status == status, f"{path}: {response and response.status}"
    csp = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0], (path, csp)
    page.wait_for_load_state("networkidle")


def nl_js(msgid: str) -> str:
    """A Dutch text of the admin's JavaScript (the djangojs catalogue)."""
    text = DjangoTranslation("nl-be", domain="djangojs").gettext(msgid)
    assert text != msgid, f"No Dutch translation for {msgid!r}"
    return text


def close_dialog(page: Page) -> None:
    """Close the open dialog (Escape) or chooser modal (its close button, the first in it)."""
    dialog = page.get_by_role("dialog")
    page.keyboard.press("Escape")
    if dialog.count():
        dialog.get_by_role("button").first.click()
    expect(dialog).to_have_count(0)


def test_an_administrator_edits_and_publishes_under_the_policy(strict_page):
    about = WagtailPage.objects.get(slug="over-expoo")
    parent = about.get_parent()
    page = strict_page(ADMINISTRATOR)

    visit(page, "/beheer/")
    expect(page.get_by_role("main")).to_be_visible()

    # The page explorer, and from it the editor.
    visit(page, f"/beheer/pages/{parent.pk}/")
    page.get_by_role("main").get_by_role("link", name=about.title, exact=True).first.click()
    expect(page).to_have_url(re.compile(rf"/beheer/pages/{about.pk}/edit/$"))
    page.wait_for_load_state("networkidle")

    # The live preview is framed by the editor (frame-ancestors 'self' for it, 'none' elsewhere).
    page.get_by_role("button", name=nl("Toggle preview")).click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(about.title)
    page.get_by_role("button", name=nl("Toggle preview")).click()

    # The schedule dialog's date and time pickers (started from JSON by admin-init.js).
    page.get_by_role("button", name=nl("Toggle status")).click()
    page.get_by_role("button", name=nl("Set schedule")).click()
    go_live = page.get_by_role("dialog").locator("input[name='go_live_at']")
    go_live.click()
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(1)
    page.keyboard.press("Escape")  # closes the picker
    close_dialog(page)

    title = f"Over EXPOO ({datetime.date.today():%d/%m/%Y})"
    page.locator("#id_title").fill(title)
    page.get_by_role("button", name=nl("More actions")).click()
    page.get_by_role("button", name=nl("Publish"), exact=True).click()
    expect(page).to_have_url(re.compile(rf"/beheer/pages/{parent.pk}/$"))
    about.refresh_from_db()
    assert about.title == title and about.live and not about.has_unpublished_changes

    # The image chooser, from a new image block in the body (a StreamField block), not saved.
    visit(page, f"/beheer/pages/{about.pk}/edit/")
    page.get_by_role("button", name=nl_js("Insert a block")).first.click()
    page.get_by_role("option", name=nl("Image"), exact=True).click()
    page.get_by_role("button", name=nl("Choose an image")).first.click()
    expect(page.get_by_role("dialog").get_by_role("heading", name=nl("Choose an image"))).to_be_visible()
    close_dialog(page)
    visit(page, "/beheer/")  # leave the editor (and its editing session) while the server still runs


def test_an_administrator_edits_a_publication_and_an_event_under_the_policy(strict_page):
    publication = Publication.objects.filter(live=True, document=None).order_by("pk").first()
    authors_before = publication.authors.count()
    page = strict_page(ADMINISTRATOR)

    visit(page, f"/beheer/snippets/toolbox/publication/edit/{publication.pk}/")
    # The document chooser (a chooser widget, started from JSON).
    page.get_by_role("button", name=nl("Choose a document")).click()
    expect(page.get_by_role("dialog").get_by_role("heading", name=nl("Choose a document"))).to_be_visible()
    close_dialog(page)

    # A new author form (InlinePanel, started from JSON); its organisation chooser is started as
    # the form is added.
    page.get_by_role("button", name=nl("Add %(label)s", label=nl("authors"))).click()
    page.locator(f"#id_authors-{authors_before}-name").fill("Janssens")
    page.locator(f"#id_authors-{authors_before}-organisation-chooser [data-chooser-action-choose]").first.click()
    expect(page.get_by_role("dialog")).to_be_visible()
    close_dialog(page)

    page.get_by_role("button", name=nl("More actions")).click()
    page.get_by_role("button", name=nl("Publish"), exact=True).click()
    expect(page).to_have_url(re.compile(r"/beheer/snippets/toolbox/publication/$"))
    assert publication.authors.count() == authors_before + 1

    # An event: a session added after the page loaded gets its date pickers.
    event = Event.objects.order_by("pk").first()
    visit(page, f"/beheer/snippets/events/event/edit/{event.pk}/")
    pickers = page.locator(".xdsoft_datetimepicker")
    before = pickers.count()
    page.get_by_role("button", name=nl("Add %(label)s", label=nl("session"))).click()
    expect(pickers).to_have_count(before + 2)
    page.locator("input[name$='-start']").last.click()
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(1)

    visit(page, "/beheer/documents/")
    visit(page, "/beheer/images/")
    visit(page, "/beheer/")


def test_every_public_page_type_keeps_to_the_policy(strict_page):
    practice = Practice.objects.published().order_by("pk").first()
    publication = Publication.objects.public().order_by("pk").first()
    event = Event.objects.public().order_by("pk").first()
    organisation = Organisation.objects.public().order_by("pk").first()
    dossier = WagtailPage.objects.live().filter(content_type__model="themedossierpage").first()
    today = datetime.date.today()

    visitor = strict_page()
    for path in [
        "/",
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
        "/zoeken/?q=ouders",
        "/account/inloggen/",
    ]:
        visit(visitor, path)
    visit(visitor, "/bestaat-niet/", status=404)

    for email, paths in [
        (MEMBER, ["/account/"]),
        (TEAM, ["/account/", "/werkruimte/team/"]),
        (COMMISSION_MEMBER, ["/werkruimte/beoordelen/"]),
    ]:
        person = strict_page(email)
        for path in paths:
            visit(person, path)
