"""In-memory facet indexes: bitsets over the public objects of one kind, rebuilt when the kind's
version stamp (core.versions) moves.

Every public object gets a bit position in the listing's default order (0 = first). A facet option
is a Python int used as a bitset over those positions, so a filter is `&` and a count is
`(candidates & option).bit_count()`: microseconds per option, whatever the number of objects, and
no query at all. A subclass builds its options in `build()`; `StampedIndex.current()` returns the
index of the current stamp, building it at most once per process and change.

Converting between lists and bitsets is where the time goes at 100,000 objects; `mask_of` and
`positions_of` do it with C-level loops (map, translate, compress) instead of Python ones.
"""

import re
import threading
import time
from itertools import compress, count, repeat

from . import versions
from .lru import LRU

_BITS = bytes.maketrans(b"01", b"\0\1")


def mask_of(positions, nbits: int) -> int:
    """The bitset with these positions set. Every position is below nbits, or nbits itself: the
    overflow slot, for "not in the index", which is dropped."""
    digits = bytearray(b"0") * (nbits + 1)
    list(map(digits.__setitem__, positions, repeat(49)))  # "1"; index nbits is the overflow slot
    digits.reverse()
    return int(digits, 2) & ((1 << nbits) - 1)


# A sparse bitset (a few hundred results among 100,000) is read by its non-zero bytes: the regular
# expression skips the zero bytes in C, and each byte found gives its bits from a table. Denser
# than one bit in SPARSE_RATIO, every bit is read (the compress over all of them is then cheaper).
SPARSE_RATIO = 24
_NONZERO_BYTE = re.compile(rb"[^\x00]")
_BYTE_BITS = [tuple(bit for bit in range(8) if value >> bit & 1) for value in range(256)]


