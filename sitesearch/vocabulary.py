"""The vocabulary of the public index, held in memory per process and reloaded when it changes.

Every write to the index or the synonyms renews the `search` version stamp (core.versions) in the
same transaction; a process compares it on each use, one small query, so a word that left the
index can never come back as a suggestion, in any process.
"""

import threading
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import OSA

from core import versions

from .analysis import Analyzer, Decompounder, stem

STAMP = "search"
MIN_CORRECTABLE = 4  # shorter words are never corrected: too many neighbours


@dataclass
class Vocabulary:
    stamp: int
    df: dict[str, int]  # normalised word -> number of documents it occurs in
    stems: set[str] = field(default_factory=set)

    def __post_init__(self):
        self.stems = {stem(w) for w in self.df} if not self.stems else self.stems
        self.decompounder = Decompounder(self.df)
        self.analyzer = Analyzer(self.decompounder)
        self._words = list(self.df)
        self._corrections: dict[str, str | None] = {}

    def knows(self, word: str) -> bool:
        """Whether a normalised query word can match: its stem, or all its compound parts, are indexed."""
        if stem(word) in self.stems or word.isdigit():
            return True
        parts = self.decompounder.split(word)
        return bool(parts) and all(self.knows(p) for p in parts)

    def correct(self, word: str) -> str | None:
        """The closest indexed word to an unknown one: one edit for short words, two from eight
        letters (a swap of two letters counts as one); the most frequent among the closest."""
        if word in self._corrections:
            return self._corrections[word]
        best = None
        if len(word) >= MIN_CORRECTABLE and word.isalpha():
            best = self._closest(word, 1 if len(word) < 8 else 2) or self._correct_part(word)
        self._corrections[word] = best
        return best

    def _closest(self, word: str, limit: int, words=None) -> str | None:
        matches = process.extract(word, words or self._words, scorer=OSA.distance, score_cutoff=limit, limit=None)
        return min(matches, key=lambda m: (m[1], -self.df.get(m[0], 0), m[0]))[0] if matches else None

    def _correct_part(self, word: str) -> str | None:
        """A compound no document has as one word, with a typo in one part: tiener + ouers -> tienerouders."""
        if len(word) < 8:
            return None
        known = self.decompounder.known
        # Parts may also be corrected to a shipped base word (public by nature).
        parts = self._words + sorted(self.decompounder.base - self.df.keys())
        for i in range(3, len(word) - 3):
            left, right = word[:i], word[i:]
            if known(left) and len(right) >= MIN_CORRECTABLE and not self.knows(right):
                fixed = self._closest(right, 1, parts)
                if fixed:
                    return left + fixed
            if known(right) and len(left) >= MIN_CORRECTABLE and not self.knows(left):
                fixed = self._closest(left, 1, parts)
                if fixed:
                    return fixed + right
        return None


_lock = threading.Lock()
_cached: Vocabulary | None = None


def current(stamp: int | None = None) -> Vocabulary:
    """The vocabulary at the current stamp (reloaded from the database when the stamp moved)."""
    global _cached
    stamp = versions.current(STAMP) if stamp is None else stamp
    cached = _cached
    if cached is not None and cached.stamp == stamp:
        return cached
    from .models import SearchTerm

    rows = SearchTerm.objects.filter(df__gt=0).values_list("term", "stem", "df")
    df, stems = {}, set()
    for term, term_stem, count in rows:
        df[term] = count
        stems.add(term_stem)
    vocabulary = Vocabulary(stamp=stamp, df=df, stems=stems or set())
    with _lock:
        _cached = vocabulary
    return vocabulary


def changed() -> None:
    """Call in the transaction that changes the index or the synonyms."""
    versions.bump(STAMP)


def forget() -> None:
    """Drop this process's copy (tests; after a rebuild in the same process)."""
    global _cached
    with _lock:
        _cached = None
