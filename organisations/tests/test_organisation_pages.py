"""The public list of organisations with its facets, the detail page and the sitemap: approved
organisations only, through every door."""

import html
import re

import pytest
from django.urls import reverse

from core.factories import OrganisationFactory, municipality
from organisations.models import Organisation, OrganisationKind

pytestmark = pytest.mark.django_db

LIST_URL = reverse("organisations:list")
HVHK = OrganisationKind.HUIS_VAN_HET_KIND
WINKEL = OrganisationKind.OPVOEDINGSWINKEL


@pytest.fixture
def landscape(db):
    """Approved organisations in Limburg and East Flanders, plus some that are not public."""
    return {
        "hasselt": OrganisationFactory(name="Huis van het Kind Hasselt", kind=HVHK, municipality=municipality("Hasselt")),
        "genk": OrganisationFactory(name="Huis van het Kind Genk", kind=HVHK, municipality=municipality("Genk")),
        "winkel_genk": OrganisationFactory(name="Opvoedingswinkel Genk", kind=WINKEL, municipality=municipality("Genk")),
        "gent": OrganisationFactory(name="Huis van het Kind Gent", kind=HVHK, municipality=municipality("Gent")),
        "school": OrganisationFactory(name="CLB Gent", kind=OrganisationKind.SCHOOL, municipality=municipality("Gent")),
        "pending": OrganisationFactory(
            name="Huis van het Kind Bilzen", kind=HVHK, municipality=municipality("Hasselt"), pending=True
        ),
        "declined": OrganisationFactory(
            name="Huis van het Kind Nergens", kind=HVHK, municipality=municipality("Genk"), declined=True
        ),
    }


