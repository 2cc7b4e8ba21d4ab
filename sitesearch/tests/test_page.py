"""The /zoeken/ page a visitor uses: facets that keep the query, snippets, pages, help when empty."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks import default_task_backend

from core.factories import OrganisationFactory, ThemeFactory
from sitesearch import indexing
from sitesearch.models import SearchDocument
from sitesearch.tasks import update_index

from .factories import PracticeFactory, content_page

pytestmark = pytest.mark.django_db
URL = reverse("search")


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def content():
    theme = ThemeFactory(name="Tieners", slug="tieners")
    practice = PracticeFactory(
        title="Praten met tieners",
        themes=[theme],
        published=True,
        published__sections={"aanpak": "Ouders van tieners praten samen."},
    )
    organisations = [
        OrganisationFactory(name=f"Tienerwerking {i:02d}", description="Voor tienerouders en hun kinderen.") for i in range(22)
    ]
    page = content_page("Opgroeien met tieners", intro="Wat tienerouders & grootouders <3 moeten weten.")
    return {"theme": theme, "practice": practice, "organisations": organisations, "page": page}


def test_results_from_every_kind_with_counts_that_keep_the_query(client, content):
    html = soup(client.get(URL, {"q": "tienerouders"}))

    assert html.select_one(".results-count").get_text(strip=True).startswith("24")
    facet = {a.get_text(" ", strip=True): a["href"] for a in html.select('[aria-labelledby="facet-soort"] a')}
    assert {label.rsplit(" ", 1)[1] for label in facet} == {"1", "22"} | {"1"}
    practice_link = next(href for label, href in facet.items() if label.endswith(" 1") and "practice" in href)
    assert "q=tienerouders" in practice_link and "soort=practice" in practice_link

    filtered = soup(client.get(URL + practice_link))
    titles = [a.get_text() for a in filtered.select(".result__title a")]
    assert titles == ["Praten met tieners"]
    assert filtered.select_one('[aria-labelledby="facet-soort"] [aria-current="true"]')["href"] == "?q=tienerouders"


def test_snippets_mark_the_matching_words_and_escape_the_text(client, content):
    html = soup(client.get(URL, {"q": "tienerouders weten", "soort": "page"}))

    snippet = html.select_one(".result__snippet")
    assert [m.get_text() for m in snippet.select("mark")] == ["tienerouders", "weten"]
    assert "&amp; grootouders &lt;3 moeten" in snippet.decode_contents()
    assert html.select_one(".result__title a")["href"] == content["page"].url


def test_a_repeated_search_keeps_its_snippets_and_a_changed_document_shows_its_new_text(client, content):
    first = client.get(URL, {"q": "tienerouders weten", "soort": "page"}).content.decode()
    with CaptureQueriesContext(connection) as queries:
        again = client.get(URL, {"q": "tienerouders weten", "soort": "page"}).content.decode()
    assert again == first
    assert not [q for q in queries if '"text"' in q["sql"]], "the snippets were kept: no text was read"

    page = content["page"]
    page.intro = "Nieuw: wat tienerouders over schermtijd moeten weten."
    page.save_revision().publish()
    indexing.index_object("page", page.specific)  # what the task worker does after the publish
    snippet = soup(client.get(URL, {"q": "tienerouders weten", "soort": "page"})).select_one(".result__snippet")
    assert "schermtijd" in snippet.get_text()


def test_results_come_in_pages_with_links_that_keep_the_filters(client, content):
    html = soup(client.get(URL, {"q": "tienerouders", "soort": "organisation"}))
    assert len(html.select(".result")) == 20
    next_link = html.select_one('.pagination a[rel="next"]')["href"]
    assert "q=tienerouders" in next_link and "soort=organisation" in next_link and "page=2" in next_link

    second = soup(client.get(URL + next_link))
    assert len(second.select(".result")) == 2


def test_the_theme_facet_narrows_across_kinds(client, content):
    html = soup(client.get(URL, {"q": "tieners"}))
    theme_link = html.select_one('[aria-labelledby="facet-thema"] a')
    assert theme_link.get_text(" ", strip=True) == "Tieners 1"

    themed = soup(client.get(URL + theme_link["href"]))
    assert [a.get_text() for a in themed.select(".result__title a")] == ["Praten met tieners"]


def test_nothing_found_gives_tips_and_ways_on(client, content):
    html = soup(client.get(URL, {"q": "zwxqvj"}))
    assert html.select_one(".results-count").get_text(strip=True).startswith("0")
    assert not html.select(".result") and not html.select(".search-suggestion")
    links = [a["href"] for a in html.select(".empty a")]
    assert reverse("practices:databank") in links and reverse("organisations:list") in links


def test_a_typo_gives_results_and_the_suggestion_as_a_link(client, content):
    typo = soup(client.get(URL, {"q": "tienerouers"}))
    assert typo.select_one(".search-suggestion a")["href"] == "?q=tienerouders"
    assert len(typo.select(".result")) == 20

    filtered_out = soup(client.get(URL, {"q": "tienerouers", "soort": "organisation", "thema": "tieners"}))
    assert not filtered_out.select(".result")
    assert filtered_out.select_one(".search-suggestion a").get_text() == "tienerouders"
    assert "?q=tienerouers" in [a["href"] for a in filtered_out.select(".empty a")]


@pytest.mark.parametrize(
    "raw", ['"tieners', "tieners*", "(tieners OR", "NEAR(tieners", "tieners:", "a & b | !c", "'; --", "\x00tieners"]
)
def test_query_syntax_is_plain_words_and_never_an_error(client, content, raw):
    response = client.get(URL, {"q": raw})
    assert response.status_code == 200


def test_the_page_is_accessible_in_structure(client, content):
    html = soup(client.get(URL, {"q": "tieners"}))
    assert len(html.select("h1")) == 1
    assert html.select_one("#search-q")["id"] == html.select_one('label[for="search-q"]')["for"]
    assert html.select_one(".results-count")["aria-live"] == "polite"
    assert all(h.name == "h3" for h in html.select(".result__title"))


def test_the_number_of_queries_does_not_grow_with_the_results(client, content, django_assert_max_num_queries):
    client.get(URL, {"q": "tieners"})  # warm the per-process vocabulary
    # Three for the site chrome; the stamp, counts per kind and per theme, theme labels, one page
    # of ranked ids, the stored snippets; then one per kind on the page (pages: three). On
    # PostgreSQL each of the three full-text queries comes with four statements that tell the
    # planner to use the GIN index (sitesearch.engine.fetch).
    planner = 4 * 3 if connection.vendor == "postgresql" else 0
    with django_assert_max_num_queries(3 + 6 + 1 + 3 + 1 + planner):
        client.get(URL, {"q": "tienerouders"})  # 24 hits of three kinds
    with django_assert_max_num_queries(3 + 6 + 1 + planner):
        client.get(URL, {"q": "tienerouders", "soort": "organisation"})  # 22 hits, one kind


def test_with_a_task_worker_one_task_indexes_the_transaction_after_it_commits(django_capture_on_commit_callbacks):
    def ours():
        return [r for r in default_task_backend.results if r.task.func is update_index.func]

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        default_task_backend.clear()
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            organisation = OrganisationFactory(name="Wachtrij")
            organisation.description = "Bijgewerkt."
            organisation.save()
            assert not ours()  # nothing before the commit
        assert callbacks
        (result,) = ours()
        assert result.args == [[["organisation", organisation.pk]]]
        assert not SearchDocument.objects.filter(kind="organisation", object_id=organisation.pk).exists()
        result.task.call(*result.args)
    assert SearchDocument.objects.filter(kind="organisation", object_id=organisation.pk).exists()
