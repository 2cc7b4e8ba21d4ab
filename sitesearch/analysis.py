"""Dutch text analysis, done in Python so that SQLite (FTS5) and PostgreSQL index the same terms.

A word goes through: normalise (accents off, casefold: België = belgie), tokenise on [a-z0-9]+,
drop stop words, stem with Snowball's `dutch_porter` plus a few rules for irregular plurals and
diminutives, and split compounds into their parts (opvoedingsondersteuning = opvoeding + s +
ondersteuning). A document is indexed with the stem of each word and of each part of a compound;
a query word becomes (its stem OR all its parts), so both spellings find each other.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer

MAX_WORD_LENGTH = 40  # longer "words" are URLs, hashes or garbage: not indexed
MIN_COMPOUND_LENGTH = 8  # shorter words are not split
LINKERS = ("", "s", "e", "en")  # Dutch linking elements: opvoeding-s-ondersteuning, leerling-en-begeleiding
BASE_WORDS_FILE = Path(__file__).parent / "data" / "woorden.txt"

STOPWORDS = frozenset(
    [
        "aan",
        "al",
        "als",
        "bij",
        "dan",
        "dat",
        "de",
        "deze",
        "die",
        "dit",
        "door",
        "een",
        "en",
        "er",
        "geen",
        "had",
        "heb",
        "hebben",
        "heeft",
        "het",
        "hier",
        "hij",
        "hoe",
        "hun",
        "ik",
        "in",
        "is",
        "je",
        "jij",
        "jou",
        "jouw",
        "kan",
        "kunnen",
        "maar",
        "me",
        "meer",
        "men",
        "met",
        "mij",
        "mijn",
        "na",
        "naar",
        "niet",
        "nog",
        "of",
        "om",
        "ons",
        "onze",
        "ook",
        "op",
        "over",
        "te",
        "ten",
        "ter",
        "tot",
        "u",
        "uit",
        "uw",
        "van",
        "veel",
        "voor",
        "was",
        "wat",
        "we",
        "wel",
        "werd",
        "wie",
        "wij",
        "wil",
        "worden",
        "wordt",
        "zal",
        "ze",
        "zelf",
        "zich",
        "zij",
        "zijn",
        "zo",
        "zoals",
        "zonder",
    ]
)

_TOKEN = re.compile(r"[a-z0-9]+")
_stemmer = snowballstemmer.stemmer("dutch_porter")
# Plural or inflected stems Snowball leaves apart from their singular.
_IRREGULAR = {"kinder": "kind"}


def normalise(text: str) -> str:
    """Accents and other combining marks off, then casefold: 'België' -> 'belgie'."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.casefold()


def tokens(text: str) -> list[str]:
    """The words of a text, normalised; single letters dropped (the s of baby's), digits kept."""
    return [t for t in _TOKEN.findall(normalise(text)) if (len(t) > 1 or t.isdigit()) and len(t) <= MAX_WORD_LENGTH]


