"""Answers of frequent words kept for every process (sitesearch/warm.py): they equal the engine's,
they are used only while the documents are unchanged, and the worker brings them up to date."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import strip_tags

from core.factories import OrganisationFactory, ThemeFactory
from core.models import Theme
from sitesearch import engine, listing, registry, search, warm
from sitesearch import query as search_cache
from sitesearch.analysis import All, Any, Term
from sitesearch.models import WarmAnswer
from sitesearch.tasks import warm_answers
from toolbox.tests.factories import PublicationFactory

from .factories import PracticeFactory, news_item

pytestmark = pytest.mark.django_db

FULL_TEXT = "MATCH" if connection.vendor == "sqlite" else "@@"


@pytest.fixture(autouse=True)
def few_matches_are_frequent(settings):
    settings.EXPOO_SEARCH_WARM_MIN_MATCHES = 3


@pytest.fixture
def library():
    """Documents of four kinds with the word "gezin", in two themes, some sharing a score."""
    poverty, care = ThemeFactory(name="Armoede", slug="armoede"), ThemeFactory(name="Zorg", slug="zorg")
    items = {
        "titles": [PublicationFactory(title=f"Gezin en school {n}", description="Over gezinnen.") for n in range(4)],
        "body": [
            PublicationFactory(title=f"Rapport {n}", description="Een gezin " + "en nog veel meer tekst " * n, themes=[poverty])
            for n in range(5)
        ],
        "practices": [PracticeFactory(title=f"Samen met het gezin {n}", themes=[care]) for n in range(3)]
        + [PracticeFactory(title="Gezin in armoede", themes=[care, poverty])],
        "organisations": [OrganisationFactory(name=f"Gezinsbond afdeling {n}", description="Voor elk gezin.") for n in range(2)],
        "news": news_item("Nieuws voor gezinnen", "Een nieuw project voor het gezin."),
        "other": PublicationFactory(title="Iets anders", description="Geen enkel verband."),
    }
    return items


def compute(term="gezin"):
    """What the worker does after a visitor's search: note the word, compute its answers."""
    WarmAnswer.objects.update_or_create(term=term, defaults={"searched_on": timezone.localdate()})
    warm.compute(term)
    warm.forget()


def engine_answers(tree):
    kinds = registry.names()
    poverty, care = (Theme.objects.get(slug=slug).pk for slug in ("armoede", "zorg"))
    publications = sorted(engine.matching(tree, "publication"))
    among = publications[::2] + [p.pk for p in PublicationFactory._meta.model.objects.exclude(pk__in=publications)]
    return {
        "matching": {kind: sorted(engine.matching(tree, kind)) for kind in kinds},
        "whole_ranking": [pk for _d, _k, pk, _s in engine.ranked(tree, kinds=["publication"])],
        "among": [
            pk for _d, _k, pk, _s in engine.ranked_among(tree, [registry.document_id("publication", pk) for pk in among], 3)
        ],
        "count_by_kind": engine.count_by_kind(tree),
        "count_by_kind_theme": engine.count_by_kind(tree, theme_id=poverty),
        "count_by_theme": engine.count_by_theme(tree, kinds=kinds),
        "count_by_theme_publications": engine.count_by_theme(tree, kinds=["publication"]),
        "ranked": engine.ranked(tree, kinds=kinds, limit=200),
        "ranked_5": engine.ranked(tree, kinds=kinds, limit=5),
        "ranked_publications": engine.ranked(tree, kinds=["publication"], limit=200),
        "ranked_two_kinds": engine.ranked(tree, kinds=["practice", "organisation"], limit=3),
        "ranked_theme": engine.ranked(tree, kinds=kinds, theme_id=poverty, limit=200),
        "ranked_theme_3": engine.ranked(tree, kinds=kinds, theme_id=poverty, limit=3),
        "ranked_theme_practices": engine.ranked(tree, kinds=["practice"], theme_id=care, limit=200),
        "ranked_theme_none": engine.ranked(tree, kinds=["organisation"], theme_id=care, limit=200),
    }


