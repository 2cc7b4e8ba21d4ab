"""What the Toolbox keeps in memory (the facet index, a query's matches and its ranking) follows
every change of the publications and of the search index at once."""

import html
import re

import pytest
from django.urls import reverse

from core.factories import ThemeFactory
from sitesearch import listing
from toolbox.models import PublicationAuthor

from .factories import PublicationFactory

pytestmark = pytest.mark.django_db


def _titles(client, **params):
    response = client.get(reverse("toolbox:list"), params)
    assert response.status_code == 200
    return [html.unescape(t) for t in re.findall(r'class="result__title"><a href="[^"]*">([^<]*)</a>', response.text)]


@pytest.mark.parametrize("sort", ["relevantie", "titel"])
def test_a_repeated_search_sees_new_changed_and_withdrawn_publications(client, sort):
    PublicationFactory(title="Speelotheken in Vlaanderen")
    assert _titles(client, q="speelotheek", sorteer=sort) == ["Speelotheken in Vlaanderen"]
    assert _titles(client, q="speelotheek", sorteer=sort) == ["Speelotheken in Vlaanderen"], "the cached answer"

    added = PublicationFactory(title="Een speelotheek starten")
    assert set(_titles(client, q="speelotheek", sorteer=sort)) == {"Speelotheken in Vlaanderen", "Een speelotheek starten"}

    added.title = "Een ludotheek starten"
    added.save()
    assert _titles(client, q="speelotheek", sorteer=sort) == ["Speelotheken in Vlaanderen"]
    assert _titles(client, q="ludotheek", sorteer=sort) == ["Een ludotheek starten"]

    added.unpublish()
    assert _titles(client, q="ludotheek", sorteer=sort) == []


def test_the_best_matches_are_ranked_again_after_a_change_of_the_documents(db):
    first = PublicationFactory(title="Speelotheek")
    tree = listing.tree("speelotheek")
    assert listing.best_ids("publication", tree, 10) == [first.pk]
    second = PublicationFactory(title="Speelotheek en spel")
    assert listing.best_ids("publication", tree, 10) == [first.pk, second.pk]
    first.delete()
    assert listing.best_ids("publication", tree, 10) == [second.pk]


def test_a_repeated_filtered_search_sees_a_new_publication(client):
    """Ranking among the candidates of a filter is kept too, and follows a change."""
    PublicationFactory.create_batch(3, title="Speelotheek en meer", publication_type="book")
    PublicationFactory(title="Speelotheek", publication_type="report")
    params = {"q": "speelotheek", "type": "report", "sorteer": "relevantie"}
    assert _titles(client, **params) == ["Speelotheek"]
    assert _titles(client, **params) == ["Speelotheek"], "the cached answer"
    PublicationFactory(title="De speelotheek van de buurt", publication_type="report")
    assert _titles(client, **params) == ["Speelotheek", "De speelotheek van de buurt"]


def test_a_result_shows_a_changed_author_and_theme_at_once(client):
    """The result cards are cached per version of the Toolbox: an author or a theme renamed
    elsewhere renews that version, so the list never shows the old name."""
    theme = ThemeFactory(name="Spel")
    publication = PublicationFactory(title="Speelotheken in Vlaanderen", authors=[("Peeters", "An")], themes=[theme])
    author = PublicationAuthor.objects.get(publication=publication)
    page = client.get(reverse("toolbox:list")).text
    assert "Peeters" in page and "Spel" in page

    author.name = "Claes"
    author.save()
    theme.name = "Spel en vrije tijd"
    theme.save()
    page = client.get(reverse("toolbox:list")).text
    assert "Claes" in page and "Peeters" not in page
    assert "Spel en vrije tijd" in page
