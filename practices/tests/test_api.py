"""The public JSON API: only public practices, only what their level allows, filters that work and
a schema that documents them."""

import pytest

from core.factories import MembershipFactory, OrganisationFactory, ThemeFactory, municipality
from practices import actions
from practices.workflow import Level

from .conftest import publish, register, write

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(cast):
    """Declined, waiting, registered (in Gent, theme 'Ouderparticipatie') and published (in Leuven, theme 'Taal')."""
    writer, team = cast["writer"], cast["team"]
    declined = register(writer, cast["org"], "Afgewezen praktijk apiwoord")
    actions.decline_registration(declined, by=team, reason="Geen praktijk.")
    waiting = register(writer, cast["org"], "Wachtende praktijk apiwoord")
    registered = register(
        writer, cast["org"], "Aangemelde praktijk", themes=[cast["theme"]], partners=[cast["other_org"]], contact_phone="09 123"
    )
    actions.accept_registration(registered, by=team)
    leuven = OrganisationFactory(name="Gezinsbond Leuven", municipality=municipality("Leuven"))
    leuven_writer = MembershipFactory(organisation=leuven).user
    published = register(leuven_writer, leuven, "Gepubliceerde praktijk", themes=[ThemeFactory(name="Taal", slug="taal")])
    publish(
        published,
        writer=leuven_writer,
        team=team,
        reviewer=cast["reviewer"],
        chair=cast["chair"],
        due=cast["due"],
        texts={"aanpak": "Wij lezen voor met taalbadwoord."},
    )
    write(published, leuven_writer, {"onderbouwing": "Theorie met geheimvolgendniveau."})
    return {"declined": declined, "waiting": waiting, "registered": registered, "published": published}


def _slugs(client, **params):
    data = client.get("/api/v1/praktijken/", params).json()
    assert data["count"] == len(data["results"])
    return {p["slug"] for p in data["results"]}


def test_the_list_and_the_detail_show_only_public_practices(client, practices):
    assert _slugs(client) == {practices["registered"].slug, practices["published"].slug}
    for hidden in ("declined", "waiting"):
        assert client.get(f"/api/v1/praktijken/{practices[hidden].slug}/").status_code == 404
    assert client.get("/api/v1/praktijken/bestaat-niet/").status_code == 404


def test_a_registered_practice_shows_only_its_minimal_data(client, practices):
    data = client.get(f"/api/v1/praktijken/{practices['registered'].slug}/").json()
    assert data["title"] == "Aangemelde praktijk" and data["level"] == Level.REGISTERED
    assert data["description"] is None and data["contact"] is None
    assert data["duration"] == data["costs"] == ""
    assert data["age_groups"] == data["support_functions"] == data["settings"] == []
    assert data["level_decided_at"] is None and data["reassessment_due"] is None
    assert [o["name"] for o in data["organisations"]] == ["Huis van het Kind Teststad"], "only the submitting organisation"
    assert "09 123" not in str(data)


def test_a_published_practice_shows_its_published_description_and_contact(client, practices):
    data = client.get(f"/api/v1/praktijken/{practices['published'].slug}/").json()
    texts = {s["key"]: s["text"] for s in data["description"]}
    assert texts["aanpak"] == "Wij lezen voor met taalbadwoord."
    assert "onderbouwing" not in texts, "the next level's draft is not published"
    assert "geheimvolgendniveau" not in str(data)
    assert data["contact"]["email"] == "sam@example.org"
    assert data["level_decided_at"] and data["reassessment_due"]


def test_filters_change_the_results(client, practices):
    registered, published = practices["registered"].slug, practices["published"].slug
    assert _slugs(client, niveau=Level.WELL_DESCRIBED) == {published}
    assert _slugs(client, niveau=Level.REGISTERED) == {registered}
    assert _slugs(client, thema="ouderparticipatie") == {registered}
    assert _slugs(client, thema="taal") == {published}
    assert _slugs(client, provincie=municipality("Leuven").province.slug) == {published}
    assert _slugs(client, provincie=municipality("Gent").province.slug) == {registered}
    assert _slugs(client, q="taalbadwoord") == {published}
    assert _slugs(client, thema="taal", niveau=Level.REGISTERED) == set()


@pytest.mark.parametrize("word", ["geheimvolgendniveau", "apiwoord"])
def test_searching_for_hidden_text_finds_nothing(client, practices, word):
    assert _slugs(client, q=word) == set()


def test_pages_are_bounded(client, practices):
    data = client.get("/api/v1/praktijken/", {"per_pagina": 1}).json()
    assert data["count"] == 2 and len(data["results"]) == 1 and data["next"]
    assert client.get("/api/v1/praktijken/", {"per_pagina": 100000}).status_code == 200
    assert client.get("/api/v1/praktijken/", {"page": 999}).status_code == 404


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def test_the_openapi_schema_is_valid_and_documents_the_filters(client, db):
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.") and schema["info"]["title"]
    assert set(schema["paths"]) == {
        "/api/v1/praktijken/",
        "/api/v1/praktijken/{slug}/",
        "/api/v1/organisaties/",
        "/api/v1/organisaties/{slug}/",
    }, "only the public API"
    for ref in _refs(schema):
        assert ref.startswith("#/components/schemas/")
        assert ref.removeprefix("#/components/schemas/") in schema["components"]["schemas"], ref
    listing = schema["paths"]["/api/v1/praktijken/"]["get"]
    parameters = {p["name"]: p for p in listing["parameters"]}
    assert {"q", "niveau", "thema", "doelgroep", "leeftijd", "functie", "setting", "provincie", "organisatie"} <= set(parameters)
    assert {"sorteer", "page", "per_pagina"} <= set(parameters)
    assert all(p["in"] == "query" for p in parameters.values())
    assert sorted(parameters["niveau"]["schema"]["enum"]) == sorted(Level.values)
    detail = schema["paths"]["/api/v1/praktijken/{slug}/"]["get"]
    assert [p["name"] for p in detail["parameters"] if p["in"] == "path"] == ["slug"]
    assert "200" in listing["responses"] and "200" in detail["responses"]
    try:
        from openapi_spec_validator import validate
    except ImportError:
        return
    validate(schema)
