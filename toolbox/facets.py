"""An in-memory facet index of the public publications (core.facets), rebuilt when the "toolbox"
version moves: type, year, theme and EXPOO as bitsets; authors as lists per publication, with
bitsets only for the most frequent authors (a bitset per author of a 100,000-publication library
would take hundreds of megabytes; see `top_authors`).

Only `Publication.objects.public()` enters the index: what is not public cannot be counted or found.
"""

import heapq
from collections import Counter
from itertools import chain

from django.db.models.signals import m2m_changed, post_delete, post_save

from core import versions
from core.facets import StampedIndex, positions_of
from core.models import Theme

from .models import Publication, PublicationAuthor, author_key

VERSION = "toolbox"
FREQUENT_AUTHORS = 300  # authors with a bitset of their own
TALLY_LIMIT = 20_000  # up to this many results, the author facet is counted one by one


class PublicationIndex(StampedIndex):
    STAMP = VERSION

    def build(self):
        rows = list(
            Publication.objects.public()
            .order_by("-year", "-first_published_at", "pk")
            .values_list("pk", "publication_type", "year", "is_expoo", "title")
        )
        self.place(row[0] for row in rows)
        n = self.size
        self.type = self.group((pk, kind) for pk, kind, _y, _e, _t in rows)
        self.year = self.group((pk, year) for pk, _k, year, _e, _t in rows)
        self.expoo = self.group((pk, True) for pk, _k, _y, expoo, _t in rows if expoo).get(True, 0)
        by_title = sorted(range(n), key=lambda i: (rows[i][4].casefold(), rows[i][0]))
        self.title_rank = [0] * n
        for rank, i in enumerate(by_title):
            self.title_rank[i] = rank
        through = Publication.themes.through
        self.theme = self.group(through.objects.values_list("publication_id", "theme_id").iterator(chunk_size=5000))
        self.theme_ids = dict(Theme.objects.values_list("slug", "pk"))

        authors_of = [() for _ in range(n)]
        positions: dict[str, list[int]] = {}
        self.author_labels = {}
        position = self.position
        number: dict[str, int] = {}  # author key -> a small int: tallies count ints, not strings
        self.author_keys = []
        for pk, name, given in PublicationAuthor.objects.values_list("publication_id", "name", "given_names").iterator(
            chunk_size=5000
        ):
            i = position.get(pk)
            if i is None:
                continue
            key = author_key(name, given)
            a = number.get(key)
            if a is None:
                a = number[key] = len(self.author_keys)
                self.author_keys.append(key)
                self.author_labels[key] = f"{given} {name}" if given else name
            if a not in authors_of[i]:
                authors_of[i] += (a,)
                positions.setdefault(key, []).append(i)
        self.authors_of = authors_of
        self.author_positions = positions
        self.author_total = Counter({key: len(found) for key, found in positions.items()})
        frequent = self.author_total.most_common(FREQUENT_AUTHORS + 1)
        self.frequent_authors = {key: self.mask_of_positions(positions[key]) for key, _n in frequent[:FREQUENT_AUTHORS]}
        # The most publications any author without a bitset has: a bound for the exact top list.
        self.rare_author_ceiling = frequent[FREQUENT_AUTHORS][1] if len(frequent) > FREQUENT_AUTHORS else 0

    def author(self, key: str) -> int:
        mask = self.frequent_authors.get(key)
        if mask is None:
            mask = self.mask_of_positions(self.author_positions.get(key, ()))
        return mask

    def top_authors(self, base: int, size: int) -> list[tuple[str, int]]:
        """`_top_authors`, kept per candidates bitset while this index lives (the unfiltered
        Toolbox, the same filters paged through)."""
        return self.kept(("top-authors", base, size), lambda: self._top_authors(base, size))

    def _top_authors(self, base: int, size: int) -> list[tuple[str, int]]:
        """The `size` authors with the most publications in `base`, exactly. A small result is
        counted publication by publication; a large one by the bitsets of the frequent authors,
        which is exact when the last of the top list has more results than any other author has
        publications at all (otherwise it is counted one by one after all)."""
        wanted = base.bit_count()
        if wanted > TALLY_LIMIT:
            counts = sorted(
                ((k, (base & m).bit_count()) for k, m in self.frequent_authors.items()), key=lambda kv: (-kv[1], kv[0])
            )
            top = [kv for kv in counts if kv[1]][:size]
            if len(top) == size and top[-1][1] > self.rare_author_ceiling:
                return top
        authors_of = self.authors_of
        tally = Counter(chain.from_iterable(map(authors_of.__getitem__, positions_of(base))))
        if not tally:
            return []
        # The size-th highest count, then only the authors reaching it are sorted (by name on ties).
        threshold = heapq.nlargest(size, tally.values())[-1]
        keys = self.author_keys
        best = [(keys[a], n) for a, n in tally.items() if n >= threshold]
        return sorted(best, key=lambda kv: (-kv[1], kv[0]))[:size]


def _changed(**kwargs):
    versions.bump(VERSION)


for _model in (Publication, PublicationAuthor, Theme):
    post_save.connect(_changed, sender=_model, dispatch_uid=f"toolbox-facets-save-{_model.__name__}")
    post_delete.connect(_changed, sender=_model, dispatch_uid=f"toolbox-facets-delete-{_model.__name__}")
m2m_changed.connect(_changed, sender=Publication.themes.through, dispatch_uid="toolbox-facets-themes")
