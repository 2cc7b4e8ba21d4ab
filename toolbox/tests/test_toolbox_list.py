"""The public list: facets that add up, a year range, sorting, paging and a bounded number of queries."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from toolbox.models import Publication, PublicationType
from toolbox.search import PublicationSearch, text_matches

from .factories import PublicationFactory

pytestmark = pytest.mark.django_db


def _get(client, **params):
    response = client.get(reverse("toolbox:list"), params)
    assert response.status_code == 200
    return response


def _titles(response):
    """The titles of the results, as the page shows them."""
    return [html.unescape(t) for t in re.findall(r'class="result__title"><a href="[^"]*">([^<]*)</a>', response.text)]


def _shown(response):
    """The publications on the page, in the order shown."""
    ids = response.context["result_ids"]
    assert len(_titles(response)) == len(ids)
    by_pk = Publication.objects.in_bulk(ids)
    return [by_pk[pk] for pk in ids]


def _facet(response, param):
    facet = next(f for f in response.context["facets"] if f.param == param)
    return {o["value"]: o["count"] for o in facet.options}


def test_the_list_shows_public_publications_newest_year_first(client, library):
    response = _get(client)
    assert response.context["total"] == 5
    years = [p.year for p in _shown(response)]
    assert years == sorted(years, reverse=True)
    assert "Geheim" not in response.content.decode()


@pytest.mark.parametrize("param", ["type", "jaar", "thema", "auteur", "expoo"])
def test_every_option_count_is_the_number_of_results_when_it_is_chosen(client, library, param):
    for context in ({}, {"thema": "tieners"}, {"type": "report"}, {"van": "2016", "tot": "2022"}):
        if param in context:
            continue
        counts = _facet(_get(client, **context), param)
        assert counts, param
        for value, count in counts.items():
            assert count == _get(client, **{**context, param: value}).context["total"], (context, param, value)


def test_facets_combine_each_counted_with_the_other_choices_applied(client, library):
    response = _get(client, thema="tieners", type="book")
    assert _titles(response) == ["Tieners en schermen"]
    assert _facet(response, "type") == {**dict.fromkeys(PublicationType.values, 0), "book": 1, "podcast": 1}
    assert _facet(response, "thema") == {"armoede": 0, "scheiding": 0, "tieners": 1}
    assert _facet(response, "jaar") == {"2023": 1}
    assert _facet(response, "auteur") == {"Maes, Chloë": 1}


def test_the_author_facet_counts_people_and_organisations_and_filters_on_them(client, library):
    counts = _facet(_get(client), "auteur")
    assert counts == {"EXPOO": 2, "Janssens, Bram": 1, "Maes, Chloë": 1, "Opvoedingslijn": 1, "Peeters, An": 2}
    assert sorted(_titles(_get(client, auteur="Peeters, An"))) == [
        "Co-ouderschap na een scheiding",
        "Opgroeien in armoede: wat gezinnen vertellen",
    ]
    assert _get(client, auteur="Niemand, Echt").context["total"] == 0


def test_expoo_only_shows_expoo_publications(client, library):
    response = _get(client, expoo="1")
    assert sorted(_titles(response)) == ["Folder voor ouders in armoede", "Opgroeien in armoede: wat gezinnen vertellen"]
    assert _facet(_get(client), "expoo") == {"1": 2}


def test_the_year_range_narrows_the_results_and_the_year_facet(client, library):
    response = _get(client, van="2016", tot="2021")
    assert sorted(p.year for p in _shown(response)) == [2019, 2021]
    assert _facet(response, "jaar") == {"2019": 1, "2021": 1}
    assert _get(client, van="2021", tot="2016").context["total"] == 2, "a reversed range is read the right way round"
    assert _get(client, van="2023").context["total"] == 2
    assert _get(client, tot="2015").context["total"] == 1


def test_sorting_by_title_year_and_relevance(client, library):
    titles = _titles(_get(client, sorteer="titel"))
    assert titles == sorted(titles)
    assert [p.year for p in _shown(_get(client, sorteer="jaar"))] == [2023, 2023, 2021, 2019, 2015]
    search = PublicationSearch({"q": "armoede", "sorteer": "relevantie"})
    assert list(search.run()) == [pk for pk in text_matches("armoede") if pk in set(search.run())]
    assert PublicationSearch({"sorteer": "relevantie"}).sort == "jaar", "no words, no relevance"


def test_words_are_found_in_title_description_and_author_names(client, library):
    assert _titles(_get(client, q="schermen")) == ["Tieners en schermen"]
    assert _get(client, q="chloë").context["total"] == 1
    assert _get(client, q="janssens scheiding").context["total"] == 1
    assert _get(client, q="janssens tieners").context["total"] == 0, "every word must match"
    assert _get(client, q="mrkdraftqz").context["total"] == 0, "a draft is never found"


def test_the_author_facet_is_exact_whichever_way_it_is_counted(client, library, monkeypatch, settings):
    """Large results are counted on the bitsets of the frequent authors, small ones one by one:
    both give the same top list (and a bitset list too short to be sure falls back)."""
    settings.EXPOO_PAGE_CACHE_SECONDS = 0  # the same page is counted again each way, not taken from the page cache
    from toolbox import facets

    expected = _facet(_get(client, q="ouders"), "auteur")
    assert expected
    monkeypatch.setattr(facets, "TALLY_LIMIT", 0)
    for frequent in (1, 2, 100):
        monkeypatch.setattr(facets, "FREQUENT_AUTHORS", frequent)
        facets.PublicationIndex.forget()
        assert _facet(_get(client, q="ouders"), "auteur") == expected


def test_paging_keeps_the_filters_in_the_links(client, themes):
    PublicationFactory.create_batch(45, themes=[themes["tieners"]])
    response = _get(client, thema="tieners")
    assert response.context["total"] == 45 and len(_shown(response)) == 20
    assert "?thema=tieners&amp;page=2" in response.content.decode()
    page3 = _get(client, thema="tieners", page="3")
    assert len(_shown(page3)) == 5
    assert _get(client, page="999").context["page_obj"].number == 3, "a page beyond the end shows the last"


ODD_INPUT = [
    {"jaar": "twintig"},
    {"van": "-5", "tot": "99999"},
    {"type": "bestaat-niet"},
    {"thema": "x" * 500},
    {"auteur": "\x00"},
    {"q": '"(*' * 80},
    {"sorteer": "willekeurig"},
    {"expoo": "ja"},
]


@pytest.mark.parametrize("params", ODD_INPUT)
def test_odd_input_never_breaks_the_list(client, library, params):
    _get(client, **params)


def test_filters_work_without_javascript_and_filtered_lists_are_not_indexed(client, library):
    html = _get(client).content.decode()
    assert 'name="van"' in html and 'name="tot"' in html and 'name="sorteer"' in html
    assert "noindex" not in html
    filtered = _get(client, thema="tieners").content.decode()
    assert '<meta name="robots" content="noindex, follow">' in filtered
    assert 'name="thema" value="tieners"' in filtered, "the search and sort forms keep the chosen facets"


def _count_queries(client, **params):
    with CaptureQueriesContext(connection) as queries:
        _get(client, **params)
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_library(client, library, themes, django_assert_max_num_queries, settings):
    settings.EXPOO_PAGE_CACHE_SECONDS = 0  # the view's own queries are counted (a cached page takes one)
    # Maes is in the author facet's top now, and outside it once sixty more authors come in.
    params = {"q": "ouders", "thema": "tieners", "auteur": "Maes, Chloë"}
    assert _get(client, **params).context["total"] == 1
    _get(client)  # both pages once: what the search and the result cards keep is there
    small = _count_queries(client, **params), _count_queries(client)
    for n in range(60):
        PublicationFactory(
            title=f"Opvoeden deel {n}", authors=[(f"Auteur{n}", "Jan"), "EXPOO"], themes=list(themes.values())[: 1 + n % 3]
        )
    _get(client, **params), _get(client)  # the first requests after a change refresh what is kept
    large = _count_queries(client, **params), _count_queries(client)
    assert small == large
    assert "Maes, Chloë" in [
        o["value"] for o in next(f for f in _get(client, **params).context["facets"] if f.param == "auteur").options
    ]
    with django_assert_max_num_queries(15):
        _get(client, **params)


def _card_of(response, title: str) -> str:
    """The text of one result card as a reader sees it: tags gone, spaces collapsed."""
    text = response.content.decode()
    start = text.index(f">{title}</a>")
    card = text[start + 1 : text.index("</li>", start)]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", card)).split())


def test_a_card_shows_type_year_three_authors_et_al_the_badge_a_short_description_and_the_themes(client, organisation):
    """The Toolbox list and the page of an organisation among the authors show the same card."""
    from core.factories import ThemeFactory
    from toolbox.models import AuthorKind, PublicationAuthor

    themes = [ThemeFactory(name="Gezondheid", sort_order=2), ThemeFactory(name="Armoede", sort_order=1)]
    words = " ".join(f"woord{n}" for n in range(60))
    publication = PublicationFactory(
        title="Samen sterk",
        year=2024,
        publication_type=PublicationType.REPORT,
        is_expoo=True,
        description=words,
        authors=[("Peeters", "An"), "Opgroeien", ("Janssens", "Bram"), ("Maes", "Lies")],
        themes=themes,
    )
    PublicationAuthor.objects.filter(publication=publication, name="Opgroeien").update(
        organisation=organisation, name=organisation.name, kind=AuthorKind.ORGANISATION
    )
    expected = (
        f"Samen sterk Rapport 2024 · An Peeters, {organisation.name}, Bram Janssens e.a. EXPOO-publicatie "
        + " ".join(f"woord{n}" for n in range(40))
        + " … Armoede Gezondheid"
    )

    assert _card_of(_get(client), "Samen sterk") == expected
    organisation_page = client.get(organisation.get_absolute_url())
    assert _card_of(organisation_page, "Samen sterk") == expected


def test_a_card_shows_hostile_text_as_text_in_both_languages(client):
    """The card is built in Python (toolbox.cards.card_html): every field escaped, labels translated."""
    from core.factories import ThemeFactory

    PublicationFactory(
        title="<script>alert(1)</script> & co",
        year=2023,
        publication_type=PublicationType.REPORT,
        is_expoo=True,
        description='Tekst met <img src=x onerror="alert(1)"> erin',
        authors=[("<b>Peeters</b>", "An"), ("Maes", "Lies"), ("Janssens", "Bram"), ("Wouters", "Eva")],
        themes=[ThemeFactory(name="Thema <i>schuin</i>")],
    )
    page = _get(client).content.decode()
    assert "<script>alert(1)" not in page and "<img src=x" not in page and "<b>Peeters" not in page
    assert "<i>schuin" not in page
    assert _card_of(_get(client), "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co") == (
        "<script>alert(1)</script> & co Rapport 2023 · An <b>Peeters</b>, Lies Maes, Bram Janssens e.a. "
        'EXPOO-publicatie Tekst met <img src=x onerror="alert(1)"> erin Thema <i>schuin</i>'
    )
    with translation.override("en"):
        english = client.get(reverse("toolbox:list"))
    assert _card_of(english, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co").startswith(
        "<script>alert(1)</script> & co Report 2023 · An <b>Peeters</b>, Lies Maes, Bram Janssens et al. EXPOO publication "
    )
