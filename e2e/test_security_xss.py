"""Stored XSS: a corpus of payloads through every door where people write text, read back at every
place the text comes out, over real HTTP against the live demo server and in Chromium.

Doors (each a real form post by the role that uses it; every free-text field of the form gets a
payload, URL fields a javascript: URL first):
- anonymous: the account request (new organisation), the contact form (Wagtail form page);
- member: the practice registration, a section of the description (Markdown), a comment on it,
  an event proposal (every field of the event and its session);
- organisation administrator: the organisation profile;
- EXPOO team: the intake notes of a registration, the RIS import of publications in the admin;
- commission member: the review (notes per section and the overall assessment);
- administrator: the Wagtail admin's rich text of a page (the contact page's introduction, Draftail
  JSON with a javascript: link) and the publication snippet's fields.
The team then approves the proposed event (events.actions), and the payloads are written into the
published description of a published practice (a description reaches the public only after the
commission's review, too long a path to walk here; the rendering is what is tested).
Not covered here: the chair's decision text and the team's event messages (rendered with the same
escaping as the review notes and comments above).

Places read back: public pages (practice, printable view, organisation, event, publication, the
contact page, regional offer, home), the site search (snippets with highlighting), feeds
(practices Atom, toolbox Atom and RSS, agenda Atom, iCalendar), OAI-PMH, the JSON API, the CSV
exports (practices, organisations, the admin's site history and form submissions), the dashboards,
the team's queues and intake page, the commission's review page, the admin listings and search,
and every e-mail sent (the site sends plain text only: HTML parts are checked if one appears, and
subjects for header injection). Assertions: no payload is live HTML in any of them (parsed, not grepped;
feed texts are parsed again as the HTML feed readers take them), no javascript: link, no template
evaluated, CSV cells starting with = + - @ neutralised, and in Chromium with the CSP bypassed
(so escaping is what is tested) no sentinel set and no dialog.
"""

import csv
import io
import re
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from .security import ROLES, draftail, fill, form_fields, log_in

pytestmark = pytest.mark.e2e

WORD = "vlinderkoffie"  # a searchable word in every payload, so the site search finds them all
SENTINEL = "__xss"
PAYLOADS = [
    "<script>window.__xss=1</script>",
    '"><img src=x onerror="window.__xss=1">',
    "'><svg onload=window.__xss=1>",
    "</textarea><script>window.__xss=1</script>",
    "</title><script>window.__xss=1</script>",
    '<a href="javascript:window.__xss=1">klik</a> [klik](javascript:window.__xss=1)',
    "{{ 7*7 }}ssti {% now 'Y' %}ssti",
    "\u202e<img src=x onerror=window.__xss=1>\u202c",
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    "<details open ontoggle=window.__xss=1>x</details>",
    "<style>@import 'javascript:window.__xss=1'</style><a href=x onmouseover=alert(1)>mail</a>",
    '=HYPERLINK("http://evil.example","__xss")',
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
]
JS_URL = "javascript:window.__xss=1"
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data")


def payload_text(index: int, limit: int = 200) -> str:
    payload = PAYLOADS[index % len(PAYLOADS)]
    return (f"{payload} {WORD}" if payload.startswith("=") else f"{WORD} {payload}")[:limit]


FORMULA = payload_text(PAYLOADS.index('=HYPERLINK("http://evil.example","__xss")'))


def _texts(start: int):
    counter = iter(range(start, start + 1000))
    return lambda name: payload_text(next(counter))


# The checks -----------------------------------------------------------------------------------