def positions_of(mask: int) -> list[int]:
    """The set positions of a bitset, lowest first."""
    if mask.bit_count() * SPARSE_RATIO >= mask.bit_length():
        return list(compress(count(), bin(mask)[:1:-1].encode().translate(_BITS)))
    data = mask.to_bytes((mask.bit_length() + 7) // 8, "little")
    found: list[int] = []
    extend = found.extend
    for match in _NONZERO_BYTE.finditer(data):
        byte = match.start()
        extend([byte * 8 + bit for bit in _BYTE_BITS[data[byte]]])
    return found


def first_positions(mask: int, limit: int) -> list[int]:
    """The lowest `limit` set positions of a bitset, converting only as much of it as they need:
    the first page of a listing of 100,000 objects reads a few hundred bits, not all of them."""
    width = 256
    while True:
        part = mask & ((1 << width) - 1)
        if part == mask or part.bit_count() >= limit:
            return positions_of(part)[:limit]
        width *= 8


class StampedIndex:
    """Base of an index built from the database at one version stamp. Subclasses set STAMP and
    implement build(); `ids` (object ids in position order) and `position` come from `place()`."""

    STAMP = ""
    _lock = threading.Lock()

    kinds: list = []  # every subclass, for core.warmup

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._built = None
        cls._lock = threading.Lock()
        StampedIndex.kinds.append(cls)

    @classmethod
    def version_now(cls):
        """The stamp the index must have been built at (a subclass may combine several)."""
        return versions.current(cls.STAMP)

    @classmethod
    def current(cls):
        version = cls.version_now()
        index = cls._built
        if index is None or index.version != version:
            with cls._lock:
                index = cls._built
                if index is None or index.version != version:
                    index = cls._built = cls(version)
        return index

    @classmethod
    def forget(cls):
        cls._built = None

    MASKS_CACHED = 64  # text matches kept as bitsets: 12.5 KB each at 100,000 objects
    KEPT = 64  # other results computed from a bitset (a facet's top list), per index

    def __init__(self, version: int):
        started = time.perf_counter()
        self.version = version
        self._masks = LRU(self.MASKS_CACHED)
        self._kept = LRU(self.KEPT)
        self.build()
        self.build_seconds = time.perf_counter() - started

    def build(self):  # pragma: no cover - every subclass has its own
        raise NotImplementedError

    def place(self, ids: list[int]) -> None:
        """Give the objects their positions: the order of `ids`."""
        self.ids = list(ids)
        self.position = {pk: i for i, pk in enumerate(self.ids)}
        self.size = len(self.ids)
        self.everything = (1 << self.size) - 1
        # The same as a list indexed by id (the overflow slot `size` for ids not in the index), when
        # the ids are dense enough: turning 33,000 matches into a bitset reads it in a third of the
        # time the dict takes (bench/toolbox_bench.py).
        top = max(self.ids, default=0)
        self._position_table = None
        if isinstance(top, int) and min(self.ids, default=0) >= 0 and top <= 4 * self.size + 1000:
            table = [self.size] * (top + 1)
            for pk, i in self.position.items():
                table[pk] = i
            self._position_table = table

    def cached_mask(self, key, compute) -> int:
        """A bitset computed once per key while this index lives (the listing's text matches:
        the key carries the query and the stamp of the search documents)."""
        return self._masks.get(key, compute)

    def kept(self, key, compute):
        """A value computed once per key while this index lives; the key must hold everything the
        value depends on (the candidates bitset itself, not a hash of it)."""
        return self._kept.get(key, compute)

    def forget_masks(self) -> None:
        self._masks.clear()
        self._kept.clear()

    def mask_of_positions(self, positions) -> int:
        return mask_of(positions, self.size)

    def mask_of_ids(self, ids) -> int:
        """The bitset of these object ids (ids that are not in the index are left out). Fastest
        for ids in ascending order (the search's matches come that way)."""
        table, size = self._position_table, self.size
        if table is not None:
            ids = ids if isinstance(ids, list) else list(ids)
            digits = bytearray(b"0") * (size + 1)  # as mask_of; index `size` is the overflow slot
            try:
                for pk in ids:
                    digits[table[pk]] = 49
            except (IndexError, TypeError):
                table = None  # an id beyond the table (or not an int): the dict below answers
            else:
                digits.reverse()
                return int(digits, 2) & ((1 << size) - 1)
        return mask_of(map(self.position.get, ids, repeat(size)), size)

    def group(self, pairs) -> dict:
        """{value: bitset} from (object id, value) pairs; objects outside the index are skipped."""
        position, size = self.position, self.size
        found: dict = {}
        for pk, value in pairs:
            i = position.get(pk)
            if i is not None:
                found.setdefault(value, []).append(i)
        return {value: mask_of(found_positions, size) for value, found_positions in found.items()}

    def in_order(self, mask: int, stop: int | None = None) -> list[int]:
        """The object ids of a bitset in position order (only the first `stop` if given)."""
        positions = positions_of(mask) if stop is None else first_positions(mask, stop)
        return list(map(self.ids.__getitem__, positions))

    def sorted_by(self, mask: int, rank: list[int]) -> list[int]:
        """The object ids of a bitset ordered by a rank per position."""
        return list(map(self.ids.__getitem__, sorted(positions_of(mask), key=rank.__getitem__)))

    @staticmethod
    def counts(base: int, masks: dict) -> dict:
        """{value: number of `base` objects with that value}."""
        return {value: (base & mask).bit_count() for value, mask in masks.items()}


class Results:
    """A listing's results as a lazy sequence of ids: len() is the bit count of the search's
    `candidates()`, a slice asks the search for just those `ids(start, stop)` (a page ranks or
    sorts only what it shows; an export takes them all)."""

    def __init__(self, search):
        self.search = search
        self._count = None

    def __len__(self):
        if self._count is None:
            self._count = self.search.candidates().bit_count()
        return self._count

    def count(self):
        return len(self)

    def __getitem__(self, item):
        if isinstance(item, int):
            ids = self[item : item + 1]
            if not ids:
                raise IndexError(item)
            return ids[0]
        start, stop, step = item.indices(len(self))
        return self.search.ids(start, stop)[::step] if stop > start else []

    def __iter__(self):
        return iter(self[0 : len(self)])
