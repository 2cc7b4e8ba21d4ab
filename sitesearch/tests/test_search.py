"""The search over real objects: Dutch matching end to end, and only what the public may see."""

import io
import json

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from core.factories import OrganisationFactory, ThemeFactory
from organisations.models import OrganisationStatus
from sitesearch import highlight, match_ids, search
from sitesearch.indexing import rebuild
from sitesearch.models import SearchDocument, SearchTerm, Synonym

from .factories import PracticeFactory, content_page, description, news_item

pytestmark = pytest.mark.django_db


def found(query, **kwargs) -> list:
    return [hit.object for hit in search(query, per_page=100, **kwargs).hits]


def everything_visible(results) -> str:
    """All text a visitor gets from a search: titles, snippets, facet labels, suggestion."""
    parts = [str(h.title) + str(h.snippet) for h in results.hits]
    parts += [str(o["label"]) for o in results.kinds + results.themes]
    return " ".join(parts + [results.suggestion]).lower()


# Dutch matching, end to end ------------------------------------------------------------------


def test_compounds_are_found_by_their_parts_and_the_other_way_round():
    compound = OrganisationFactory(name="Het Anker", description="Wij bieden opvoedingsondersteuning aan tienerouders.")
    phrase = OrganisationFactory(name="De Brug", description="Ondersteuning bij de opvoeding voor ouders van tieners.")

    assert set(found("opvoedingsondersteuning")) == {compound, phrase}
    assert set(found("ondersteuning bij de opvoeding")) == {compound, phrase}
    assert set(found("tienerouders")) == {compound, phrase}
    assert set(found("ouders van tieners")) == {compound, phrase}


def test_plurals_verb_forms_and_accents_are_found():
    organisation = OrganisationFactory(name="Gezinspunt", description="Een ouder met vragen over opvoeden, in België.")

    for query in ["ouders", "opvoeding", "Belgie", "BELGIË", "gezin"]:
        assert found(query) == [organisation], query


def test_a_typo_is_searched_as_the_closest_word_and_suggested():
    organisation = OrganisationFactory(name="Opvoedingswinkel Noord", description="Ouders met vragen over opvoeding en tieners.")

    results = search("opvoedign")
    assert [h.object for h in results.hits] == [organisation]
    assert results.suggestion == "opvoeding"
    results = search("tienerouers")
    assert [h.object for h in results.hits] == [organisation]
    assert results.suggestion == "tienerouders"
    assert search("opvoeding").suggestion == ""


def test_synonyms_kept_in_the_admin_apply_to_the_next_search(admin_client):
    organisation = OrganisationFactory(name="Brugfiguren", description="Werken aan gelijke onderwijskansen op school.")
    assert found("GOK") == []

    response = admin_client.post(
        "/beheer/snippets/sitesearch/synonym/add/", {"terms": "GOK, gelijke onderwijskansen", "note": ""}
    )
    assert response.status_code == 302
    assert found("GOK") == [organisation]
    assert found("gelijke onderwijskansen") == [organisation]

    group = Synonym.objects.get(terms__startswith="GOK")
    admin_client.post(f"/beheer/snippets/sitesearch/synonym/edit/{group.pk}/", {"terms": "GOK, gelijkekansenbeleid", "note": ""})
    assert found("GOK") == []

    admin_client.post(f"/beheer/snippets/sitesearch/synonym/delete/{group.pk}/")
    assert not Synonym.objects.filter(pk=group.pk).exists()


def test_the_shipped_synonyms_link_clb_to_its_full_name():
    organisation = OrganisationFactory(name="Scholenteam", description="Het centrum voor leerlingenbegeleiding helpt.")

    assert found("CLB") == [organisation]
    assert "<mark>leerlingenbegeleiding</mark>" in str(search("CLB").hits[0].snippet)


def test_a_title_match_ranks_above_a_body_match():
    body = OrganisationFactory(name="Buurtwerk", description="We organiseren ook babymassage voor jonge ouders.")
    title = OrganisationFactory(name="Babymassage Oost", description="Een plek voor jonge ouders.")

    assert found("babymassage") == [title, body]


def test_when_no_document_has_every_word_the_ones_with_some_are_shown():
    organisation = OrganisationFactory(name="Speelotheek", description="Speelgoed lenen voor peuters.")

    results = search("speelgoed zwxqvj")
    assert results.relaxed and [h.object for h in results.hits] == [organisation]
    assert not search("speelgoed peuters").relaxed


# Only what the visitor may see --------------------------------------------------------------