def html_problems(html: str, where: str) -> list[str]:
    """Payloads that became live HTML in a document."""
    problems = []
    soup = BeautifulSoup(html, "lxml")
    for element in soup.find_all(True):
        data_only = element.name == "script" and "json" in element.get("type", "")  # JSON-LD: data, never run
        if element.name in ("script", "style") and not data_only and SENTINEL in element.get_text():
            problems.append(f"{where}: live <{element.name}> {element.get_text()[:60]!r}")
        for attribute, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if attribute.startswith("on") and (SENTINEL in value or "alert(" in value):
                problems.append(f"{where}: event handler {attribute}={value[:60]!r} on <{element.name}>")
            if attribute in URL_ATTRIBUTES and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith("javascript:"):
                problems.append(f"{where}: javascript: URL in <{element.name} {attribute}>")
            if attribute == "srcdoc":
                problems.append(f"{where}: <{element.name} srcdoc>")
    text = soup.get_text(" ")
    if re.search(r"49\s*ssti|20\d\d\s*ssti", text):
        problems.append(f"{where}: a template was evaluated")
    return problems


def feed_problems(xml: str, where: str) -> list[str]:
    """Feed readers render Atom's type="html" texts and RSS descriptions as HTML: parse those once
    more. Titles are text in Atom; OAI-PMH's Dublin Core and iCalendar are plain text too."""
    problems = []
    root = ElementTree.fromstring(xml.encode())  # noqa: S314 - our own server's output
    rss = root.tag == "rss"
    for element in root.iter():
        name = element.tag.split("}")[-1]
        html = (name in ("summary", "content", "title") and element.get("type") == "html") or (rss and name == "description")
        if html and element.text and WORD in element.text:
            problems += html_problems(element.text, f"{where} <{name}>")
        for attribute, value in element.attrib.items():
            if attribute.endswith("href") and value.strip().lower().startswith("javascript:"):
                problems.append(f"{where}: javascript: link")
    return problems


def csv_problems(text: str, where: str) -> list[str]:
    problems = []
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            if WORD in cell and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                problems.append(f"{where}: formula cell {cell[:40]!r}")
    return problems


def json_problems(data, where: str) -> list[str]:
    """JSON values are data; any value meant as HTML (a key with html in it) must be inert, and no
    URL may be a javascript: one."""
    problems = []

    def walk(value, key=""):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str):
            if "html" in key.lower():
                problems.extend(html_problems(value, f"{where} {key}"))
            if value.strip().lower().startswith("javascript:"):
                problems.append(f"{where} {key}: javascript: URL")

    walk(data)
    return problems


def check(response, where: str) -> list[str]:
    assert response.status_code == 200, f"{where}: {response.status_code}"
    kind = response.headers.get("Content-Type", "")
    if "csv" in kind:
        return csv_problems(response.text, where)
    if "json" in kind:
        return json_problems(response.json(), where)
    if "calendar" in kind:
        return [
            f"{where}: javascript: URL"
            for line in response.text.splitlines()
            if "javascript:" in line.lower() and line.startswith("URL")
        ]
    if "xml" in kind:
        return feed_problems(response.text, where)
    return html_problems(response.text, where)


def test_the_checks_catch_live_payloads():
    """The checks below must be able to fail: each unescaped payload is caught, its escaped form is not."""
    from django.utils.html import escape

    for payload in PAYLOADS[:6] + PAYLOADS[7:11]:
        assert html_problems(f"<p>{payload}</p>", "raw"), payload
        assert not html_problems(f"<p>{escape(payload)}</p>", "escaped"), payload
    assert html_problems("<p>49ssti</p>", "template")

    def row(cell):
        out = io.StringIO()
        csv.writer(out).writerow(["x", cell])
        return out.getvalue()

    assert csv_problems(row(FORMULA), "csv") and not csv_problems(row("'" + FORMULA), "csv")
    atom = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><summary type="html">{}</summary></entry></feed>'
    assert feed_problems(atom.format(escape(f"{WORD} <img src=x onerror=window.__xss=1>")), "feed")
    assert not feed_problems(atom.format(escape(escape(f"{WORD} <img src=x onerror=window.__xss=1>"))), "feed")


# The doors ------------------------------------------------------------------------------------


