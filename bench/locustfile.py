"""The whole-site load mix for locust, started by bench/site_load.py (see bench/README.md).

    SITE_LOAD_TARGETS=targets.json SITE_LOAD_MODE=mix locust -f bench/locustfile.py --headless ...

The addresses come from the JSON that bench.site_dataset.targets() writes (made with reverse() on
the benchmark's own data). Requests are named by page type, so locust's statistics group them; an
answer carrying the page cache's `X-Cache` header is named `<type> (hit)` or `<type> (miss)`.
Anything but a 200 at the end (redirects followed) is an error, and so is a page without its end.

SITE_LOAD_MODE:
- `mix` (default): every address of the targets, as visitors spread over the site;
- `cached`: the same pages, but only a few addresses per page type (after the first request of
  each, a page cache answers them);
- `uncached`: every address with a query parameter no page has seen before, so no page cache can
  answer it: each page is rendered.

User classes: BareView and StaticFile (the floor), AnonymousVisitor (browsing), Searcher (facets and
words in the databank, the Toolbox, the agenda and the site search), Member (logs in: My EXPOO, the
practice's workspace, the organisation page, its members for administrators), DraftWriter and
ContactSender (a few submissions, each after fetching the form with its CSRF token). Users wait
nothing between requests (a closed loop: each user keeps one request in flight), except the two
that submit, which pace themselves.
"""

import html
import itertools
import json
import os
import random
import re
import time
from pathlib import Path

from locust import FastHttpUser, constant, constant_pacing, task

TARGETS = json.loads(Path(os.environ.get("SITE_LOAD_TARGETS", "targets.json")).read_text(encoding="utf-8"))
MODE = os.environ.get("SITE_LOAD_MODE", "mix")
CACHED_PER_TYPE = 3  # addresses per page type in the cached mode
LOGIN_LEAD_IN = 1.0  # seconds the anonymous users of the mix wait for the members to log in (Anonymous)
SUBMIT_EVERY = float(os.environ.get("SITE_LOAD_SUBMIT_EVERY", "2"))  # seconds between two submissions of one user
_accounts = itertools.cycle(TARGETS["accounts"] or [None])
_bust = itertools.count(1)
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FIELD = re.compile(r"<(input|textarea|select)\b([^>]*)>", re.I)
ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')


def pages(kind: str) -> list[str]:
    found = TARGETS["pages"].get(kind) or []
    return found[:CACHED_PER_TYPE] if MODE == "cached" else found


def busted(path: str) -> str:
    if MODE != "uncached":
        return path
    return f"{path}{'&' if '?' in path else '?'}nc={os.getpid()}-{next(_bust)}"


class SiteUser(FastHttpUser):
    abstract = True
    wait_time = constant(0)

    def visit(self, kind: str, path: str, *, must_contain: str = "</html>"):
        """GET path, named by its page type and, when the page cache says so, hit or miss."""
        with self.client.get(busted(path), name=kind, catch_response=True) as response:
            state = response.headers.get("X-Cache") if response.headers else None
            if state:
                response.request_meta["name"] = f"{kind} ({state})"
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            elif must_contain and must_contain not in (response.text or ""):
                response.failure("incomplete page")
            return response

    def page(self, kind: str):
        choices = pages(kind)
        if choices:
            self.visit(kind, random.choice(choices))


class BareView(SiteUser):
    """The floor: Django's whole middleware stack around `HttpResponse("ok")`."""

    @task
    def bare(self):
        self.visit("bare_view", TARGETS["bare"], must_contain="ok")


class StaticFile(SiteUser):
    """The floor for files: one stylesheet served by whitenoise in the same workers."""

    @task
    def static(self):
        self.visit("static_file", TARGETS["static"], must_contain="")


class Anonymous(SiteUser):
    """In the mix, the anonymous users begin a second after the members, who log in first: a login
    hashes the password for some 0.4 s of a worker, and the two of them at once held both workers
    while the first requests of every other user queued behind them (the one-off 450-730 ms answers,
    each time of another page type, that earlier runs reported)."""

    abstract = True

    def on_start(self):
        if TARGETS["accounts"] and any(issubclass(c, LoggedIn) for c in self.environment.user_classes):
            time.sleep(LOGIN_LEAD_IN)


class AnonymousVisitor(Anonymous):
    weight = 6

    @task(3)
    def home(self):
        self.page("home")

    @task(3)
    def databank(self):
        self.page("databank")

    @task(8)
    def practice(self):
        self.page("practice")

    @task(2)
    def toolbox(self):
        self.page("toolbox")

    @task(6)
    def publication(self):
        self.page("publication")

    @task(3)
    def agenda(self):
        self.page("agenda")

    @task(1)
    def agenda_month(self):
        self.page("agenda_month")

    @task(4)
    def event(self):
        self.page("event")

    @task(2)
    def organisations(self):
        self.page("organisations")

    @task(3)
    def organisation(self):
        self.page("organisation")

    @task(1)
    def dossiers(self):
        self.page("dossiers")

    @task(2)
    def dossier(self):
        self.page("dossier")


