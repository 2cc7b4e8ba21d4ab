"""Who sees what of a practice, at every door: role × hidden thing × door.

Each hidden thing carries a marker word that appears nowhere else (see conftest.MARK). A role that
may see it must find it; every other role must not, and a person who may not know the practice
exists gets a 404, never a 403 that confirms it. The world is built once per module through the
actions and rolled back afterwards.
"""

import csv
import io
import json
import re
from dataclasses import dataclass, replace

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from practices import actions

from .conftest import MARK, listed, register, submit_for_review

ROLES = [
    "visitor",
    "submitter_member",
    "other_org_member",
    "penholder",
    "participant",
    "applying_org_member",
    "reviewer_assigned",
    "reviewer_conflicted",
    "reviewer_not_assigned",
    "chair",
    "team",
    "administrator",
]
TEAM = {"team", "administrator"}
WRITERS_AND_TEAM = {"submitter_member"} | TEAM

# Who may open each practice's dossier (and so may know about it beyond its public page).
KNOWS = {
    "declined": WRITERS_AND_TEAM,
    "pending": WRITERS_AND_TEAM,
    "draft": WRITERS_AND_TEAM,
    "review": WRITERS_AND_TEAM | {"chair", "reviewer_assigned"},
    "published": WRITERS_AND_TEAM | {"chair"},
    "collective": TEAM | {"penholder", "participant"},
}
PUBLIC = {"draft", "review", "published", "collective"}  # accepted registrations: a minimal public page


@dataclass(frozen=True)
class Hidden:
    practice: str
    markers: tuple
    doors: dict  # internal door -> the roles that must see the markers there


READERS_OF_VERSION = WRITERS_AND_TEAM | {"chair", "reviewer_assigned"}
HIDDEN = {
    "declined_registration": Hidden(
        "declined",
        (MARK["declined"],),
        {"dossier": WRITERS_AND_TEAM, "intake_page": TEAM, "section_page:aanpak": set(), "dashboard": {"submitter_member"}},
    ),
    "registration_not_accepted": Hidden(
        "pending",
        (MARK["pending"],),
        {"dossier": WRITERS_AND_TEAM, "intake_page": TEAM, "section_page:aanpak": set(), "dashboard": {"submitter_member"}},
    ),
    "intake_notes": Hidden("pending", (MARK["intake"],), {"dossier": set(), "intake_page": TEAM}),
    "draft_text": Hidden(
        "draft",
        (MARK["draft"],),
        {"dossier": WRITERS_AND_TEAM, "section_page:aanpak": WRITERS_AND_TEAM, "next_level_page": set(), "round_page": set()},
    ),
    "read_along_comment": Hidden("draft", (MARK["read_along"],), {"section_page:aanpak": WRITERS_AND_TEAM, "dossier": set()}),
    "public_material_of_unpublished_practice": Hidden(
        "draft",
        (MARK["unpublished_pdf"],),
        {"material:unpublished_pdf": WRITERS_AND_TEAM, "dossier": WRITERS_AND_TEAM},
    ),
    "internal_material_of_published_practice": Hidden(
        "published", (MARK["internal_pdf"],), {"material:internal_pdf": WRITERS_AND_TEAM, "dossier": WRITERS_AND_TEAM}
    ),
    "submitted_version": Hidden(
        "review",
        (MARK["version"],),
        {
            "dossier": READERS_OF_VERSION,
            "section_page:aanpak": READERS_OF_VERSION,
            "round_page": READERS_OF_VERSION,
            "review_form:assigned": {"reviewer_assigned"},
            "review_form:conflicted": set(),
        },
    ),
    "individual_review": Hidden(
        "review",
        (MARK["review_note"], MARK["review_overall"]),
        {
            "round_page": TEAM | {"chair"},
            "decision_page": {"chair", "administrator"},
            "dossier": set(),
            "review_form:assigned": set(),
        },
    ),
    "conflict_statement": Hidden(
        "review",
        (MARK["conflict"],),
        {
            "round_page": TEAM | {"chair"},
            "decision_page": {"chair", "administrator"},
            "dossier": set(),
            "review_form:conflicted": set(),
        },
    ),
    "next_level_draft": Hidden(
        "published",
        (MARK["next_level"],),
        {
            "dossier": WRITERS_AND_TEAM,
            "section_page:onderbouwing": WRITERS_AND_TEAM,
            "next_level_page": set(),
            "round_page": set(),
        },
    ),
    "next_level_change_to_published_section": Hidden(
        "published", (MARK["next_level_desc"],), {"dossier": WRITERS_AND_TEAM, "section_page:aanpak": WRITERS_AND_TEAM}
    ),
    "collective_draft": Hidden(
        "collective",
        (MARK["collective"],),
        {"dossier": TEAM | {"penholder", "participant"}, "section_page:aanpak": TEAM | {"penholder", "participant"}},
    ),
}

