"""The bitset conversions every facet index relies on."""

import random

import pytest

from core.facets import StampedIndex, first_positions, mask_of, positions_of


@pytest.mark.parametrize("size", [0, 1, 7, 8, 9, 64, 1000, 20_000])
def test_positions_survive_the_round_trip(size):
    chosen = sorted(random.Random(size).sample(range(size), size // 3))  # noqa: S311 - test data
    assert positions_of(mask_of(chosen, size)) == chosen


@pytest.mark.parametrize("density", [0.0002, 0.01, 0.04, 0.05, 0.3, 1.0])
def test_positions_are_read_alike_from_sparse_and_dense_bitsets(density):
    rng = random.Random(int(density * 10_000))  # noqa: S311 - test data
    for size in (1, 8, 9, 1000, 100_000):
        chosen = [i for i in range(size) if rng.random() < density]
        assert positions_of(mask_of(chosen, size)) == chosen, (size, density)
    assert positions_of(0) == []
    assert positions_of(1 << 99_999) == [99_999]


def test_the_overflow_slot_is_dropped():
    assert positions_of(mask_of([0, 3, 10, 10], 10)) == [0, 3]
    assert mask_of([], 10) == 0


def test_the_first_positions_of_a_bitset_are_its_lowest_set_bits():
    rng = random.Random(6)  # noqa: S311 - test data
    for size in (0, 1, 255, 256, 257, 5000, 100_000):
        for density in (0.0005, 0.01, 0.5, 1.0):
            positions = [i for i in range(size) if rng.random() < density]
            mask = mask_of(positions, size)
            for limit in (1, 20, 300, size + 1):
                assert first_positions(mask, limit) == positions[:limit], (size, density, limit)


def _index(ids) -> StampedIndex:
    """Positions placed without building from the database (and without a subclass, which
    core.warmup would try to build)."""
    index = StampedIndex.__new__(StampedIndex)
    index.place(ids)
    return index


@pytest.mark.parametrize("dense", [True, False])
def test_the_bitset_of_ids_holds_exactly_the_positions_of_the_ids_in_the_index(dense):
    rng = random.Random(dense)  # noqa: S311 - test data
    ids = rng.sample(range(1, 5000 if dense else 10**9), 3000)
    index = _index(ids)
    assert (index._position_table is not None) == dense
    outside = [max(ids) + 1, max(ids) + 10**6, *(i for i in range(1, 200) if i not in index.position)]
    for asked in (ids[:700], sorted(ids[::3]) + outside, outside, [], iter(ids[5:9] + outside[:1])):
        asked = list(asked)
        expected = sorted(index.position[pk] for pk in asked if pk in index.position)
        assert positions_of(index.mask_of_ids(asked)) == expected
        assert positions_of(index.mask_of_ids(iter(asked))) == expected
