"""Aanbod in de regio: from what a visitor types to the organisations serving that municipality,
their public practices and events; public organisations and practices only."""

import pytest
from django.urls import reverse
from django.utils import translation

from core.factories import OrganisationFactory, municipality
from organisations.models import Municipality, Organisation, ServiceArea
from organisations.region import find_municipality, normalise

pytestmark = pytest.mark.django_db

URL = reverse("region:offer")


def offer_names(response) -> list[str]:
    offer = response.context["offer"]
    return sorted(reach.organisation.name for group in offer.groups for reach in group["entries"])


def practice_titles(response) -> list[str]:
    return sorted(e["practice"].title for group in response.context["offer"].practices for e in group["practices"])


# Finding the municipality -----------------------------------------------------------------------


def test_normalising_ignores_case_accents_hyphens_and_spaces():
    assert normalise("  Sint-Genesius-RODE ") == "sint genesius rode"
    assert normalise("Biévène") == "bievene"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Genk", "Genk"),
        ("genk", "Genk"),
        ("  GENK  ", "Genk"),
        ("3600", "Genk"),
        ("3600 Genk", "Genk"),
        ("sint jans molenbeek", "Sint-Jans-Molenbeek"),
        ("Sint-Jans-Molenbeek", "Sint-Jans-Molenbeek"),
        ("molenbeek", "Sint-Jans-Molenbeek"),
        ("Léau", "Zoutleeuw"),  # the French name
        ("leau", "Zoutleeuw"),
        ("Ixelles", "Elsene"),
        ("71016", "Genk"),  # NIS code
    ],
)
def test_a_name_or_postcode_finds_its_municipality(typed, expected):
    assert find_municipality(typed).municipality.name == expected


def test_a_postcode_shared_by_two_municipalities_offers_a_choice():
    lookup = find_municipality("1804")

    assert lookup.municipality is None
    assert [m.name for m in lookup.choices] == ["Vilvoorde", "Zemst"]


def test_a_postcode_with_a_name_picks_one_of_the_municipalities_sharing_it():
    assert find_municipality("1804 Zemst").municipality.name == "Zemst"


def test_a_name_matching_several_municipalities_offers_a_choice():
    lookup = find_municipality("sint-p")

    assert lookup.municipality is None
    assert [m.name for m in lookup.choices] == ["Sint-Pieters-Leeuw", "Sint-Pieters-Woluwe"]


def test_a_misspelt_name_gets_suggestions():
    lookup = find_municipality("Gnek")

    assert lookup.error
    assert "Genk" in [m.name for m in lookup.suggestions]


def test_a_postcode_outside_flanders_and_brussels_gets_nearby_suggestions():
    lookup = find_municipality("4000")  # Liège

    assert lookup.error
    assert lookup.suggestions
    assert all(m.postcodes.exists() for m in lookup.suggestions)


# The page -----------------------------------------------------------------------------------------


