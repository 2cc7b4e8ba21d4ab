"""Synonym groups kept by editors, applied to queries: a word or phrase of a group in the query
becomes (any member of the group). Held per process at the `search` stamp, like the vocabulary."""

import threading
from dataclasses import dataclass

from core import versions

from .analysis import content_tokens, stem
from .vocabulary import STAMP


@dataclass(frozen=True)
class Group:
    members: tuple[tuple[str, ...], ...]  # each member as its content words (normalised)


@dataclass
class Synonyms:
    stamp: int
    groups: list[Group]

    def __post_init__(self):
        # stem sequence of a member -> the groups it belongs to
        self._index: dict[tuple[str, ...], list[Group]] = {}
        for group in self.groups:
            for member in group.members:
                self._index.setdefault(tuple(stem(w) for w in member), []).append(group)
        self._longest = max((len(k) for k in self._index), default=0)

    def match(self, stems: list[str], start: int) -> tuple[list[Group], int]:
        """The groups whose longest member starts the stem sequence at `start`, and its length."""
        for length in range(min(self._longest, len(stems) - start), 0, -1):
            groups = self._index.get(tuple(stems[start : start + length]))
            if groups:
                return groups, length
        return [], 0


def parse(texts) -> list[Group]:
    """Groups from the editors' texts; members without content words, and groups of one, are skipped."""
    groups = []
    for text in texts:
        members = []
        for line in text.splitlines():
            for raw in line.split(","):
                words = tuple(content_tokens(raw))
                if words and words not in members:
                    members.append(words)
        if len(members) > 1:
            groups.append(Group(tuple(members)))
    return groups


_lock = threading.Lock()
_cached: Synonyms | None = None


def current(stamp: int | None = None) -> Synonyms:
    global _cached
    stamp = versions.current(STAMP) if stamp is None else stamp
    cached = _cached
    if cached is not None and cached.stamp == stamp:
        return cached
    from .models import Synonym

    synonyms = Synonyms(stamp=stamp, groups=parse(Synonym.objects.values_list("terms", flat=True)))
    with _lock:
        _cached = synonyms
    return synonyms


def forget() -> None:
    global _cached
    with _lock:
        _cached = None
