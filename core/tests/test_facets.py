"""The bitset conversions every facet index relies on."""

import random

import pytest

from core.facets import mask_of, positions_of


@pytest.mark.parametrize("size", [0, 1, 7, 8, 9, 64, 1000, 20_000])
def test_positions_survive_the_round_trip(size):
    chosen = sorted(random.Random(size).sample(range(size), size // 3))  # noqa: S311 - test data
    assert positions_of(mask_of(chosen, size)) == chosen


def test_the_overflow_slot_is_dropped():
    assert positions_of(mask_of([0, 3, 10, 10], 10)) == [0, 3]
    assert mask_of([], 10) == 0