# The public doors never look at who asks; three people stand for everyone: nobody, someone who
# writes the hidden text, and someone who may see everything internally.
PUBLIC_ROLES = ["visitor", "submitter_member", "team"]
LISTING_DOORS = {
    "databank": "/praktijken/?sorteer=titel",
    "api_list": "/api/v1/praktijken/?per_pagina=100",
    "csv_export": "/praktijken/export.csv",
    "sitemap": "/sitemap.xml",
    "feed": "/praktijken/feed/",
}
_CSRF_TOKEN = re.compile(r"[A-Za-z0-9]{64}")
SECRET_MARKERS = [m for key, m in MARK.items() if key != "published"]


@dataclass(frozen=True)
class Seen:
    """What one person received from one address: status, redirect, and the content in lower case."""

    status: int
    location: str
    text: str
    page: str  # the page as received, CSRF tokens blanked (for comparing two pages)
    hits: int | None  # for a search: the number of results
    results: str  # for a search: the text of the results only (the query is echoed elsewhere)


def _internal_url(world, hidden, door):
    practice = world.practices[hidden.practice]
    name, _, arg = door.partition(":")
    if name == "dossier":
        return practice.get_workspace_url()
    if name == "dashboard":
        return reverse("accounts:dashboard")
    if name == "section_page":
        return reverse("practices:edit_section", args=[practice.pk, arg])
    if name == "round_page":
        return reverse("practices:round", args=[practice.pk, 1])
    if name == "next_level_page":
        return reverse("practices:next_level", args=[practice.pk])
    if name == "intake_page":
        return reverse("practices:intake", args=[practice.pk])
    if name == "decision_page":
        return reverse("practices:decide", args=[practice.rounds.get(number=1).pk])
    if name == "review_form":
        return reverse("practices:review", args=[world.assignments[arg].pk])
    if name == "material":
        return reverse("practices:material", args=[world.materials[arg].pk])
    raise AssertionError(door)


def _body(response) -> str:
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode("utf-8", "replace")


def _text(response, body) -> str:
    """Everything a person receives, in lower case: headers that carry content, and the body."""
    return (response.get("Content-Disposition", "") + "\n" + body).lower()


def _internal_cases():
    for name, hidden in HIDDEN.items():
        for door in hidden.doors:
            for role in ROLES:
                yield pytest.param(role, name, door, id=f"{role}-{name}-{door}")


@pytest.mark.parametrize(("role", "hidden_name", "door"), list(_internal_cases()))
def test_internal_doors_show_hidden_things_only_to_those_who_may_see_them(seen_through, role, hidden_name, door):
    hidden = HIDDEN[hidden_name]
    seen = seen_through[("internal", role, hidden_name, door)]
    if role in hidden.doors[door]:
        assert seen.status == 200
        missing = [m for m in hidden.markers if m not in seen.text]
        assert not missing, f"{role} should see {hidden_name} at {door}"
        return
    leaked = [m for m in hidden.markers if m in seen.text]
    assert not leaked, f"{role} sees {hidden_name} at {door} (status {seen.status})"
    if role == "visitor":
        if door.startswith("material"):
            assert seen.status == 404
        else:
            assert seen.status == 302 and seen.location.startswith(reverse("accounts:login"))
    elif door == "dashboard":
        assert seen.status == 200
    elif role not in KNOWS[hidden.practice]:
        assert seen.status == 404, "someone who may not know the practice gets a 404, never a 403"
    else:
        assert seen.status in (200, 403, 404)


