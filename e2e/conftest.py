"""Browser journeys: one headless Chromium per session, a fresh context per test, the demo data in a
live server, and axe-core on every page a journey passes.

The live server needs a transactional database, which pytest-django empties after each test. The
migrations' reference data (home page, provinces and municipalities, role groups) comes back from the
copy `serialized_rollback` restores; the demo data is loaded once and then restored from a SQLite
snapshot, which takes milliseconds where `load_demo` takes seconds.
"""

import io
import os
import re
import sqlite3
import tempfile
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.utils import translation
from django.utils.text import capfirst
from playwright.sync_api import Browser, Page, expect, sync_playwright

from core.demo.util import DEMO_PASSWORD

CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_TAGS = [*WCAG_TAGS, "best-practice"]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 800}
SHOTS_DIR = Path(os.environ.get("E2E_SHOTS_DIR", Path(tempfile.gettempdir()) / "e2e-shots"))

# The demo's people, one per role (see core/management/commands/load_demo.py).
MEMBER = "lid@expoo.example"
ORG_ADMIN = "orgbeheerder@expoo.example"
TEAM = "redactie@expoo.example"

_AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160), summary: n.failureSummary})),
  }));
}"""


@pytest.fixture(scope="session")
def browser() -> Browser:
    """Headless Chromium for the whole session.

    Playwright's sync API keeps an event loop running in the main thread, which makes Django refuse
    database access there; the flag allows it only while the browser is up.
    """
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except Exception as error:
        playwright.stop()
        pytest.fail(f"Cannot start Chromium at {CHROMIUM} (see STACK-FACTS, 'Browser and judges'): {error}")
    yield browser
    browser.close()
    playwright.stop()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite the live server works on a database file, as the site does, not on Django's shared
    in-memory test database. There a second request that reads a table another one is writing fails
    at once ("database table is locked") instead of waiting: the editor's autosave running into the
    publish button did exactly that. Durability is not needed here, so the file is not synced."""
    db = settings.DATABASES["default"]
    if db["ENGINE"] == "django.db.backends.sqlite3":
        db.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("e2e-db") / "test.sqlite3")
        db["OPTIONS"] = {
            **db.get("OPTIONS", {}),
            "init_command": db["OPTIONS"]["init_command"].replace("synchronous=FULL", "synchronous=OFF"),
        }


@pytest.fixture(scope="session")
def _demo_snapshots():
    """Copies of the SQLite database right after `load_demo`, so only the first test pays for loading."""
    snapshots: dict[str, sqlite3.Connection] = {}
    yield snapshots
    for snapshot in snapshots.values():
        snapshot.close()


@pytest.fixture
def demo(live_server, django_db_serialized_rollback, _demo_snapshots):
    """The live server with the demo data, loaded the way `make run` loads it."""
    # Cached site root paths may point at pages of a previous test.
    for store in caches.all():
        store.clear()
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        name = connection.settings_dict["NAME"]
        if name in _demo_snapshots:
            _demo_snapshots[name].backup(connection.connection)
        else:
            call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
            _demo_snapshots[name] = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(_demo_snapshots[name])
    else:
        call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    # Restoring the serialized copy before the next test runs Wagtail code that looks content types up;
    # with a cold cache it would create them on the fly, clashing with the rows restored after them.
    # Their ids are the same in every copy, so a cache filled now stays right.
    ContentType.objects.get_for_models(*apps.get_models())
    return live_server


@pytest.fixture
def open_page(browser, demo):
    """Open a new browser context and page on the live server: `open_page(viewport=MOBILE)`."""
    contexts = []
    errors: list[str] = []

    def open_(viewport: dict | None = None) -> Page:
        context = browser.new_context(base_url=demo.url, bypass_csp=True, locale="nl-BE", viewport=viewport or DESKTOP)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        return page

    yield open_
    for context in contexts:
        context.close()
    assert not errors, "JavaScript errors in the page:\n" + "\n".join(errors)


@pytest.fixture
def page(open_page) -> Page:
    """A desktop-sized page on the live demo site, in a fresh context (no cookies)."""
    return open_page()


# Interface texts --------------------------------------------------------------------------------