def listed(response) -> list[str]:
    """The names of the results, as the page shows them."""
    return [
        html.unescape(name)
        for name in re.findall(r'<h3 class="result__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())
    ]


def counts(response, facet) -> dict[str, int]:
    return {option["value"]: option["count"] for option in response.context["facets"][facet] if option["count"]}


def test_the_list_shows_approved_organisations_only(client, landscape):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert sorted(listed(response)) == sorted(
        ["Huis van het Kind Hasselt", "Huis van het Kind Genk", "Opvoedingswinkel Genk", "Huis van het Kind Gent", "CLB Gent"]
    )
    page = response.content.decode()
    assert "Huis van het Kind Hasselt" in page
    assert "Bilzen" not in page
    assert "Nergens" not in page


def test_facet_counts_cover_all_approved_organisations(client, landscape):
    response = client.get(LIST_URL)

    assert counts(response, "kind") == {HVHK: 3, WINKEL: 1, OrganisationKind.SCHOOL: 1}
    assert counts(response, "province") == {"limburg": 3, "oost-vlaanderen": 2}


def test_filtering_by_kind_narrows_the_results_and_the_province_counts(client, landscape):
    response = client.get(LIST_URL, {"soort": HVHK})

    assert sorted(listed(response)) == ["Huis van het Kind Genk", "Huis van het Kind Gent", "Huis van het Kind Hasselt"]
    assert counts(response, "province") == {"limburg": 2, "oost-vlaanderen": 1}
    # The kind facet keeps counting every kind, so a visitor can switch.
    assert counts(response, "kind") == {HVHK: 3, WINKEL: 1, OrganisationKind.SCHOOL: 1}


def test_kind_and_province_filters_combine(client, landscape):
    response = client.get(LIST_URL, {"soort": HVHK, "provincie": "limburg"})

    assert response.status_code == 200
    assert sorted(listed(response)) == ["Huis van het Kind Genk", "Huis van het Kind Hasselt"]
    assert response.context["total"] == 2
    assert counts(response, "kind") == {HVHK: 2, WINKEL: 1}
    assert counts(response, "province") == {"limburg": 2, "oost-vlaanderen": 1}
    selected = {facet: [o["value"] for o in options if o["selected"]] for facet, options in response.context["facets"].items()}
    assert selected == {"kind": [HVHK], "province": ["limburg"]}


def test_a_filtered_list_is_not_indexed_by_search_engines(client, landscape):
    assert 'name="robots" content="noindex' not in client.get(LIST_URL).content.decode()
    assert 'name="robots" content="noindex' in client.get(LIST_URL, {"provincie": "limburg"}).content.decode()


def test_searching_the_list_by_name_or_municipality(client, landscape):
    assert sorted(listed(client.get(LIST_URL, {"q": "genk"}))) == ["Huis van het Kind Genk", "Opvoedingswinkel Genk"]
    assert listed(client.get(LIST_URL, {"q": "CLB"})) == ["CLB Gent"]


@pytest.mark.parametrize(
    "query",
    [
        {"soort": "bestaat_niet"},
        {"provincie": "atlantis"},
        {"soort": "", "provincie": ""},
        {"page": "abc"},
        {"page": "9999"},
        {"soort": HVHK, "provincie": "limburg", "q": '"(*genk'},
        {"q": "x" * 5000},
    ],
)
def test_unknown_filter_values_do_not_break_the_list(client, landscape, query):
    response = client.get(LIST_URL, query)

    assert response.status_code == 200


def test_an_unknown_province_shows_no_results_rather_than_everything(client, landscape):
    response = client.get(LIST_URL, {"provincie": "atlantis"})

    assert listed(response) == []


def test_the_list_is_paginated_by_twenty(client):
    for n in range(23):
        OrganisationFactory(name=f"Organisatie {n:02d}")

    first = client.get(LIST_URL)
    second = client.get(LIST_URL, {"page": 2})

    assert len(listed(first)) == 20
    assert len(listed(second)) == 3
    assert first.context["total"] == 23


def test_an_approved_organisation_has_a_public_page(client, landscape):
    organisation = landscape["hasselt"]

    response = client.get(organisation.get_absolute_url())

    assert response.status_code == 200
    page = response.content.decode()
    assert "Huis van het Kind Hasselt" in page
    assert "Limburg" in page


@pytest.mark.parametrize("which", ["pending", "declined"])
def test_a_pending_or_declined_organisation_has_no_public_page(client, landscape, which):
    response = client.get(landscape[which].get_absolute_url())

    assert response.status_code == 404
    assert landscape[which].name not in response.content.decode()


def test_an_unknown_organisation_is_not_found(client):
    assert client.get(reverse("organisations:detail", args=["bestaat-niet"])).status_code == 404


def test_the_sitemap_lists_approved_organisations_only(client, landscape):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    sitemap = response.content.decode()
    for key in ("hasselt", "genk", "winkel_genk", "gent", "school"):
        assert f"http://testserver{landscape[key].get_absolute_url()}" in sitemap
    for key in ("pending", "declined"):
        assert landscape[key].get_absolute_url() not in sitemap


def test_the_list_answers_in_a_fixed_number_of_queries(client, landscape, django_assert_max_num_queries):
    for n in range(15):
        OrganisationFactory(name=f"Extra {n}", municipality=municipality("Leuven"))
    client.get(LIST_URL)  # the site and its settings are cached from here on

    # Counts per facet, provinces, the page of results and the page chrome; never one per organisation.
    with django_assert_max_num_queries(10):
        client.get(LIST_URL)


def test_the_reference_data_holds_every_flemish_province_and_brussels():
    provinces = set(Organisation._meta.get_field("municipality").related_model.objects.values_list("province__slug", flat=True))

    assert provinces == {
        "antwerpen",
        "limburg",
        "oost-vlaanderen",
        "vlaams-brabant",
        "west-vlaanderen",
        "brussels-hoofdstedelijk-gewest",
    }


def test_a_result_follows_a_change_to_its_organisation_at_once(client, landscape):
    """Each result's HTML is kept per version of the organisations: a change renews it."""
    assert "Huis van het Kind Hasselt" in listed(client.get(LIST_URL))
    hasselt = landscape["hasselt"]
    hasselt.name = "Huis van het Kind Hasselt-Centrum"
    hasselt.save()
    hasselt.municipality.province.name = "Provincie Limburg"
    hasselt.municipality.province.save()
    response = client.get(LIST_URL)
    assert "Huis van het Kind Hasselt-Centrum" in listed(response)
    assert "Huis van het Kind Hasselt" not in listed(response)
    assert "Hasselt, Provincie Limburg" in response.content.decode()
    landscape["genk"].delete()
    assert "Huis van het Kind Genk" not in listed(client.get(LIST_URL))