PAGE_DOORS = {
    "public_page": lambda p: p.get_absolute_url(),
    "print_page": lambda p: reverse("practices:print", args=[p.slug]),
    "api_detail": lambda p: f"/api/v1/praktijken/{p.slug}/",
}
SEARCH_DOORS = {
    "databank_search": "/praktijken/",
    "site_search": "/zoeken/",
    "api_search": "/api/v1/praktijken/",
    "csv_search": "/praktijken/export.csv",
}


def _results(response):
    """(number of results, their text) for a search door."""
    if response["Content-Type"].startswith("application/json"):
        data = response.json()
        return data["count"], json.dumps(data["results"]).lower()
    if response["Content-Type"].startswith("text/csv"):
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
        return len(rows) - 1, "\n".join(";".join(r) for r in rows[1:]).lower()
    soup = BeautifulSoup(response.content, "html.parser")
    results = soup.select_one("ul.result-list")
    return response.context["total"], (results.get_text(" ") if results else "").lower()


def _page_cases():
    for name in HIDDEN:
        for door in PAGE_DOORS:
            for role in PUBLIC_ROLES:
                yield pytest.param(role, name, door, id=f"{role}-{name}-{door}")


@pytest.mark.parametrize(("role", "hidden_name", "door"), list(_page_cases()))
def test_public_pages_never_show_hidden_things(seen_through, role, hidden_name, door):
    hidden = HIDDEN[hidden_name]
    seen, unknown = seen_through[("page", role, hidden_name, door)]
    if hidden.practice in PUBLIC:
        assert seen.status == 200
        leaked = [m for m in hidden.markers if m in seen.text]
        assert not leaked, f"{hidden_name} is on the {door}"
    else:
        # Indistinguishable from a practice that never existed (the address itself is echoed).
        assert seen.status == unknown.status == 404
        assert seen.page == unknown.page


def _search_cases():
    for name in HIDDEN:
        for door in SEARCH_DOORS:
            yield pytest.param(name, door, id=f"{name}-{door}")


@pytest.mark.parametrize(("hidden_name", "door"), list(_search_cases()))
def test_searching_for_a_hidden_word_finds_nothing(seen_through, hidden_name, door):
    """Search doors never look at who asks (checked above for the pages), so a visitor stands for all."""
    for marker in HIDDEN[hidden_name].markers:
        seen = seen_through[("search", hidden_name, door, marker)]
        assert seen.status == 200
        assert seen.hits == 0 and marker not in seen.results, f"searching for a word of {hidden_name} finds it on {door}"


@pytest.mark.parametrize("door", LISTING_DOORS)
@pytest.mark.parametrize("role", PUBLIC_ROLES)
def test_public_listings_contain_no_hidden_thing(seen_through, role, door):
    seen = seen_through[("listing", role, door)]
    assert seen.status == 200
    assert not [m for m in SECRET_MARKERS if m in seen.text]
    # And they do list what is public, so the check above is not vacuous.
    assert "gepubliceerde praktijk" in seen.text or "gepubliceerde-praktijk" in seen.text


