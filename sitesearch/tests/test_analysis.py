"""The Dutch analysis on its own: what a word becomes, and which queries meet which texts."""

import pytest

from sitesearch import analysis
from sitesearch.analysis import All, Analyzer, Any, Decompounder, Term, base_words, content_tokens, normalise, stem
from sitesearch.query import mark, parse
from sitesearch.synonyms import Synonyms
from sitesearch.synonyms import parse as parse_synonyms
from sitesearch.vocabulary import Vocabulary

CORPUS = """
Ouders van tieners praten samen over opvoeding. Ondersteuning bij de opvoeding voor gezinnen.
Het centrum voor leerlingenbegeleiding helpt leerlingen. Kinderen spelen in de opvang. België.
Tienerouders krijgen hulp. Opvoedingsondersteuning en gezinsondersteuning in de buurt.
"""


def vocabulary(text=CORPUS) -> Vocabulary:
    df = {}
    for word in set(content_tokens(text)):
        if word.isalpha() and len(word) >= 3:
            df[word] = df.get(word, 0) + 1
    return Vocabulary(stamp=0, df=df)


def no_synonyms() -> Synonyms:
    return Synonyms(stamp=0, groups=[])


def matches(tree, terms: set) -> bool:
    """Evaluate a query tree against a document's terms, as the engines do."""
    if isinstance(tree, Term):
        return tree.stem in terms
    if isinstance(tree, All):
        return all(matches(c, terms) for c in tree.children)
    if isinstance(tree, Any):
        return any(matches(c, terms) for c in tree.children)
    raise TypeError(tree)


def finds(query: str, text: str, vocab=None, groups=None) -> bool:
    vocab = vocab or vocabulary()
    parsed = parse(query, vocab, groups or no_synonyms())
    return matches(parsed.tree, set(vocab.analyzer.terms(text)))


def test_accents_and_capitals_do_not_matter():
    assert normalise("België") == normalise("Belgie") == "belgie"
    assert normalise("Crèche") == "creche"
    assert content_tokens("Ĳsselstein CLB's") == ["ijsselstein", "clb"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ouders", "ouder"),
        ("opvoeden", "opvoeding"),
        ("opvoedingen", "opvoeding"),
        ("gezinnen", "gezin"),
        ("huizen", "huis"),
        ("kinderen", "kind"),
        ("kindjes", "kind"),
        ("scheiding", "scheiden"),
        ("tieners", "tiener"),
        ("scholen", "school"),
        ("ondersteunen", "ondersteuning"),
    ],
)
def test_inflected_forms_share_a_stem(a, b):
    assert stem(a) == stem(b)


def test_stop_words_are_dropped():
    assert content_tokens("Ondersteuning bij de opvoeding van het kind") == ["ondersteuning", "opvoeding", "kind"]


@pytest.mark.parametrize(
    ("compound", "parts"),
    [
        ("opvoedingsondersteuning", ("opvoeding", "ondersteuning")),
        ("tienerouders", ("tiener", "ouders")),
        ("gezinsondersteuning", ("gezin", "ondersteuning")),
        ("leerlingenbegeleiding", ("leerling", "begeleiding")),
        ("kinderopvang", ("kinder", "opvang")),
    ],
)
def test_compounds_split_at_their_linking_elements(compound, parts):
    assert Decompounder().split(compound) == parts


def test_simple_and_short_words_are_not_split():
    decompounder = Decompounder({"onder": 3, "steuning": 1, "huis": 5})
    assert decompounder.split("ondersteuning") is None  # a base word
    assert decompounder.split("huisje") is None  # shorter than eight letters
    assert decompounder.split("zonnebloemwerking") is None  # zonnebloem is not known


def test_corpus_words_are_known_parts_and_frequent_parts_win():
    assert Decompounder({"babymassage": 1}).split("babymassage") is None
    assert Decompounder({"massage": 2}).split("babymassage") == ("baby", "massage")
    assert Decompounder({"buurt": 9, "huis": 9, "thuis": 3}).split("buurthuis") == ("buurt", "huis")


def test_a_document_is_indexed_with_the_compound_and_its_parts():
    terms = Analyzer(Decompounder()).terms("Opvoedingsondersteuning voor tienerouders")
    assert terms == ["opvoedingsondersteun", "opvoed", "ondersteun", "tienerouder", "tiener", "ouder"]


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("opvoedingsondersteuning", "ondersteuning bij de opvoeding"),
        ("ondersteuning bij de opvoeding", "opvoedingsondersteuning"),
        ("tienerouders", "ouders van tieners"),
        ("ouders van tieners", "tienerouders"),
        ("ouders", "een ouder"),
        ("opvoeden", "de opvoeding"),
        ("Belgie", "in België"),
        ("gezinnen", "elk gezin"),
        ("ondersteuning", "gezinsondersteuning"),
    ],
)
def test_query_and_text_meet_both_ways(query, text):
    assert finds(query, text)


def test_every_word_of_the_query_must_match():
    assert not finds("tieners kinderopvang", "ouders van tieners")


def test_a_typo_is_corrected_to_the_closest_indexed_word():
    vocab = vocabulary()
    parsed = parse("opvoedign", vocab, no_synonyms())
    assert parsed.corrections == {"opvoedign": "opvoeding"}
    assert parsed.suggestion == "opvoeding"
    assert finds("opvoedign", "over opvoeding", vocab)