def content_tokens(text: str) -> list[str]:
    """The words of a text that carry meaning: tokens without stop words."""
    return [t for t in tokens(text) if t not in STOPWORDS]


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of a normalised word: Snowball dutch_porter, then rules for what it leaves apart.

    gezinnen -> gezin (double consonant), huizen -> huis and lezen -> lees (z/s), brieven -> brief (v/f),
    kindje(s) -> kind (diminutive), kinderen -> kind, scheiding -> scheid (like scheiden),
    begeleidt -> begeleid (verb -t after d)."""
    if word.isdigit():
        return word
    s = _stemmer.stemWord(word)
    if s.endswith("jes") and len(s) > 5:
        s = s[:-2]
    elif s.endswith("ys") and len(s) > 3:
        s = s[:-1]
    if s.endswith("ing") and len(s) >= 7:
        s = s[:-3]
    if s.endswith("tj") and len(s) > 5:
        s = s[:-2]
    elif s.endswith("j") and len(s) > 4 and s[-2] not in "aeiouy":
        s = s[:-1]
    if len(s) > 3 and s[-1] == s[-2] and s[-1] not in "aeiouy":
        s = s[:-1]
    if s.endswith("dt"):  # begeleidt, wordt: the verb's -t after its d
        s = s[:-1]
    if len(s) > 2 and s[-1] == "z":
        s = s[:-1] + "s"
    elif len(s) > 2 and s[-1] == "v":
        s = s[:-1] + "f"
    return _IRREGULAR.get(s, s)


@functools.lru_cache(maxsize=1)
def base_words() -> frozenset[str]:
    """The shipped list of simple Dutch words of family support (data/woorden.txt): never split,
    and always known as parts of compounds."""
    words = set()
    for line in BASE_WORDS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        words.update(tokens(line))
    return frozenset(words)


class Decompounder:
    """Splits compounds into known words, allowing the linking elements -s-, -e- and -en-.

    Known words are the shipped base words (from three letters) and the words of the indexed
    corpus (from four; `corpus_words` maps them to their document frequency). Base words are
    simple by definition and never split."""

    def __init__(self, corpus_words=(), base=None):
        self.base = base_words() if base is None else frozenset(base)
        df = corpus_words if isinstance(corpus_words, dict) else dict.fromkeys(corpus_words, 1)
        self.df = {w: n for w, n in df.items() if len(w) >= 4 and w.isalpha() and w not in STOPWORDS}
        self.corpus = frozenset(self.df)
        self._splits: dict[str, tuple | None] = {}

    def _frequency(self, word: str) -> int:
        return self.df.get(word, 0) + (2 if word in self.base else 0) or 1

    def known(self, word: str) -> bool:
        return (word in self.base and len(word) >= 3) or word in self.corpus

    def split(self, word: str) -> tuple[str, str] | None:
        """The best (modifier, head) split of a word, or None when it is simple or unknown."""
        if word in self._splits:
            return self._splits[word]
        self._splits[word] = None  # guards the recursion below
        best, best_key = None, None
        if len(word) >= MIN_COMPOUND_LENGTH and word not in self.base and word.isalpha():
            for i in range(3, len(word) - 2):
                left = word[:i]
                left_known = self.known(left)
                if not left_known and (len(left) < MIN_COMPOUND_LENGTH or not self.split(left)):
                    continue
                for linker in LINKERS:
                    if not word.startswith(linker, i):
                        continue
                    right = word[i + len(linker) :]
                    if len(right) < 3:
                        continue
                    right_known = self.known(right)
                    if not right_known and (len(right) < MIN_COMPOUND_LENGTH or not self.split(right)):
                        continue
                    # Prefer parts that are words themselves, then frequent parts (Koehn & Knight's
                    # geometric mean): buurt + huis rather than buur + thuis; then a longer head.
                    key = (left_known + right_known, self._frequency(left) * self._frequency(right), len(right))
                    if best_key is None or key > best_key:
                        best, best_key = (left, right), key
        self._splits[word] = best
        return best

    def parts(self, word: str) -> list[str]:
        """Every part of a compound, nested ones included (without the word itself)."""
        split = self.split(word)
        if not split:
            return []
        out = []
        for part in split:
            out.append(part)
            out.extend(self.parts(part))
        return out


class Analyzer:
    """Turns text into index terms with one decompounder (one version of the lexicon)."""

    def __init__(self, decompounder: Decompounder):
        self.decompounder = decompounder
        self._word_terms: dict[str, tuple[str, ...]] = {}
        self._surface: dict[str, frozenset[str]] = {}

    def word_terms(self, word: str) -> tuple[str, ...]:
        """The stem of a normalised word and the stems of its compound parts."""
        terms = self._word_terms.get(word)
        if terms is None:
            found = [stem(word)]
            for part in self.decompounder.parts(word):
                s = stem(part)
                if s not in found:
                    found.append(s)
            terms = self._word_terms[word] = tuple(found)
        return terms

    def surface_terms(self, raw: str) -> frozenset[str]:
        """The terms of a word as it stands in a text (any case or accents): for highlighting."""
        terms = self._surface.get(raw)
        if terms is None:
            terms = self._surface[raw] = frozenset(t for token in tokens(raw) for t in self.word_terms(token))
        return terms

    def terms_of(self, words) -> list[str]:
        """The index terms of content words, in order (compound parts follow their compound)."""
        out = []
        for word in words:
            out.extend(self.word_terms(word))
        return out

    def terms(self, text: str) -> list[str]:
        """The index terms of a text."""
        return self.terms_of(content_tokens(text))


# Query trees ------------------------------------------------------------------------------------
# Terms are [a-z0-9]+ by construction, so quoting them is all either engine's syntax needs.


@dataclass(frozen=True)
class Term:
    stem: str

    def fts5(self) -> str:
        return f'"{self.stem}"'

    def tsquery(self) -> str:
        return self.stem

    def stems(self) -> set[str]:
        return {self.stem}


@dataclass(frozen=True)
class All:
    children: tuple

    def fts5(self) -> str:
        return "(" + " AND ".join(c.fts5() for c in self.children) + ")"

    def tsquery(self) -> str:
        return "(" + " & ".join(c.tsquery() for c in self.children) + ")"

    def stems(self) -> set[str]:
        return set().union(*(c.stems() for c in self.children))


@dataclass(frozen=True)
class Any:
    children: tuple

    def fts5(self) -> str:
        return "(" + " OR ".join(c.fts5() for c in self.children) + ")"

    def tsquery(self) -> str:
        return "(" + " | ".join(c.tsquery() for c in self.children) + ")"

    def stems(self) -> set[str]:
        return set().union(*(c.stems() for c in self.children))


def from_fts5(text: str):
    """The tree whose fts5() is `text`: what sitesearch.warm keeps a query's answers under."""
    parts = re.findall(r'"[^"]*"|\(|\)|AND|OR', text)
    position = 0

    def node():
        nonlocal position
        part = parts[position]
        position += 1
        if part.startswith('"'):
            return Term(part[1:-1])
        if part != "(":
            raise ValueError(f"not a query tree: {text!r}")
        children, operator = [node()], None
        while parts[position] != ")":
            operator = operator or parts[position]
            if parts[position] != operator:
                raise ValueError(f"not a query tree: {text!r}")
            position += 1
            children.append(node())
        position += 1
        return (All if operator == "AND" else Any)(tuple(children))

    tree = node()
    if position != len(parts) or tree.fts5() != text:
        raise ValueError(f"not a query tree: {text!r}")
    return tree


def all_of(nodes) -> object:
    nodes = tuple(dict.fromkeys(nodes))
    return nodes[0] if len(nodes) == 1 else All(nodes)


def any_of(nodes) -> object:
    nodes = tuple(dict.fromkeys(nodes))
    return nodes[0] if len(nodes) == 1 else Any(nodes)