def kept_answers(tree):
    kinds = registry.names()
    poverty, care = (Theme.objects.get(slug=slug).pk for slug in ("armoede", "zorg"))
    found = warm.answer(tree, kinds)
    assert found is not None
    publications = sorted(found.matching("publication"))
    among = publications[::2] + [p.pk for p in PublicationFactory._meta.model.objects.exclude(pk__in=publications)]
    return {
        "matching": {kind: sorted(found.matching(kind)) for kind in kinds},
        "whole_ranking": found.ranking("publication"),
        "among": found.best_among("publication", set(among), 3),
        "count_by_kind": found.count_by_kind(),
        "count_by_kind_theme": found.count_by_kind(poverty),
        "count_by_theme": found.count_by_theme(kinds),
        "count_by_theme_publications": found.count_by_theme(["publication"]),
        "ranked": found.ranked(kinds, 200),
        "ranked_5": found.ranked(kinds, 5),
        "ranked_publications": found.ranked(["publication"], 200),
        "ranked_two_kinds": found.ranked(["practice", "organisation"], 3),
        "ranked_theme": found.ranked(kinds, 200, poverty),
        "ranked_theme_3": found.ranked(kinds, 3, poverty),
        "ranked_theme_practices": found.ranked(["practice"], 200, care),
        "ranked_theme_none": found.ranked(["organisation"], 200, care),
    }


def test_kept_answers_equal_the_engines_in_content_and_order(library):
    tree = Term("gezin")
    expected = engine_answers(tree)
    assert len(expected["ranked"]) == 16 and expected["count_by_kind"]["publication"] == 9
    assert expected["count_by_kind_theme"] == {"publication": 5, "practice": 1} and len(expected["among"]) == 3
    assert len(expected["ranked_theme"]) == 6 and len(expected["ranked_theme_practices"]) == 4

    compute()

    assert kept_answers(tree) == expected


@pytest.mark.parametrize(
    "tree", [Term("gezin"), All((Term("schol"), Term("gezin"))), Any((Term("gezin"), All((Term("gezin"), Term("schol")))))]
)
def test_the_kept_answers_of_any_query_tree_equal_the_engines(library, tree):
    expected = engine_answers(tree)
    assert expected["count_by_kind"]["publication"] >= 4

    compute(warm.key_of(tree))

    assert warm.tree_of(warm.key_of(tree)) == tree
    assert kept_answers(tree) == expected


@pytest.mark.parametrize("text", ['"gezin"', '("a" AND "b")', '(("a" OR ("b" AND "c")) OR "d")'])
def test_a_kept_tree_reads_back_from_the_engines_syntax(text):
    from sitesearch.analysis import from_fts5

    assert from_fts5(text).fts5() == text


@pytest.mark.parametrize("text", ['"a" "b"', '("a" AND "b" OR "c")', "(", '("a"'])
def test_anything_else_is_not_a_kept_tree(text):
    from sitesearch.analysis import from_fts5

    with pytest.raises((ValueError, IndexError)):
        from_fts5(text)