def submit(session, url, overrides=None, start=0, selector="main form[method=post]", expect=(302,), files=None, limit=200):
    """Fill every free-text field of the form at `url` with payloads and send it; a javascript: URL
    in URL fields must be refused, so those get a harmless URL after a first refused attempt."""
    page = session.get(url)
    assert page.status_code == 200, f"{url}: {page.status_code}"
    fields = form_fields(page.text, selector)
    texts = _texts(start)
    data = fill(fields, lambda name: texts(name)[:limit], url_value=JS_URL, overrides=overrides)
    url_fields = [name for name, (_value, kind, *_rest) in fields.items() if kind == "url"]
    if url_fields:
        refused = session.post_form(url, data, files=files)
        assert refused.status_code in (200, 400), f"{url}: a javascript: URL was accepted ({refused.status_code})"
        data.update(dict.fromkeys(url_fields, "https://example.org/"))
    response = session.post_form(url, data, files=files)
    assert response.status_code in expect, f"{url}: the form was not accepted ({response.status_code}): " + _errors(response)
    return response


def _errors(response) -> str:
    soup = BeautifulSoup(response.text, "lxml")
    return " | ".join(e.get_text(" ", strip=True)[:120] for e in soup.select(".error, .errorlist, .field__error, [role=alert]"))[
        :800
    ]


RIS = "\n".join(
    [
        "TY  - RPRT",
        "TI  - {title}",
        "AU  - {author}",
        "PY  - 2025",
        "AB  - {abstract}",
        "PB  - {publisher}",
        "{url}ER  - ",
        "",
    ]
)


def test_payloads_never_come_out_as_live_html(demo, browser):
    sessions = {role: log_in(demo.url, role) for role in ROLES}
    places, problems = enter_and_read_back(sessions)
    problems += chromium_problems(browser, demo.url, sessions, places)
    assert not problems, "\n".join(problems)