@pytest.fixture(scope="module")
def seen_through(world, django_db_blocker):
    """What every case above receives, fetched once per module before the cases run: these doors
    only read, so one request per (role, address) serves every case that looks through it, and the
    cases themselves only compare."""
    clients, fetched, cases = {}, {}, {}

    def fetch(role, url, search=None):
        if role not in clients:
            clients[role] = Client()
            if role != "visitor":
                clients[role].force_login(world.users[role])
        if (role, url, search) not in fetched:
            response = clients[role].get(url, {"q": search} if search else None)
            body = _body(response)
            hits, results = _results(response) if search and response.status_code == 200 else (None, "")
            page = _CSRF_TOKEN.sub("<token>", body)
            fetched[role, url, search] = Seen(
                response.status_code, response.get("Location", ""), _text(response, body), page, hits, results
            )
        return fetched[role, url, search]

    with django_db_blocker.unblock():
        for name, hidden in HIDDEN.items():
            practice = world.practices[hidden.practice]
            for door in hidden.doors:
                for role in ROLES:
                    cases["internal", role, name, door] = fetch(role, _internal_url(world, hidden, door))
            for door, address in PAGE_DOORS.items():
                url = address(practice)
                for role in PUBLIC_ROLES:
                    unknown = fetch(role, url.replace(practice.slug, "bestaat-niet"))
                    seen = fetch(role, url)
                    # The address itself is echoed on a 404 page (language switch); compare without it.
                    seen = replace(seen, page=seen.page.replace(practice.slug, "bestaat-niet"))
                    cases["page", role, name, door] = (seen, unknown)
            for door, url in SEARCH_DOORS.items():
                for marker in hidden.markers:
                    cases["search", name, door, marker] = fetch("visitor", url, search=marker)
        for door, url in LISTING_DOORS.items():
            for role in PUBLIC_ROLES:
                cases["listing", role, door] = fetch(role, url)
    return cases


@pytest.mark.django_db
def test_the_published_description_is_found_and_shown_at_every_public_door(client, world):
    practice = world.practices["published"]
    marker = MARK["published"]
    for url in (practice.get_absolute_url(), reverse("practices:print", args=[practice.slug])):
        assert marker in client.get(url).content.decode()
    assert marker in client.get(f"/api/v1/praktijken/{practice.slug}/").content.decode()
    databank = client.get("/praktijken/", {"q": marker})
    assert [p.pk for p in listed(databank)] == [practice.pk]
    site = client.get("/zoeken/", {"q": marker})
    assert [hit["object"].pk for hit in site.context["page_obj"] if hit["kind"] == "practice"] == [practice.pk]
    assert client.get("/api/v1/praktijken/", {"q": marker}).json()["count"] == 1
    public_pdf = client.get(reverse("practices:material", args=[world.materials["public_pdf"].pk]))
    assert public_pdf.status_code == 200 and public_pdf["Content-Type"] == "application/pdf"


@pytest.mark.django_db
def test_the_json_lines_export_contains_no_hidden_thing(world, tmp_path):
    out = tmp_path / "praktijken.jsonl"
    call_command("export_practices", output=str(out), stderr=io.StringIO())
    text = out.read_text().lower()
    assert not [m for m in SECRET_MARKERS if m in text]
    assert MARK["published"] in text


@pytest.mark.django_db
def test_a_reviewer_no_longer_reads_the_version_once_the_round_is_decided(client, cast):
    """Reviewers see a submitted version only while assigned: after the decision (here: revise,
    so the version never becomes public) their review form no longer shows it."""
    practice = register(cast["writer"], cast["org"], "Praktijk na beslissing")
    actions.accept_registration(practice, by=cast["team"])
    submit_for_review(practice, writer=cast["writer"], team=cast["team"], texts={"aanpak": "Versie mrkdecidedqz."})
    actions.assign_reviewers(practice, by=cast["team"], reviewers=[cast["reviewer"]], due_date=cast["due"])
    assignment = actions.open_round(practice).assignments.get()
    actions.declare_conflict(assignment, by=cast["reviewer"], has_conflict=False)
    actions.save_review(assignment, by=cast["reviewer"], notes={}, overall="Vaag.", recommendation="revise", submit=True)
    actions.record_decision(practice, by=cast["chair"], decision="revise", feedback="Herwerk de aanpak.")

    client.force_login(cast["reviewer"])
    assert client.get(practice.get_workspace_url()).status_code == 404
    assert client.get(reverse("practices:round", args=[practice.pk, 1])).status_code == 404
    review_form = client.get(reverse("practices:review", args=[assignment.pk]))
    assert "mrkdecidedqz" not in review_form.content.decode()