def test_the_empty_page_shows_the_form_and_a_list_of_municipalities(client, region):
    response = client.get(URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="gemeente"' in page
    assert '<datalist id="municipality-names">' in page
    assert page.count("<option value=") == Municipality.objects.count()
    assert "offer" not in response.context


def test_searching_by_name_shows_every_public_organisation_serving_the_municipality(client, region):
    response = client.get(URL, {"gemeente": "genk"})

    assert response.status_code == 200
    assert response.context["offer"].municipality.name == "Genk"
    assert offer_names(response) == [
        "CLB Genk",  # located there, no service area stated
        "Huis van het Kind Genk",  # located there
        "Kenniscentrum Overal",  # all of Flanders and Brussels
        "Opvoedingswinkel Het Kompas",  # lists Genk
        "Steunpunt Limburg",  # the whole province
    ]
    page = response.content.decode()
    assert "Stalenstraat 14" in page
    assert region["genk"].get_absolute_url() in page


def test_searching_by_postcode_gives_the_same_offer(client, region):
    by_name = client.get(URL, {"gemeente": "Genk"})
    by_postcode = client.get(URL, {"gemeente": "3600"})

    assert offer_names(by_postcode) == offer_names(by_name)


def test_organisations_are_grouped_by_kind(client, region):
    groups = {
        g["kind"]: [r.organisation.name for r in g["entries"]]
        for g in client.get(URL, {"gemeente": "Genk"}).context["offer"].groups
    }

    assert groups == {
        "huis_van_het_kind": ["Huis van het Kind Genk"],
        "opvoedingswinkel": ["Opvoedingswinkel Het Kompas"],
        "support_centre": ["Steunpunt Limburg"],
        "other": ["CLB Genk", "Kenniscentrum Overal"],
    }


def test_a_neighbouring_municipality_listed_by_an_organisation_finds_it(client, region):
    assert "Huis van het Kind Genk" in offer_names(client.get(URL, {"gemeente": "Zutendaal"}))
    assert "Huis van het Kind Genk" not in offer_names(client.get(URL, {"gemeente": "Hasselt"}))


def test_a_province_wide_centre_appears_for_every_municipality_of_its_province_and_no_other(region):
    from organisations.offer import regional_offer

    limburg = Municipality.objects.filter(province__slug="limburg")
    for place in limburg:
        serving = Organisation.objects.public().serving(place)
        assert serving.filter(pk=region["centre"].pk).exists(), place
    elsewhere = Municipality.objects.exclude(province__slug="limburg")
    assert not any(Organisation.objects.public().serving(place).filter(pk=region["centre"].pk).exists() for place in elsewhere)
    assert "Steunpunt Limburg" in [r.organisation.name for g in regional_offer(limburg.last()).groups for r in g["entries"]]


def test_a_region_wide_organisation_serves_brussels_too(client, region):
    assert "Kenniscentrum Overal" in offer_names(client.get(URL, {"gemeente": "Sint-Jans-Molenbeek"}))


@pytest.mark.parametrize("place", ["Genk", "Hasselt", "Leuven", "Sint-Jans-Molenbeek"])
def test_a_pending_or_declined_organisation_never_appears(client, region, place):
    response = client.get(URL, {"gemeente": place})

    page = response.content.decode()
    assert "Wachtend" not in page
    assert "Afgewezen" not in page
    assert "Praktijk van wachtende" not in page


def test_the_public_practices_of_these_organisations_are_listed_by_level(client, region):
    response = client.get(URL, {"gemeente": "Genk"})

    levels = [(g["level"], [e["practice"].title for e in g["practices"]]) for g in response.context["offer"].practices]
    assert levels == [
        ("research_based", ["Buurtmoeders op huisbezoek"]),
        ("well_described", ["Samen voorlezen"]),
        ("registered", ["Oudercafe"]),
    ]
    page = response.content.decode()
    assert region["practices"]["researched"].get_absolute_url() in page
    # Each practice names the organisations of the region behind it (not their roles).
    from .test_organisation_offer import _sections

    for section, practice in zip(_sections(page), ["Buurtmoeders op huisbezoek", "Samen voorlezen", "Oudercafe"], strict=True):
        assert practice in section and region["genk"].name in section, section


def test_non_public_practices_and_unpublished_partnerships_never_appear(client, region):
    response = client.get(URL, {"gemeente": "Genk"})

    page = response.content.decode()
    for key in ("declined", "unaccepted", "of_pending", "registered_partner"):
        assert region["practices"][key].title not in page, key
    # Babbelbox is public, but only through its submitter in Brussels.
    assert "Babbelbox" in practice_titles(client.get(URL, {"gemeente": "Sint-Jans-Molenbeek"}))


def test_an_ambiguous_postcode_offers_links_to_each_municipality(client, region):
    response = client.get(URL, {"gemeente": "1804"})

    assert response.status_code == 200
    assert "offer" not in response.context
    page = response.content.decode()
    assert "?gemeente=Vilvoorde" in page
    assert "?gemeente=Zemst" in page


def test_an_unknown_municipality_gets_a_message_and_suggestions(client, region):
    with translation.override("nl-be"):
        response = client.get(URL, {"gemeente": "Gnek"})
        message = translation.gettext(
            "We do not know a municipality “%(name)s” in Flanders or Brussels. Check the spelling, or type the postcode."
        ) % {"name": "Gnek"}

    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "?gemeente=Genk" in page
    assert 'aria-invalid="true"' in page


@pytest.mark.parametrize("typed", ["", "   ", "x" * 500, "\x00genk", "!!!", "<script>alert(1)</script>", "' OR 1=1 --"])
def test_bad_input_gets_a_message_not_an_error(client, region, typed):
    response = client.get(URL, {"gemeente": typed})

    assert response.status_code == 400
    assert "offer" not in response.context
    assert b"<script>alert(1)</script>" not in response.content
    assert b"error-summary" in response.content


def test_a_municipality_without_any_organisation_says_so(client, db):
    with translation.override("nl-be"):
        response = client.get(URL, {"gemeente": "Herstappe"})
        text = translation.gettext("No organisation on the platform serves this municipality yet.")

    assert response.status_code == 200
    assert text in response.content.decode()


def test_result_pages_are_shareable_but_not_indexed(client, region):
    assert 'content="noindex' not in client.get(URL).content.decode()
    assert 'content="noindex' in client.get(URL, {"gemeente": "Genk"}).content.decode()


def test_the_main_navigation_and_the_organisation_list_link_to_the_regional_offer(client, region):
    assert f'href="{URL}"' in client.get(reverse("organisations:list")).content.decode()
    assert f'href="{URL}" aria-current="page"' in client.get(URL).content.decode()


def test_the_page_answers_in_a_bounded_number_of_queries(client, region, django_assert_max_num_queries):
    for n in range(10):
        OrganisationFactory(name=f"Extra {n}", municipality=municipality("Genk"), service_area=ServiceArea.PROVINCE)
    client.get(URL, {"gemeente": "Genk"})

    with django_assert_max_num_queries(15):
        client.get(URL, {"gemeente": "Genk"})


def test_without_the_events_app_the_page_has_no_events_section(client, region, settings):
    from organisations import offer

    if offer.events_installed():
        pytest.skip("the events app is installed")
    response = client.get(URL, {"gemeente": "Genk"})

    assert response.context["offer"].events == []
    assert 'id="events-heading"' not in response.content.decode()