def enter_and_read_back(s: dict) -> tuple[dict, list[str]]:
    """Send the payloads through every door, publish, and check every place: (places, problems)."""
    from wagtail.models import Page

    from accounts.models import User
    from events import actions as event_actions
    from events.models import Event
    from practices.models import DescriptionSection, Practice, ReviewAssignment
    from toolbox.models import Publication

    team_user = User.objects.get(email=ROLES["team"])
    own = Practice.objects.get(slug="samen-naar-de-kleuterklas")
    section_key = DescriptionSection.objects.filter(description__practice=own).order_by("pk").first().key

    # Doors: anonymous -----------------------------------------------------------------------
    submit(s["anonymous"], "/account/aanvragen/", {"organisation": "", "email": "xss.aanvraag@example.org"}, start=0)
    contact = Page.objects.get(url_path="/home/contact/")
    submit(s["anonymous"], "/contact/", {"email": "xss.contact@example.org"}, start=3, expect=(200, 302))
    # Member --------------------------------------------------------------------------------
    submit(s["member"], "/werkruimte/praktijk-aanmelden/", {"contact_email": "lid@expoo.example", "title": FORMULA}, start=5)
    registered = Practice.objects.order_by("-pk").first()
    section_url = f"/werkruimte/praktijk/{own.pk}/sectie/{section_key}/"
    body = "\n\n".join(payload_text(i, 2000) for i in range(len(PAYLOADS)))
    submit(s["member"], section_url, {"body": body}, selector="form.section-form, main form[method=post]", limit=2000)
    s["member"].post_form(f"{section_url}reactie/", {"body": body[:4900]})
    submit(s["member"], "/agenda/voorstellen/", {"is_free": [], "price": "12"}, start=7, expect=(302,))
    proposal = Event.objects.order_by("-pk").first()
    # Organisation administrator ------------------------------------------------------------
    submit(
        s["org_admin"],
        "/account/organisatie/huis-van-het-kind-lier/profiel/",
        {"email": "info@example.org", "contact_name": FORMULA},
        start=9,
    )
    # Team ------------------------------------------------------------------------------------
    submit(s["team"], f"/werkruimte/praktijk/{registered.pk}/intake/", {}, start=2, expect=(200, 302))
    ris = {
        "title": payload_text(0),
        "author": "Vlinder, <script>window.__xss=1</script>",
        "abstract": " ".join(body.split())[:1500],
        "publisher": payload_text(2),
    }
    for url_line, status in ((f"UR  - {JS_URL}\n", 400), ("", 302)):  # a javascript: URL refuses the whole file
        upload = {"file": ("xss.ris", RIS.format(url=url_line, **ris).encode(), "application/x-research-info-systems")}
        response = s["team"].post_form("/beheer/toolbox/importeren/", {"publish": "on"}, files=upload)
        assert response.status_code == status, f"RIS import with {url_line!r}: {response.status_code} " + _errors(response)
    # Commission member -----------------------------------------------------------------------
    assignment = ReviewAssignment.objects.filter(
        reviewer__email=ROLES["commission"], round__decided_at__isnull=True, status="reviewing"
    ).first()
    review_url = f"/werkruimte/beoordeling/{assignment.pk}/"
    review_form = "form:has(input[name=step][value=review])"
    submit(s["commission"], review_url, {"step": "review"}, start=6, selector=review_form, limit=4000)
    # Administrator: the Wagtail admin -------------------------------------------------------
    rich = draftail(payload_text(0), link=JS_URL)
    edit = s["administrator"].get(f"/beheer/pages/{contact.pk}/edit/")
    fields = form_fields(edit.text, "form#page-edit-form")
    data = fill(fields, _texts(1), overrides={"slug": contact.slug, "action-publish": "action-publish"})
    for name, (value, kind, _choices, _max) in fields.items():
        if kind == "hidden" and '"blocks"' in value[:40]:  # a Draftail editor's content
            data[name] = rich
        if name in ("from_address", "to_address"):
            data[name] = "team@expoo.example"
        if name.endswith(("-field_type", "-ORDER", "-id", "-DELETE")) or name.startswith("form_fields-") and kind != "text":
            data[name] = value
    response = s["administrator"].post_form(f"/beheer/pages/{contact.pk}/edit/", data)
    assert response.status_code == 302, "the admin refused the page edit: " + _errors(response)
    publication = Publication.objects.filter(live=True).order_by("pk").first()
    edit_url = f"/beheer/snippets/toolbox/publication/edit/{publication.pk}/"
    fields = form_fields(s["administrator"].get(edit_url).text, "form#w-editor-form")
    data = fill(
        fields,
        _texts(8),
        url_value="https://example.org/",
        overrides={"slug": publication.slug, "action-publish": "action-publish"},
    )
    for name, (value, _kind, _choices, _max) in fields.items():
        if name in ("doi", "isbn", "year", "slug") or name.endswith(("-id", "-ORDER", "-DELETE")):
            data[name] = value
    response = s["administrator"].post_form(edit_url, data)
    assert response.status_code == 302, "the admin refused the publication edit: " + _errors(response)

    # What only comes out after publication, through the actions -----------------------------
    published = Practice.objects.published().get(slug="onthaal-zonder-drempel")
    for section in published.published_description.sections.all():
        section.body = body
        section.save()
    published.summary = payload_text(1, 500)
    published.save()
    event_actions.approve_event(proposal, by=team_user)
    proposal.refresh_from_db()
    publication.refresh_from_db()

    # Places where the text comes out ---------------------------------------------------------
    lier = "/organisaties/huis-van-het-kind-lier/"
    places = {
        "anonymous": [
            "/",
            "/praktijken/",
            f"/praktijken/{published.slug}/",
            f"/praktijken/{published.slug}/afdrukken/",
            "/praktijken/export.csv",
            "/praktijken/feed/",
            "/api/v1/praktijken/",
            f"/api/v1/praktijken/{published.slug}/",
            lier,
            "/organisaties/export.csv",
            "/api/v1/organisaties/huis-van-het-kind-lier/",
            "/aanbod-in-de-regio/?gemeente=Lier",
            "/agenda/",
            f"/agenda/{proposal.slug}/",
            f"/agenda/{proposal.slug}.ics",
            "/agenda/ical/",
            "/agenda/feed/",
            "/toolbox/",
            f"/toolbox/{publication.slug}/",
            "/toolbox/feed/atom/",
            "/toolbox/feed/rss/",
            "/toolbox/oai/?verb=ListRecords&metadataPrefix=oai_dc",
            "/contact/",
            f"/zoeken/?q={WORD}",
            f"/toolbox/?q={WORD}",
            f"/praktijken/?q={WORD}",
        ],
        "member": [
            "/account/",
            f"/werkruimte/praktijk/{own.pk}/",
            section_url,
            f"/agenda/voorstel/{proposal.pk}/",
            f"/werkruimte/praktijk/{registered.pk}/",
        ],
        "org_admin": [
            "/account/",
            "/account/organisatie/huis-van-het-kind-lier/",
            "/account/organisatie/huis-van-het-kind-lier/profiel/",
        ],
        "team": [
            "/account/",
            "/werkruimte/team/",
            "/agenda/moderatie/",
            f"/agenda/moderatie/{proposal.pk}/",
            "/account/aanvragen-beoordelen/",
            f"/werkruimte/praktijk/{registered.pk}/intake/",
            f"/werkruimte/praktijk/{own.pk}/",
            section_url,
            "/beheer/",
            "/beheer/snippets/toolbox/publication/",
            f"/beheer/snippets/toolbox/publication/?q={WORD}",
            "/beheer/reports/site-history/",
            "/beheer/reports/site-history/?export=csv",
            f"/beheer/pages/{contact.get_parent().pk}/",
            f"/beheer/forms/submissions/{contact.pk}/",
            f"/beheer/forms/submissions/{contact.pk}/?export=csv",
            f"/beheer/pages/search/?q={WORD}",
        ],
        "commission": ["/account/", "/werkruimte/beoordelen/", review_url],
        "chair": [
            "/account/",
            f"/werkruimte/ronde/{assignment.round.pk}/beslissing/",
            f"/werkruimte/praktijk/{assignment.round.practice.pk}/",
        ],
    }
    problems = []
    found = set()
    for role, urls in places.items():
        for url in urls:
            response = s[role].get(url)
            problems += check(response, f"{url} ({role})")
            if WORD in response.text:
                found.add(url)
    # Not blind: the payloads did arrive where they should be shown.
    for url in (
        f"/praktijken/{published.slug}/",
        lier,
        f"/agenda/{proposal.slug}/",
        f"/zoeken/?q={WORD}",
        "/account/aanvragen-beoordelen/",
        section_url,
        review_url,
    ):
        assert url in found, f"no payload at {url}: the door above it did not take the text"
    for message in getattr(mail, "outbox", []):
        for content, kind in getattr(message, "alternatives", []):
            if kind == "text/html":
                problems += html_problems(content, f"e-mail {message.subject!r}")
        assert "\n" not in message.subject and "\r" not in message.subject, f"header injection in {message.subject!r}"

    return places, problems


def chromium_problems(browser, base_url: str, s: dict, places: dict) -> list[str]:
    """Open the HTML places in Chromium as the people who see them, with the CSP bypassed."""
    problems, dialogs = [], []
    for role in ("anonymous", "member", "team", "commission"):
        context = browser.new_context(base_url=base_url, bypass_csp=True, locale="nl-BE")
        context.add_cookies([{"name": c.name, "value": c.value, "url": base_url} for c in s[role].cookies])
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for url in places[role]:
            if re.search(r"(csv|feed|ics|ical|oai|api/|atom|rss)", url):
                continue
            page.goto(url)
            page.mouse.move(200, 300)
            if page.evaluate(f"() => window.{SENTINEL} !== undefined || window.parent.{SENTINEL} !== undefined"):
                problems.append(f"{url} ({role}): the sentinel was set in Chromium")
        context.close()
    return problems + [f"a dialog opened: {message}" for message in dialogs]