def nl(msgid: str, **params) -> str:
    """The Dutch text a visitor reads for an interface string; fails when there is no translation."""
    with translation.override("nl-be"):
        text = translation.gettext(msgid)
    assert text != msgid, f"No Dutch translation for {msgid!r}"
    return text % params if params else text


def field_label(model, field_name: str) -> str:
    """The Dutch label of a model field as a form shows it."""
    with translation.override("nl-be"):
        return capfirst(str(model._meta.get_field(field_name).verbose_name))


def en(msgid: str, **params) -> str:
    """The English text a visitor reads for an interface string."""
    with translation.override("en"):
        text = translation.gettext(msgid)
    return text % params if params else text


# Steps shared by the journeys -------------------------------------------------------------------


def account_nav(page: Page, language=nl):
    """The header navigation with the log-in, 'My EXPOO' and language links."""
    return page.get_by_role("navigation", name=language("Account and language"))


def log_in(page: Page, email: str, password: str = DEMO_PASSWORD) -> None:
    """Log in through the header link and the login form, and land on 'My EXPOO'. The team,
    commission and administrators also pass the second step with the code their demo
    authenticator app would show (accounts/testing.py computes it from the stored key)."""
    if not page.url.startswith("http"):
        page.goto("/")
    account_nav(page).get_by_role("link", name=nl("Log in"), exact=True).click()
    expect(page).to_have_url(re.compile(r"/account/inloggen/"))
    page.get_by_label(nl("E-mail address"), exact=True).fill(email)
    page.get_by_label(nl("Password"), exact=True).fill(password)
    page.get_by_role("main").get_by_role("button", name=nl("Log in"), exact=True).click()
    expect(page).to_have_url(re.compile(r"/account/(inloggen/code/)?$"))
    if page.url.endswith("/inloggen/code/"):
        from accounts.models import User
        from accounts.testing import current_code

        page.get_by_label(nl("Login code"), exact=True).fill(current_code(User.objects.get(email__iexact=email)))
        page.get_by_role("main").get_by_role("button", name=nl("Check the code and log in")).click()
    expect(page).to_have_url(re.compile(r"/account/$"))


def status_message(page: Page):
    """The confirmation messages a view leaves after a redirect (announced as a status)."""
    return page.get_by_role("main").get_by_role("status")


def screenshot(page: Page, name: str) -> None:
    """Save a full-page PNG to /tmp/e2e-shots/ when E2E_SCREENSHOTS=1, for a human to look at."""
    if os.environ.get("E2E_SCREENSHOTS") == "1":
        SHOTS_DIR.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS_DIR / f"{name}.png"), full_page=True)


# Accessibility ----------------------------------------------------------------------------------


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core (WCAG 2.1 A/AA and best practices) on the page as it is now."""
    page.wait_for_load_state("load")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(_AXE_RUN, AXE_TAGS)


def is_wcag(violation: dict) -> bool:
    return any(tag in WCAG_TAGS for tag in violation["tags"])


def describe_violations(violations: list[dict], where: str) -> str:
    """One readable block per page: rule, impact, help, and each offending element."""
    lines = [f"{where}:"]
    for kind, group in (
        ("WCAG", [v for v in violations if is_wcag(v)]),
        ("best practice", [v for v in violations if not is_wcag(v)]),
    ):
        for v in group:
            lines.append(f"  [{kind}] {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
            for node in v["nodes"][:8]:
                lines.append(f"      {node['target']}    {node['html']}")
            if len(v["nodes"]) > 8:
                lines.append(f"      … and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


def assert_accessible(page: Page, where: str | None = None) -> None:
    """Fail with a readable list when axe finds any WCAG 2.1 A/AA or best-practice violation."""
    violations = axe_violations(page)
    if violations:
        pytest.fail(describe_violations(violations, where or page.url))


class AccessibilityReport:
    """Collects axe results over many pages, so one run reports every page that fails."""

    def __init__(self, page: Page):
        self.page = page
        self.failures: list[str] = []
        self.checked: list[str] = []

    def check(self, where: str) -> None:
        violations = axe_violations(self.page)
        self.checked.append(where)
        if violations:
            self.failures.append(describe_violations(violations, f"{where} ({self.page.url})"))

    def assert_clean(self) -> None:
        if self.failures:
            pytest.fail(f"axe violations on {len(self.failures)} of {len(self.checked)} pages:\n" + "\n".join(self.failures))
