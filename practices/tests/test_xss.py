"""Whatever writers (and reviewers) type is shown as text, never run as code, on every page that
shows it. One practice per payload carries it in every field a person controls."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from accounts import roles
from core.factories import MembershipFactory, OrganisationFactory, UserFactory
from practices import actions

from .conftest import DESCRIPTION_KEYS, SUBSTANTIATION_KEYS, listed, register, rolled_back, write

pytestmark = pytest.mark.django_db

PAYLOADS = {
    "script_tag": "<script>alert(1)</script>",
    "img_onerror": "<img src=x onerror=alert(1)>",
    "svg_onload": "<svg onload=alert(1)>",
    "quote_breakouts": "\"><script>alert(1)</script>'><img src=x onerror=alert(1)>",
    "closing_textarea_and_title": "</textarea></title><script>alert(1)</script>",
    "markdown_javascript_links": "[klik hier](javascript:alert(1)) [klik](  JaVaScRiPt:alert(1) )",
    "markdown_entity_encoded_javascript": "[klik](&#106;avascript:alert(1)) [twee](java&#x09;script:alert(1))",
    "markdown_autolink_and_reference": "<javascript:alert(1)>\n\n[klik][1]\n\n[1]: javascript:alert(1)",
    "markdown_link_title_breakout": '[x](https://example.org "t\\" onmouseover=\\"alert(1)") ![i](x" onerror="alert(1))',
    "data_and_vbscript_links": (
        '<a href="data:text/html,<script>alert(1)</script>">x</a> [y](data:text/html;base64,PHNjcmlwdD4=) [v](vbscript:msgbox(1))'
    ),
    "style_and_iframe": "<style>*{background:url(javascript:alert(1))}</style><iframe src=javascript:alert(1)></iframe>",
    "entities_and_nested_markup": (
        "&lt;script&gt;alert(1)&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62; **<i onclick=alert(1)>x</i>**"
    ),
}

DANGEROUS_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "svg", "math", "style"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "poster", "background"}
_INVISIBLE = re.compile(r"[\x00-\x20]+")


def executable_markup(html) -> list[str]:
    """Every piece of markup in the page that a browser would run."""
    found = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        if tag.name in DANGEROUS_TAGS:
            found.append(str(tag)[:120])
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name.lower().startswith("on"):
                found.append(f"<{tag.name} {name}={value!r}>")
            if name.lower() in URL_ATTRIBUTES:
                scheme = _INVISIBLE.sub("", value).lower()
                if scheme.startswith(("javascript:", "vbscript:", "data:")):
                    found.append(f"<{tag.name} {name}={value!r}>")
            if name.lower() == "style" and re.search(r"expression|javascript:|url\(", value, re.I):
                found.append(f"<{tag.name} style={value!r}>")
    return found


def _build(payload, n, org, people):
    """A practice with the payload in title, summary, contact, sections, comments, reviews and feedback;
    published at round 1, with round 2 open (a draft review), and a declined registration."""
    writer, team, reviewer, chair = people["writer"], people["team"], people["reviewer"], people["chair"]
    due = people["due"]
    practice = register(writer, org, payload, summary=f"{payload} xsszoekwoord", contact_name=payload[:120])
    actions.accept_registration(practice, by=team)
    write(practice, writer, dict.fromkeys(DESCRIPTION_KEYS, f"Tekst {payload}\n\n{payload}"))
    actions.request_read_along(practice, by=writer)
    actions.add_comment(practice, by=team, section_key="aanpak", body=payload)
    actions.return_read_along(practice, by=team, message=payload)
    first = actions.submit_description(practice, by=writer)
    actions.add_comment(practice, by=writer, section_key="aanpak", body=payload, description=first.description)
    actions.assign_reviewers(practice, by=team, reviewers=[reviewer], due_date=due)
    assignment = first.assignments.get()
    actions.declare_conflict(assignment, by=reviewer, has_conflict=False)
    notes = dict.fromkeys(DESCRIPTION_KEYS, payload)
    actions.save_review(assignment, by=reviewer, notes=notes, overall=payload, recommendation="accept", submit=True)
    actions.record_decision(practice, by=chair, decision="accept", feedback=payload)
    # The next level: changed text (a difference to show) and a second round with a draft review.
    write(practice, writer, {"aanpak": f"Nieuw {payload} erbij", **dict.fromkeys(SUBSTANTIATION_KEYS, payload)})
    second = actions.submit_description(practice, by=writer)
    actions.assign_reviewers(practice, by=team, reviewers=[reviewer], due_date=due)
    draft_review = second.assignments.get()
    actions.declare_conflict(draft_review, by=reviewer, has_conflict=False)
    actions.save_review(draft_review, by=reviewer, notes=notes, overall=payload, recommendation="")
    declined = register(writer, org, f"Afgewezen {n}", contact_name=payload[:120])
    actions.decline_registration(declined, by=team, reason=payload)
    practice.refresh_from_db()
    return {"practice": practice, "first": first, "second": second, "review": draft_review, "declined": declined}


@pytest.fixture(scope="module")
def stored(django_db_setup, django_db_blocker, tmp_path_factory):
    from notifications.service import muted

    with rolled_back(django_db_blocker, tmp_path_factory.mktemp("media")), muted():
        org = OrganisationFactory(name="Huis van het Kind Scriptstad")
        people = {
            "writer": MembershipFactory(organisation=org, user__email="schrijver@xss.be").user,
            "team": UserFactory(email="team@xss.be", groups=[roles.EXPOO_TEAM]),
            "reviewer": UserFactory(email="lid@xss.be", groups=[roles.COMMISSION_MEMBER]),
            "chair": UserFactory(email="voorzitter@xss.be", groups=[roles.COMMISSION_MEMBER, roles.COMMISSION_CHAIR]),
            "due": datetime.date.today() + datetime.timedelta(days=14),
        }
        built = {name: _build(payload, n, org, people) for n, (name, payload) in enumerate(PAYLOADS.items())}
        yield people, built


def _problems(client, people, pages):
    problems = {}
    for who, url in pages:
        if who:
            client.force_login(people[who])
        else:
            client.logout()
        response = client.get(url)
        assert response.status_code == 200, (who, url)
        if found := executable_markup(response.content.decode()):
            problems[f"{who or 'visitor'} {url}"] = found
    return problems


@pytest.mark.parametrize("payload_name", PAYLOADS)
def test_a_stored_payload_is_shown_as_text_on_the_pages_of_its_practice(client, stored, payload_name):
    people, built = stored
    it = built[payload_name]
    practice = it["practice"]
    pages = [
        (None, practice.get_absolute_url()),
        ("team", practice.get_workspace_url()),
        ("writer", reverse("practices:edit_section", args=[practice.pk, "aanpak"])),
        ("team", reverse("practices:round", args=[practice.pk, 1])),
        ("chair", reverse("practices:round", args=[practice.pk, 2])),
        ("chair", reverse("practices:decide", args=[it["second"].pk])),
        ("reviewer", reverse("practices:review", args=[it["review"].pk])),
        ("writer", it["declined"].get_workspace_url()),
    ]
    assert not _problems(client, people, pages)
    # The payload is still there, as text: the title reads exactly as typed.
    client.logout()
    heading = BeautifulSoup(client.get(practice.get_absolute_url()).content, "html.parser").h1
    assert heading.get_text() == PAYLOADS[payload_name]


def test_stored_payloads_are_shown_as_text_in_lists_and_search_results(client, stored):
    people, built = stored
    first = built["script_tag"]
    pages = [
        (None, "/praktijken/?sorteer=titel"),
        (None, "/zoeken/?q=xsszoekwoord"),
        (None, reverse("practices:print", args=[first["practice"].slug])),
        ("writer", reverse("practices:edit_section", args=[first["practice"].pk, "onderbouwing"])),
        ("team", reverse("practices:edit_section", args=[first["practice"].pk, "aanpak"])),
        ("writer", reverse("practices:round", args=[first["practice"].pk, 1])),
        ("reviewer", reverse("practices:to_review")),
        ("writer", reverse("accounts:dashboard")),
        ("team", reverse("practices:team")),
        ("team", reverse("practices:intake", args=[first["declined"].pk])),
    ]
    assert not _problems(client, people, pages)
    client.logout()
    shown = listed(client.get("/praktijken/?sorteer=titel"))
    assert {p.pk for p in shown} >= {it["practice"].pk for it in built.values()}, "every payload was on the list"


@pytest.mark.parametrize("payload_name", ["script_tag", "img_onerror", "markdown_javascript_links"])
def test_the_api_serves_stored_text_as_json_that_a_browser_never_renders(client, stored, payload_name):
    practice = stored[1][payload_name]["practice"]
    for url in (f"/api/v1/praktijken/{practice.slug}/", "/api/v1/praktijken/"):
        response = client.get(url, HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
        assert response["Content-Type"].startswith("application/json")
        assert response["X-Content-Type-Options"] == "nosniff"
    detail = client.get(f"/api/v1/praktijken/{practice.slug}/").json()
    assert detail["title"] == PAYLOADS[payload_name], "JSON carries the text as typed; the consumer escapes it"
    assert client.get(f"/api/v1/praktijken/{practice.slug}/", {"format": "api"}).status_code == 404, (
        "no browsable (HTML) rendering of the API"
    )


@pytest.mark.parametrize(
    "markup",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        '<a href=" java\tscript:alert(1)">x</a>',
        '<a href="data:text/html,x">x</a>',
        "<iframe src=x></iframe>",
        '<p style="background:url(javascript:alert(1))">x</p>',
    ],
)
def test_the_scanner_recognises_executable_markup(markup):
    assert executable_markup(f"<p>{markup}</p>")
