"""A document's id names its kind and object, so listings rank their own candidates by id."""

import pytest

from core.factories import OrganisationFactory, ThemeFactory
from sitesearch import listing, registry
from sitesearch.models import SearchDocument

from .factories import PracticeFactory

pytestmark = pytest.mark.django_db


def test_a_document_id_is_its_object_and_kind_and_survives_reindexing():
    organisation = OrganisationFactory(name="De Speelvogel", description="Een speelotheek voor gezinnen.")
    document = SearchDocument.objects.get(kind="organisation", object_id=organisation.pk)
    assert document.pk == registry.document_id("organisation", organisation.pk)
    assert registry.object_id(document.pk) == organisation.pk

    organisation.description = "Een speelotheek en een babbelhoek voor gezinnen."
    organisation.save()
    again = SearchDocument.objects.get(kind="organisation", object_id=organisation.pk)
    assert again.pk == document.pk
    assert "babbelhoek" in again.text


def test_two_kinds_cannot_share_a_code():
    taken = registry.get("practice").code
    with pytest.raises(ValueError, match="already the code"):
        registry.register("elsewhere", label="Elders", queryset=list, document=dict, code=taken)
    with pytest.raises(ValueError, match="between 1 and"):
        registry.register("elsewhere", label="Elders", queryset=list, document=dict, code=0)
    assert "elsewhere" not in registry.names()


def test_ranking_among_candidates_orders_by_relevance_and_keeps_to_them():
    in_title = PracticeFactory(title="De speelotheek")
    in_long_title = PracticeFactory(title="Een babbelbox voor ouders naast de speelotheek in het oude dorpshuis")
    not_a_candidate = PracticeFactory(title="Speelotheek")
    tree = listing.tree("speelotheek")

    assert set(listing.matching_ids("practice", tree)) == {in_title.pk, in_long_title.pk, not_a_candidate.pk}
    best = listing.best_among("practice", tree, [in_long_title.pk, in_title.pk], 10)
    assert best == [in_title.pk, in_long_title.pk]
    assert listing.best_among("practice", tree, [in_long_title.pk], 10) == [in_long_title.pk]
    assert listing.best_among("practice", tree, [], 10) == []


def test_the_themes_of_a_document_are_linked_by_its_id():
    theme = ThemeFactory(name="Armoede", slug="armoede")
    practice = PracticeFactory(title="Samen aan tafel")
    practice.themes.add(theme)
    from sitesearch.indexing import index_object

    index_object("practice", practice)
    document = SearchDocument.objects.get(pk=registry.document_id("practice", practice.pk))
    assert list(document.themes.all()) == [theme]