def test_practices_show_only_their_public_data():
    minimal = PracticeFactory(title="Koffieklets geheimzin", summary="Samenvatting mrkminimalqz blijft intern.")
    published = PracticeFactory(
        title="Spelen in het park",
        summary="Openbare mrkpublicqz samenvatting.",
        published=True,
        published__sections={"aanpak": "Aanpak mrkaanpakqz."},
    )
    PracticeFactory(title="Afgewezen mrkdeclinedqz", declined=True)
    PracticeFactory(title="Nog niet aanvaard mrkpendingqz", not_accepted=True)
    description(published, {"aanpak": "Nieuwe aanpak mrkdraftqz."}, draft=True)
    description(minimal, {"aanpak": "Ingediende tekst mrksubmittedqz."}, version=1)

    assert found("geheimzin") == [minimal]
    assert found("mrkpublicqz") == found("mrkaanpakqz") == [published]
    for secret in ["mrkminimalqz", "mrkdeclinedqz", "mrkpendingqz", "mrkdraftqz", "mrksubmittedqz"]:
        results = search(secret)
        assert results.total == 0 and all(o["count"] == 0 for o in results.kinds), secret
        assert secret not in everything_visible(search("koffieklets")) + everything_visible(search("spelen park"))
        assert not SearchTerm.objects.filter(term=secret).exists(), secret
    assert match_ids("practice", "mrkdraftqz") == []


def test_only_approved_organisations_are_found_and_approval_makes_them_findable():
    pending = OrganisationFactory(name="Zonnedorp in oprichting", pending=True)
    OrganisationFactory(name="Zonnedorp afgewezen", declined=True)
    assert found("zonnedorp") == []
    assert search("zonnedorp").suggestion == ""  # no hidden word ever comes back as a suggestion

    pending.status = OrganisationStatus.APPROVED
    pending.save()
    assert found("zonnedorp") == [pending]

    pending.status = OrganisationStatus.DECLINED
    pending.save()
    assert found("zonnedorp") == []
    assert not SearchTerm.objects.filter(term="zonnedorp").exists()


def test_unpublished_and_private_pages_are_never_found():
    draft = content_page("Zomerkamp concept", live=False)
    private = content_page("Zomerkamp intern")
    below = content_page("Zomerkamp verslag", parent=private)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim")

    results = search("zomerkamp")
    assert results.total == 0 and all(o["count"] == 0 for o in results.kinds)
    assert not SearchDocument.objects.filter(kind="page", object_id__in=[draft.pk, private.pk, below.pk]).exists()


def test_publishing_a_page_makes_it_findable_and_unpublishing_removes_it():
    page = content_page("Zomerkamp voor gezinnen", live=False)
    assert found("zomerkamp") == []

    page.save_revision().publish()
    assert [p.pk for p in found("zomerkamp")] == [page.pk]

    page.refresh_from_db()
    page.unpublish()
    assert found("zomerkamp") == []


def test_a_draft_of_a_live_page_is_not_searched():
    page = content_page("Zomerkamp", intro="Het openbare programma.")
    page.intro = "Geheim mrkpagedraftqz programma."
    page.save_revision()

    assert found("mrkpagedraftqz") == []
    assert [p.pk for p in found("openbare programma")] == [page.pk]


