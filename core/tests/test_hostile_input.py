"""SQL-ish, search-syntax, control-character, invalid UTF-8, oversized, repeated and array-shaped
values in every filter and search parameter of every public GET endpoint (the corpus and the list of
parameters: core/tests/hostile_input.py). Each answer: no 5xx, a status a visitor or harvester
understands, within a second of CPU (five on the clock). Runs on SQLite and PostgreSQL (the browser stage is SQLite only);
e2e/test_security_input.py sends part of the same corpus over real HTTP."""

import time

import pytest
from django.test import Client

from core.factories import OrganisationFactory, ThemeFactory
from core.tests.hostile_input import ENDPOINTS, oai_requests, requests_for, url_near_limit
from events.tests.conftest import make_event
from toolbox.tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

SENSIBLE = {200, 301, 302, 400, 404}
BUDGET = 1.0  # seconds of CPU per answer
WALL_BUDGET = 5.0  # seconds on the clock, on a busy shared machine


@pytest.fixture
def site_content(db):
    """A little of every kind, so filters, facets and the search have something to work on."""
    from pages.models import HomePage, NewsIndexPage

    theme = ThemeFactory(name="Armoede", slug="armoede")
    organisation = OrganisationFactory(name="Huis van het Kind Gent")
    PublicationFactory(title="Opgroeien in armoede", authors=[("Peeters", "An")], themes=[theme])
    PublicationFactory(title="Ouders en kinderen samen", year=2024)
    make_event("Studiedag ouderschap", organisers=[organisation], themes=[theme])
    HomePage.objects.get().add_child(instance=NewsIndexPage(title="Nieuws", slug="nieuws"))


def answer(client: Client, url: str):
    """The response, its wall time and the CPU time it cost. The test client runs the view in this
    thread, so the thread's CPU time is the request's cost whatever else the machine is doing (the
    test run shares two cores); the wall time is bounded too, more loosely, for what waits instead."""
    wall, cpu = time.perf_counter(), time.thread_time()
    response = client.get(url)
    return response, time.perf_counter() - wall, time.thread_time() - cpu


def attack(client: Client, urls: list[str]) -> list[str]:
    failures = []
    for url in urls:
        response, wall, cpu = answer(client, url)
        if wall > WALL_BUDGET and cpu <= BUDGET:  # waited for the machine, not for work: ask again
            response, wall, cpu = answer(client, url)
        if response.status_code not in SENSIBLE:
            failures.append(f"{response.status_code} for {url[:160]}")
        elif cpu > BUDGET or wall > WALL_BUDGET:
            failures.append(f"{wall:.2f}s ({cpu:.2f}s CPU) for {url[:160]}")
    return failures


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_hostile_parameters_get_a_clear_answer(client, site_content, endpoint):
    client.get(endpoint.path)  # warm the facet indexes, as a running site has them
    failures = attack(client, requests_for(endpoint))
    assert not failures, "\n".join(failures)


def test_hostile_oai_pmh_arguments_get_an_oai_error(client, site_content):
    failures = attack(client, oai_requests())
    assert not failures, "\n".join(failures)
    response = client.get("/toolbox/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier=%00%01")
    assert response.status_code == 200
    assert b'<error code="idDoesNotExist">' in response.content or b'<error code="badArgument">' in response.content


def test_a_long_search_is_cut_short_not_refused(client, site_content):
    """gunicorn's default limit for the request line is 4094 bytes (deploy/gunicorn.conf.py keeps it)."""
    response, wall, cpu = answer(client, url_near_limit("/zoeken/", 4094))
    assert response.status_code == 200
    assert cpu <= BUDGET and wall <= WALL_BUDGET


def test_the_api_answers_json_for_a_slug_no_slug_can_be(client, db):
    response = client.get("/api/v1/organisaties/%C3%93%0A%F0%9A%BF%AB/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Niet gevonden."}