class Searcher(Anonymous):
    """Facets and words, as visitors refine: one to three facets, often a word."""

    weight = 2

    def _search(self, kind: str, path: str, build):
        """GET path with the query build(rng) makes; the cached mode repeats a few of them."""
        rng = random.Random(random.randrange(CACHED_PER_TYPE)) if MODE == "cached" else random
        query = "&".join(f"{k}={v}" for k, v in build(rng, TARGETS["search"]).items() if v)
        self.visit(kind, f"{path}?{query}")

    @task(3)
    def databank_search(self):
        self._search(
            "databank_search",
            TARGETS["search"]["databank"],
            lambda rng, s: {
                "q": rng.choice(s["practice_words"]) if rng.random() < 0.6 else "",
                "thema": rng.choice(s["themes"]),
                "doelgroep": rng.choice(s["target_groups"]) if rng.random() < 0.5 else "",
                "niveau": rng.choice(s["levels"]) if rng.random() < 0.5 else "",
            },
        )

    @task(2)
    def toolbox_search(self):
        self._search(
            "toolbox_search",
            TARGETS["search"]["toolbox"],
            lambda rng, s: {
                "q": rng.choice(s["publication_words"]) if rng.random() < 0.5 else "",
                "type": rng.choice(s["publication_types"]),
                "thema": rng.choice(s["themes"]) if rng.random() < 0.7 else "",
            },
        )

    @task(1)
    def agenda_search(self):
        self._search(
            "agenda_search",
            TARGETS["search"]["agenda"],
            lambda rng, s: {"thema": rng.choice(s["themes"]), "provincie": rng.choice(s["provinces"])},
        )

    @task(3)
    def site_search(self):
        self._search(
            "site_search",
            TARGETS["search"]["site"],
            lambda rng, s: {"q": rng.choice(s["site_words"]), "thema": rng.choice(s["themes"]) if rng.random() < 0.3 else ""},
        )


def form_fields(page: str, marker: str) -> dict:
    """The named fields, with values, of the page's first form that contains `marker` (the page
    also has the header's logout form, with a CSRF token of its own)."""
    form = next((f for f in re.findall(r"<form\b.*?</form>", page, re.S | re.I) if marker in f), "")
    data = {}
    for tag, raw in FIELD.findall(form):
        attrs = dict(ATTR.findall(raw))
        name, kind = attrs.get("name"), attrs.get("type", "text")
        if not name or kind in ("submit", "button", "checkbox", "radio"):
            continue
        if kind == "hidden":
            data[name] = html.unescape(attrs.get("value", ""))
        elif kind == "email":
            data[name] = "bezoeker@bench.example"
        elif tag.lower() == "select":
            data[name] = ""
        elif tag.lower() == "textarea":
            data[name] = "Een vraag over opvoedingsondersteuning in de buurt."
        else:
            data[name] = "Bench"
    return data


class LoggedIn(SiteUser):
    """A member of an organisation (some are its administrators), logged in once at the start."""

    abstract = True

    def on_start(self):
        self.account = next(_accounts)
        if self.account is None:
            return
        response = self.visit("login_form", "/account/inloggen/")
        token = CSRF_INPUT.search(response.text or "")
        with self.client.post(
            "/account/inloggen/",
            data={
                "csrfmiddlewaretoken": token.group(1) if token else "",
                "username": self.account["email"],
                "password": TARGETS["password"],
            },
            name="login",
            catch_response=True,
        ) as answer:
            if answer.status_code != 200 or "/account/uitloggen/" not in (answer.text or ""):
                answer.failure(f"login failed ({answer.status_code})")


class Member(LoggedIn):
    """My EXPOO, the practice's workspace, the organisation's pages, practices as a member sees them."""

    fixed_count = 1

    @task(4)
    def my_expoo(self):
        if self.account:
            self.visit("my_expoo", "/account/")

    @task(2)
    def workspace(self):
        if self.account and self.account["workspace"]:
            self.visit("workspace", self.account["workspace"])

    @task(1)
    def own_organisation(self):
        if self.account:
            self.visit("organisation_logged_in", self.account["organisation"])

    @task(1)
    def organisation_members(self):
        if self.account and self.account["admin"]:
            self.visit("organisation_members", self.account["members"])

    @task(2)
    def browse(self):
        self.visit("practice_logged_in", random.choice(TARGETS["pages"]["practice"]))


class DraftWriter(LoggedIn):
    """Saves a section of its practice's draft now and then: the form first (CSRF token, revision)."""

    fixed_count = 1
    wait_time = constant_pacing(SUBMIT_EVERY)

    @task
    def save_draft(self):
        if not (self.account and self.account["section"]):
            return
        form = self.visit("draft_form", self.account["section"])
        data = form_fields(form.text or "", 'name="body"')
        data["body"] = f"Tekst van de benchmark, versie {next(_bust)}. " * 20
        with self.client.post(self.account["section"], data=data, name="draft_save", catch_response=True) as answer:
            if answer.status_code != 200 or "</html>" not in (answer.text or ""):
                answer.failure(f"draft not saved ({answer.status_code})")


class ContactSender(SiteUser):
    """An anonymous visitor sends the contact form now and then."""

    fixed_count = 1
    wait_time = constant_pacing(SUBMIT_EVERY)

    @task
    def contact(self):
        if not TARGETS["contact"]:
            return
        form = self.visit("contact_form", TARGETS["contact"])
        data = form_fields(form.text or "", 'type="email"')
        with self.client.post(TARGETS["contact"], data=data, name="contact_send", catch_response=True) as answer:
            if answer.status_code != 200:
                answer.failure(f"contact form refused ({answer.status_code})")