def test_a_typo_in_a_part_of_a_compound_is_corrected():
    vocab = vocabulary()
    parsed = parse("tienerouers", vocab, no_synonyms())
    assert parsed.suggestion == "tienerouders"
    assert finds("tienerouers", "ouders van tieners", vocab)


def test_known_words_and_short_words_are_never_corrected():
    vocab = vocabulary()
    assert parse("opvoeding", vocab, no_synonyms()).corrections == {}
    assert parse("opvoedingsondersteuning", vocab, no_synonyms()).corrections == {}  # its parts are known
    assert parse("xyz", vocab, no_synonyms()).corrections == {}


def test_a_synonym_or_abbreviation_finds_the_other_members_both_ways():
    groups = Synonyms(stamp=0, groups=parse_synonyms(["CLB, centrum voor leerlingenbegeleiding", "HvhK\nHuis van het Kind"]))
    assert finds("CLB", "het centrum voor leerlingenbegeleiding", groups=groups)
    assert finds("centrum voor leerlingenbegeleiding", "bel het CLB", groups=groups)
    assert finds("hvhk gent", "Huis van het Kind Gent", groups=groups)
    assert not finds("CLB", "een centrum in de buurt", groups=groups)


def test_synonym_groups_skip_empty_and_single_members():
    groups = parse_synonyms(["CLB", " , ,", "a, b", "Crèche,  kinderopvang ,\n opvang"])
    assert [g.members for g in groups] == [(("creche",), ("kinderopvang",), ("opvang",))]


def test_query_syntax_is_only_ever_quoted_terms():
    vocab = vocabulary()
    parsed = parse("ouders OR NOT near tieners", vocab, no_synonyms())
    assert parsed.tree.fts5() == '("ouder" AND "or" AND "not" AND "near" AND "tiener")'
    assert parsed.tree.tsquery() == "(ouder & or & not & near & tiener)"


def test_a_query_of_stop_words_searches_nothing():
    assert parse("de het een", vocabulary(), no_synonyms()).tree is None


def test_highlight_marks_words_by_their_stem_and_escapes_the_text():
    vocab = vocabulary()
    stems = parse("ouders opvoedingsondersteuning", vocab, no_synonyms()).stems
    html = mark("<b>Een ouder</b> vraagt ondersteuning bij de opvoeding & meer.", stems, vocab.analyzer)
    assert html == (
        "&lt;b&gt;Een <mark>ouder</mark>&lt;/b&gt; vraagt <mark>ondersteuning</mark> bij de <mark>opvoeding</mark> &amp; meer."
    )


def test_a_snippet_is_bounded_and_shows_the_best_passage():
    vocab = vocabulary()
    text = "Inleiding zonder treffers. " * 40 + "Hier gaat het over tienerouders en hun kinderen. " + "Slot. " * 100
    html = mark(text, parse("tienerouders", vocab, no_synonyms()).stems, vocab.analyzer, length=120)
    assert "<mark>tienerouders</mark>" in html
    assert html.startswith("…") and html.endswith("…")
    assert len(html.replace("<mark>", "").replace("</mark>", "")) <= 122


def test_the_shipped_word_list_is_plain_and_simple():
    words = base_words()
    assert {"opvoeding", "ondersteuning", "tiener", "ouders", "gezin"} <= words
    assert all(w.isalpha() and w == normalise(w) for w in words)


def test_the_stemmer_is_the_compiled_snowball_and_stems_like_the_pure_python_one():
    """PyStemmer runs the same Snowball algorithm 40 times faster (site search snippets stem every
    word they show); a missing wheel would fall back silently, so this checks it is there."""
    from snowballstemmer.dutch_porter_stemmer import DutchPorterStemmer

    assert type(analysis._stemmer).__module__ == "Stemmer"
    pure = DutchPorterStemmer()
    words = "opvoedingsondersteuning ouders gezinnen kinderen huizen brieven kindjes begeleidt scheiding belgie tieners"
    for word in words.split():
        assert analysis._stemmer.stemWord(word) == pure.stemWord(word), word


def test_the_words_found_for_highlighting_are_those_a_word_by_word_reading_finds():
    """query._matches looks only for the distinct words that match; a plain reading of every
    word (the way it was written first) must find the same places and stems."""
    import random
    import re

    from sitesearch.query import _matches

    vocab = vocabulary()
    analyzer = vocab.analyzer
    words = (
        CORPUS.split()
        + ["Gezin", "gezinnen,", "OUDER", "ouder_s", "ouders2", "België", "Belgie", "tiener-ouders", "(opvoeding)"]
        + ["gezinsondersteuning.", "kinder opvang", "ó", "ouders'", "l'ouder", "x" * 40]
    )
    rng = random.Random(4)  # noqa: S311 - test data
    for query in ["ouders", "gezin", "opvoedingsondersteuning", "tienerouders kinderen", "belgie", "ouders gezin opvang"]:
        stems = parse(query, vocab, no_synonyms()).stems
        for _ in range(30):
            text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 120)))
            plain = []
            for m in re.finditer(r"\w+", text):
                hit = analyzer.surface_terms(m.group()) & stems
                if hit:
                    plain.append((m.start(), m.end(), hit))
            assert _matches(text, stems, analyzer) == plain, (query, text)
