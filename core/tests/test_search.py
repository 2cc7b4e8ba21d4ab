"""Site search finds what any visitor may see and nothing else, whatever they type."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction, Site

from core.factories import OrganisationFactory
from core.search import MAX_QUERY_LENGTH, MAX_WORD_LENGTH, clean_query, search_site
from pages.models import ContentPage

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("search")


@pytest.fixture
def home():
    return Site.objects.get(is_default_site=True).root_page.specific


def add_page(parent, title, **fields):
    page = ContentPage(title=title, slug=title.lower().replace(" ", "-"), **fields)
    parent.add_child(instance=page)
    return page


def hits(response) -> list:
    return [hit["object"] for hit in response.context["page_obj"]]


def test_search_finds_a_live_public_page(client, home):
    page = add_page(home, "Zonnebloemwerking voor jonge ouders", intro="Samen spelen met je baby.")

    response = client.get(SEARCH_URL, {"q": "zonnebloemwerking"})

    assert response.status_code == 200
    assert [hit.pk for hit in hits(response)] == [page.pk]
    assert page.url in response.content.decode()


def test_search_finds_an_approved_organisation(client):
    organisation = OrganisationFactory(name="Kinderdagverblijf Zonnebloemwerking")

    response = client.get(SEARCH_URL, {"q": "zonnebloemwerking"})

    assert hits(response) == [organisation]
    assert organisation.get_absolute_url() in response.content.decode()


def test_search_never_shows_a_pending_or_declined_organisation(client):
    OrganisationFactory(name="Zonnebloemwerking in oprichting", pending=True)
    OrganisationFactory(name="Zonnebloemwerking afgewezen", declined=True)

    response = client.get(SEARCH_URL, {"q": "zonnebloemwerking"})

    assert hits(response) == []
    page = response.content.decode()
    assert "in oprichting" not in page
    assert "afgewezen" not in page


def test_search_never_shows_an_unpublished_page(client, home):
    add_page(home, "Zonnebloemwerking concept", live=False)

    assert hits(client.get(SEARCH_URL, {"q": "zonnebloemwerking"})) == []


def test_search_never_shows_a_private_page_or_what_lies_below_it(client, home):
    private = add_page(home, "Zonnebloemwerking intern")
    add_page(private, "Zonnebloemwerking verslag")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim")

    response = client.get(SEARCH_URL, {"q": "zonnebloemwerking"})

    assert hits(response) == []
    assert "verslag" not in response.content.decode()


def test_a_page_that_is_unpublished_drops_out_of_the_results(client, home):
    page = add_page(home, "Zonnebloemwerking vroeger")
    assert hits(client.get(SEARCH_URL, {"q": "zonnebloemwerking"})) == [page]

    page.unpublish()

    assert hits(client.get(SEARCH_URL, {"q": "zonnebloemwerking"})) == []


def test_every_word_must_match(client):
    both = OrganisationFactory(name="Zonnebloemwerking Tongeren")
    OrganisationFactory(name="Zonnebloemwerking Maaseik")

    assert hits(client.get(SEARCH_URL, {"q": "zonnebloemwerking tongeren"})) == [both]


@pytest.mark.parametrize(
    "raw",
    [
        '"',
        '"zonnebloemwerking',
        "zonnebloem*",
        "*",
        "(zonnebloemwerking",
        "zonnebloemwerking)",
        "a AND (b OR",
        "NOT",
        "title:zonnebloemwerking",
        "-zonnebloemwerking",
        "zonne^2 ~ { } [ ] < > | & ! \\",
        "'; DROP TABLE organisations_organisation; --",
        "é ü ç ’ “ ” – 😀",
        "x" * 10_000,
        "zonnebloemwerking " * 500,
        "   ",
        "",
    ],
)
def test_search_syntax_or_very_long_input_never_breaks_the_page(client, raw):
    OrganisationFactory(name="Zonnebloemwerking Tongeren")

    response = client.get(SEARCH_URL, {"q": raw})

    assert response.status_code == 200


def test_search_syntax_is_read_as_plain_words(client):
    organisation = OrganisationFactory(name="Zonnebloemwerking Tongeren")

    assert hits(client.get(SEARCH_URL, {"q": '"(zonnebloemwerking*)"'})) == [organisation]


def test_an_empty_search_shows_the_form_without_results(client):
    response = client.get(SEARCH_URL)

    assert response.status_code == 200
    assert response.context["total"] == 0


def test_search_results_are_not_indexed_by_search_engines(client):
    assert 'name="robots" content="noindex' in client.get(SEARCH_URL, {"q": "kind"}).content.decode()


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (None, ""),
        ("", ""),
        ("  opvoeden   en   opgroeien ", "opvoeden en opgroeien"),
        ('"tienerouders"', "tienerouders"),
        ("ouder* (kind)", "ouder kind"),
        ("a:b^c~d", "a b c d"),
        ("CLB's", "CLB s"),
        ("Huis-van-het-Kind", "Huis van het Kind"),
        ("baby’s en peuters", "baby’s en peuters"),
    ],
)
def test_clean_query_turns_input_into_plain_words(raw, clean):
    assert clean_query(raw) == clean


def test_clean_query_bounds_the_length():
    assert len(clean_query("ab " * 1000)) <= MAX_QUERY_LENGTH
    # One endless "word" is cut to the longest a word may be (its typo and compound analysis is slow).
    assert clean_query("x" * 10_000) == "x" * MAX_WORD_LENGTH


def test_search_site_returns_nothing_for_nothing():
    OrganisationFactory(name="Zonnebloemwerking Tongeren")

    assert search_site('"*()') == []
