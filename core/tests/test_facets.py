"""The bitset conversions every facet index relies on."""

import random

import pytest

from core.facets import first_positions, mask_of, positions_of


@pytest.mark.parametrize("size", [0, 1, 7, 8, 9, 64, 1000, 20_000])
def test_positions_survive_the_round_trip(size):
    chosen = sorted(random.Random(size).sample(range(size), size // 3))  # noqa: S311 - test data
    assert positions_of(mask_of(chosen, size)) == chosen


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
