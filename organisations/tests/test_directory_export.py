"""The directory leaves the site as CSV and as JSON through the API: public organisations only,
public fields only, with the same filters as the list."""

import csv
import io

import pytest
from django.urls import reverse

from core.factories import OrganisationFactory, municipality
from organisations.models import OrganisationKind

pytestmark = pytest.mark.django_db

CSV_URL = reverse("organisations:csv")
API_URL = "/api/v1/organisaties/"


def rows(response) -> list[dict]:
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def names(response) -> list[str]:
    data = response.json()
    assert data["count"] == len(data["results"])
    return sorted(o["name"] for o in data["results"])


# CSV --------------------------------------------------------------------------------------------


def test_the_csv_holds_public_organisations_only(client, region):
    exported = rows(client.get(CSV_URL))

    assert sorted(r["naam"] for r in exported) == [
        "CLB Genk",
        "Huis van het Kind Genk",
        "Huis van het Kind Kanaalzone",
        "Kenniscentrum Overal",
        "Opvoedingswinkel Het Kompas",
        "Steunpunt Limburg",
    ]
    genk = next(r for r in exported if r["naam"] == "Huis van het Kind Genk")
    assert genk["gemeente"] == "Genk"
    assert genk["bediende gemeenten"] == "As, Zutendaal"
    assert genk["pagina"] == f"http://testserver{region['genk'].get_absolute_url()}"
    assert "decline_reason" not in genk and "status" not in genk


def test_the_csv_follows_the_list_filters(client, region):
    assert [
        r["naam"] for r in rows(client.get(CSV_URL, {"soort": OrganisationKind.HUIS_VAN_HET_KIND, "provincie": "limburg"}))
    ] == ["Huis van het Kind Genk"]
    assert [r["naam"] for r in rows(client.get(CSV_URL, {"q": "kompas"}))] == ["Opvoedingswinkel Het Kompas"]


def test_the_list_links_to_the_csv_with_its_filters(client, region):
    page = client.get(reverse("organisations:list"), {"provincie": "limburg", "page": "1"}).content.decode()

    assert f"{CSV_URL}?provincie=limburg" in page


def test_the_csv_neutralises_spreadsheet_formulas(client, db):
    OrganisationFactory(name='=HYPERLINK("http://kwaad.example")', contact_name="+32 kwaad", phone="-1")

    row = rows(client.get(CSV_URL))[0]
    assert row["naam"].startswith("'=")
    assert row["contactpersoon"].startswith("'+")
    assert row["telefoon"] == "'-1"


@pytest.mark.parametrize("query", [{"soort": "bestaat-niet"}, {"provincie": "atlantis"}, {"q": '"(*' * 100}])
def test_the_csv_survives_odd_filters(client, region, query):
    assert client.get(CSV_URL, query).status_code == 200


# API --------------------------------------------------------------------------------------------


def test_the_api_lists_public_organisations_only(client, region):
    assert names(client.get(API_URL)) == [
        "CLB Genk",
        "Huis van het Kind Genk",
        "Huis van het Kind Kanaalzone",
        "Kenniscentrum Overal",
        "Opvoedingswinkel Het Kompas",
        "Steunpunt Limburg",
    ]


def test_the_api_shows_one_public_organisation(client, region):
    data = client.get(f"{API_URL}{region['genk'].slug}/").json()

    assert data["name"] == "Huis van het Kind Genk"
    assert data["address"]["municipality"] == "Genk"
    assert data["address"]["province"] == "Limburg"
    assert data["service_area"] == "municipalities"
    assert data["served_municipalities"] == ["As", "Zutendaal"]
    assert data["url"] == region["genk"].get_absolute_url()
    assert "status" not in data and "decline_reason" not in data


@pytest.mark.parametrize("which", ["pending", "declined"])
def test_the_api_does_not_know_pending_or_declined_organisations(client, region, which):
    assert client.get(f"{API_URL}{region[which].slug}/").status_code == 404


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"soort": "huis_van_het_kind"}, ["Huis van het Kind Genk", "Huis van het Kind Kanaalzone"]),
        ({"provincie": "limburg"}, ["CLB Genk", "Huis van het Kind Genk", "Opvoedingswinkel Het Kompas", "Steunpunt Limburg"]),
        (
            {"gemeente": "genk"},
            ["CLB Genk", "Huis van het Kind Genk", "Kenniscentrum Overal", "Opvoedingswinkel Het Kompas", "Steunpunt Limburg"],
        ),
        ({"gemeente": "Zutendaal", "soort": "huis_van_het_kind"}, ["Huis van het Kind Genk"]),
        ({"gemeente": "1080"}, ["Huis van het Kind Kanaalzone", "Kenniscentrum Overal"]),
        ({"postcode": "1080"}, ["Huis van het Kind Kanaalzone", "Kenniscentrum Overal"]),
        ({"postcode": "1804"}, ["Kenniscentrum Overal"]),
        ({"q": "genk"}, ["CLB Genk", "Huis van het Kind Genk"]),
    ],
)
def test_the_api_filters(client, region, params, expected):
    assert names(client.get(API_URL, params)) == expected


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"soort": "bestaat-niet"}, "soort"),
        ({"provincie": "atlantis"}, "provincie"),
        ({"gemeente": "Atlantis"}, "gemeente"),
        ({"gemeente": "1804"}, "gemeente"),  # Vilvoorde or Zemst
        ({"postcode": "4000"}, "postcode"),
        ({"postcode": "abcd"}, "postcode"),
    ],
)
def test_unknown_filter_values_are_a_400_with_a_dutch_message(client, region, params, field):
    response = client.get(API_URL, params)

    assert response.status_code == 400
    assert field in response.json()
    assert any(word in response.json()[field][0] for word in ("Onbekende", "Meer gemeenten"))


def test_the_api_list_answers_in_a_fixed_number_of_queries(client, region, django_assert_max_num_queries):
    for n in range(20):
        OrganisationFactory(name=f"Extra {n}", municipality=municipality("Leuven")).served_municipalities.set(
            [municipality("Herent")]
        )

    client.get(API_URL)  # the site and the content stamps are cached from here on

    # Count, page, themes, served municipalities (and the site): never one per organisation.
    with django_assert_max_num_queries(6):
        client.get(API_URL, {"per_pagina": 50})


def test_the_openapi_schema_documents_the_organisation_endpoints(client, db):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()

    assert "/api/v1/organisaties/" in schema["paths"]
    assert "/api/v1/organisaties/{slug}/" in schema["paths"]
    params = {p["name"] for p in schema["paths"]["/api/v1/organisaties/"]["get"]["parameters"]}
    assert {"soort", "provincie", "gemeente", "postcode", "q"} <= params