def test_a_page_that_becomes_private_drops_out_with_what_lies_below_it():
    parent = content_page("Werkgroep")
    child = content_page("Werkgroep verslag", parent=parent)
    assert len(found("werkgroep")) == 2

    restriction = PageViewRestriction.objects.create(page=parent, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert found("werkgroep") == []

    restriction.delete()
    assert {p.pk for p in found("werkgroep")} == {parent.pk, child.pk}


def test_a_deleted_object_leaves_the_index():
    organisation = OrganisationFactory(name="Zeemeeuw")
    page = content_page("Zeemeeuw pagina")
    assert len(found("zeemeeuw")) == 2

    organisation.delete()
    page.delete()
    assert found("zeemeeuw") == []
    assert not SearchDocument.objects.filter(title__icontains="zeemeeuw").exists()


def test_loading_hits_checks_the_public_queryset_again():
    organisation = OrganisationFactory(name="Vuurtoren")
    # A change that bypasses signals (a bulk update): the stale entry is never shown.
    type(organisation).objects.filter(pk=organisation.pk).update(status=OrganisationStatus.PENDING)

    assert found("vuurtoren") == []


# Facets, ids, highlighting -----------------------------------------------------------------


def test_counts_per_kind_and_per_theme_and_filters():
    theme = ThemeFactory(name="Armoede", slug="armoede")
    organisation = OrganisationFactory(name="Kansenhuis", description="Voor gezinnen in armoede.")
    organisation.themes.add(theme)
    practice = PracticeFactory(title="Kansen voor gezinnen", themes=[theme])
    news = news_item("Nieuws over gezinnen", "Een nieuw project.")

    results = search("gezinnen")
    counts = {o["value"]: o["count"] for o in results.kinds}
    assert counts == {**counts, "practice": 1, "organisation": 1, "page": 1} and sum(counts.values()) == 3
    assert results.themes == [{"value": "armoede", "label": "Armoede", "count": 2, "selected": False}]
    assert [h.object for h in search("gezinnen", kinds=["practice"]).hits] == [practice]
    assert {h.object.pk for h in search("gezinnen", theme="armoede").hits} == {practice.pk, organisation.pk}
    assert [h.object.pk for h in search("gezinnen", kinds=["page"], theme="armoede").hits] == []
    assert search("gezinnen", kinds=["page"]).hits[0].object.pk == news.pk


def test_match_ids_gives_the_ids_of_one_kind_best_first():
    first = PracticeFactory(title="Voorlezen aan baby's", summary="")
    second = PracticeFactory(
        title="Babyzang", published=True, published__sections={"aanpak": "Elke week voorlezen aan een baby."}
    )
    OrganisationFactory(name="Voorlezen voor baby's")

    assert match_ids("practice", "voorlezen baby") == [first.pk, second.pk]
    assert match_ids("practice", "") == []


def test_highlight_marks_inflected_forms_in_escaped_text():
    OrganisationFactory(name="Ouderhuis", description="Voor ouders.")

    html = highlight("<i>Een ouder</i> en zijn kinderen", "ouders kind")
    assert html == "&lt;i&gt;Een <mark>ouder</mark>&lt;/i&gt; en zijn <mark>kinderen</mark>"


def test_pages_of_results_follow_the_ranking():
    for i in range(25):
        OrganisationFactory(name=f"Speelplein {i:02d}")

    first, last = search("speelplein", per_page=20), search("speelplein", page=2, per_page=20)
    assert first.total == 25 and len(first.hits) == 20 and len(last.hits) == 5
    assert not {h.object.pk for h in first.hits} & {h.object.pk for h in last.hits}
    assert search("speelplein", page=99).page.number == 2
    assert search("speelplein", page="x").page.number == 1


# The index stays equal to a rebuild ----------------------------------------------------------


def _snapshot():
    docs = SearchDocument.objects.order_by("kind", "object_id")
    return (
        [(d.kind, d.object_id, d.title, d.text, d.title_terms, d.body_terms, sorted(t.pk for t in d.themes.all())) for d in docs],
        sorted(SearchTerm.objects.values_list("term", "df")),
    )


def test_the_index_kept_by_signals_equals_a_rebuild():
    rebuild()  # the pages made by migrations (home) are indexed by a rebuild, as after `migrate` in `make run`
    theme = ThemeFactory(name="Opvoeding", slug="opvoeding")
    PracticeFactory(title="Praatgroep voor vaders", themes=[theme], published=True)
    PracticeFactory(title="Tienerouders", declined=True)
    organisation = OrganisationFactory(name="Huis van het Kind Noord", description="Opvoedingsondersteuning.")
    organisation.themes.add(theme)
    news_item("Nieuwe vormingen", "Vormingen over gezinsondersteuning.", themes=[theme])

    incremental = _snapshot()
    counts = rebuild()
    assert counts["practice"] == 1 and counts["organisation"] == 3  # one behind each practice
    rebuilt = _snapshot()
    assert rebuilt[1] == incremental[1]
    assert rebuilt[0] == incremental[0]


def test_rebuild_of_one_kind_leaves_the_others_and_the_commands_run():
    OrganisationFactory(name="Kompas")
    content_page("Kompas voor ouders")
    SearchDocument.objects.filter(kind="organisation").delete()
    assert [h.kind for h in search("kompas").hits] == ["page"]

    out = io.StringIO()
    call_command("rebuild_search_index", kind=["organisation"], stdout=out)
    assert "organisation 1" in out.getvalue()
    assert sorted(h.kind for h in search("kompas").hits) == ["organisation", "page"]

    out = io.StringIO()
    call_command("export_search_analysis", stdout=out)
    analysis = json.loads(out.getvalue())["settings"]["analysis"]
    assert "kompas" in analysis["filter"]["expoo_decompounder"]["word_list"]
    assert "clb, centrum leerlingenbegeleiding" in analysis["filter"]["expoo_synonyms"]["synonyms"]
    assert analysis["filter"]["expoo_stemmer"] == {"type": "stemmer", "language": "dutch"}


# Indexing a bulk of changes at once ---------------------------------------------------------


def test_a_gathered_bulk_is_indexed_once_when_it_ends_and_a_failed_one_not_at_all():
    from sitesearch.tasks import gathered

    with gathered():
        organisation = OrganisationFactory(name="Het Kompas", description="Opvoedingsondersteuning voor jonge gezinnen.")
        assert found("kompas") == []  # indexed once, when the bulk ends
    assert found("kompas") == [organisation]

    with pytest.raises(RuntimeError), gathered():
        OrganisationFactory(name="De Vuurtoren", description="Ouders van tieners vinden hier raad.")
        raise RuntimeError("the loader failed half-way")
    assert found("vuurtoren") == []
    OrganisationFactory(name="De Haven", description="Een plek voor ouders.")  # indexing goes on as usual after it
    assert found("haven") != []