def test_a_visitors_search_for_a_frequent_word_is_noted_and_the_worker_computes_it(library, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        search("gezin")
        search("school gezin")  # two words: kept under their tree
        search("verband")  # one match: not frequent
    assert [c.__self__ for c in callbacks if hasattr(c, "__self__")] == [warm_answers] * 2
    answers = {answer.term: answer for answer in WarmAnswer.objects.all()}
    assert set(answers) == {"gezin", '("schol" AND "gezin")'}
    assert answers["gezin"].searched_on == timezone.localdate()
    assert answers["gezin"].counts == {**answers["gezin"].counts, "publication": 9, "practice": 4, "organisation": 2, "page": 1}
    assert answers['("schol" AND "gezin")'].counts["publication"] == 4


def test_a_kept_answer_spares_the_engine_and_gives_the_same_page(library, client):
    before = client.get("/zoeken/", {"q": "gezin"}).content.decode()
    before_theme = client.get("/zoeken/", {"q": "gezin", "thema": "armoede"}).content.decode()
    compute()
    listing.forget()
    search_cache.forget()

    with CaptureQueriesContext(connection) as queries:
        after = client.get("/zoeken/", {"q": "gezin"}).content.decode()
        after_theme = client.get("/zoeken/", {"q": "gezin", "thema": "armoede"}).content.decode()
        toolbox = client.get("/toolbox/", {"q": "gezin"})
    assert not [q["sql"] for q in queries if FULL_TEXT in q["sql"]]
    assert after == before
    assert after_theme == before_theme
    shown = strip_tags(after_theme)
    assert "Gezin in armoede" in shown and "Rapport 4" in shown and "Gezin en school" not in shown
    shown = strip_tags(toolbox.content.decode())
    assert all(p.title in shown for p in library["titles"] + library["body"]) and "Iets anders" not in shown


def test_a_change_makes_the_kept_answer_unused_until_the_worker_has_run(library, client, django_capture_on_commit_callbacks):
    compute()
    hidden = library["titles"][0]
    with django_capture_on_commit_callbacks() as callbacks:
        hidden.unpublish()
        new = PublicationFactory(title="Gezin in beweging", description="Een gezin verhuist.")
    assert warm_answers in [getattr(c, "__self__", None) for c in callbacks], "the worker is asked to compute again"

    assert warm.answer(Term("gezin"), ["publication"]) is None
    page = strip_tags(client.get("/zoeken/", {"q": "gezin", "soort": "publication"}).content.decode())
    assert "Gezin in beweging" in page and hidden.title not in page
    toolbox = strip_tags(client.get("/toolbox/", {"q": "gezin"}).content.decode())
    assert "Gezin in beweging" in toolbox and hidden.title not in toolbox

    assert warm_answers.call() == 1
    warm.forget()
    found = warm.answer(Term("gezin"), ["publication"])
    assert found is not None
    assert new.pk in found.matching("publication") and hidden.pk not in found.matching("publication")
    assert kept_answers(Term("gezin")) == engine_answers(Term("gezin"))
    assert warm_answers.call() == 0  # nothing changed since


def test_the_toolbox_ranks_filtered_results_from_the_kept_best_when_enough_of_them_pass(library):
    poverty_ids = {p.pk for p in library["body"]}
    compute()
    listing.forget()

    from toolbox.search import PublicationSearch

    search_ = PublicationSearch({"q": "gezin", "thema": "armoede"})
    with CaptureQueriesContext(connection) as queries:
        ids = search_.ids(0, 20)
    assert set(ids) == poverty_ids
    assert not [q["sql"] for q in queries if FULL_TEXT in q["sql"]]
    expected = [pk for _d, _k, pk, _s in engine.ranked(Term("gezin"), kinds=["publication"], limit=200) if pk in poverty_ids]
    assert ids == expected


def test_words_nobody_searched_for_a_month_are_dropped(library):
    compute()
    WarmAnswer.objects.create(term="school", searched_on=timezone.localdate() - datetime.timedelta(days=31))
    WarmAnswer.objects.create(term="rapport", searched_on=timezone.localdate() - datetime.timedelta(days=29))

    assert warm.refresh() == 1  # "rapport"; "gezin" is up to date
    assert sorted(WarmAnswer.objects.values_list("term", flat=True)) == ["gezin", "rapport"]


def test_a_stale_answer_is_never_used_even_when_the_process_has_read_it(library):
    compute()
    assert warm.answer(Term("gezin"), ["publication"]) is not None
    PublicationFactory(title="Nog een gezin")
    # Read a moment ago and kept in this process; the stamps moved, so it is not used.
    assert warm.answer(Term("gezin"), ["publication"]) is None
    assert warm.answer(Term("gezin"), ["practice"]) is not None  # practices did not change
    assert warm.answer(Term("gezin"), registry.names()) is None


def test_matches_read_later_come_from_the_same_computation_or_from_the_engine(library):
    compute()
    found = warm.answer(Term("gezin"), ["publication"])  # the counts and the best 200, kept by the process
    warm.compute("gezin")  # the worker writes the answer again before the process reads the matches

    with CaptureQueriesContext(connection) as queries:
        ids = warm.matching(Term("gezin"), "publication")
    assert sorted(ids) == sorted(engine.matching(Term("gezin"), "publication"))
    assert [q["sql"] for q in queries if FULL_TEXT in q["sql"]], "the engine answered"
    with CaptureQueriesContext(connection) as queries:
        assert sorted(warm.matching(Term("gezin"), "publication")) == sorted(ids)
    assert not [q["sql"] for q in queries if FULL_TEXT in q["sql"]], "the new answer is read next time"
    with pytest.raises(warm.Changed):
        found.matching("publication")

    poverty = Theme.objects.get(slug="armoede").pk
    found = warm.answer(Term("gezin"), registry.names())
    warm.compute("gezin")
    expected = engine.ranked(Term("gezin"), kinds=registry.names(), theme_id=poverty, limit=200)
    assert warm.ranked(Term("gezin"), kinds=registry.names(), theme_id=poverty, limit=200) == expected
    with pytest.raises(warm.Changed):
        found.ranked(registry.names(), 200, poverty)


def test_answers_kept_before_the_themes_were_kept_leave_a_search_within_a_theme_to_the_engine_and_the_worker_updates_them(
    library, django_capture_on_commit_callbacks
):
    compute()
    WarmAnswer.objects.update(theme_offsets={}, theme_best=b"", theme_scores=b"")
    warm.forget()
    poverty = Theme.objects.get(slug="armoede").pk
    expected = engine.ranked(Term("gezin"), kinds=registry.names(), theme_id=poverty, limit=200)

    with django_capture_on_commit_callbacks() as callbacks, CaptureQueriesContext(connection) as queries:
        rows = warm.ranked(Term("gezin"), kinds=registry.names(), theme_id=poverty, limit=200)
    assert [q["sql"] for q in queries if FULL_TEXT in q["sql"]], "the engine answered"
    assert rows == expected and len(rows) == 6
    assert [getattr(c, "__self__", None) for c in callbacks] == [warm_answers], "the worker is asked to compute it again"

    assert warm_answers.call() == 1  # the documents did not change: only the lists per theme were missing
    warm.forget()
    with CaptureQueriesContext(connection) as queries:
        assert warm.ranked(Term("gezin"), kinds=registry.names(), theme_id=poverty, limit=200) == expected
    assert not [q["sql"] for q in queries if FULL_TEXT in q["sql"]]


@pytest.mark.parametrize(
    ("values", "size"),
    [
        ([], 2),
        ([0], 2),
        ([1, 2, 65535], 2),
        ([65536], 4),
        ([2**32 - 1], 4),
        ([2**32], 8),
        ([-1, 5], 8),
        (list(range(0, 10**6, 997)), 4),
    ],
)
def test_kept_numbers_come_back_as_they_were_stored_in_the_smallest_type(values, size):
    packed = warm._pack(values)
    assert warm._unpack(packed).tolist() == values
    assert len(packed) == 1 + size * len(values)
    ascending = sorted(set(values))
    assert list(itertools.accumulate(warm._unpack(warm._pack(warm._differences(ascending))))) == ascending


def test_a_search_still_answers_when_noting_the_word_fails(library, client, monkeypatch):
    from django.db import OperationalError
    from django.db.models import QuerySet

    update = QuerySet.update

    def busy(queryset, **kwargs):
        if queryset.model is WarmAnswer:
            raise OperationalError("database is locked")
        return update(queryset, **kwargs)

    monkeypatch.setattr(QuerySet, "update", busy)
    response = client.get("/zoeken/", {"q": "gezin"})

    assert response.status_code == 200
    assert "Gezin en school 1" in strip_tags(response.content.decode())
    assert not WarmAnswer.objects.exists()
