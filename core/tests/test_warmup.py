"""A new web worker builds every in-memory index before its first request (deploy/gunicorn.conf.py)."""

import gc

import pytest

from core import fragments, warmup
from core.facets import StampedIndex

pytestmark = pytest.mark.django_db


def test_warm_builds_every_index_so_the_first_request_finds_them_built(client):
    for kind in StampedIndex.kinds:
        kind.forget()
    fragments.release.cache_clear()
    thresholds = gc.get_threshold()
    try:
        took = warmup.warm()
        # A worker collects young cycles after 50,000 allocations, not 700 (the bench: 18 -> 11 ms of
        # CPU per request in the mix); the older generations keep their defaults.
        assert gc.get_threshold() == (warmup.GC_FIRST_THRESHOLD, *thresholds[1:])
    finally:
        gc.unfreeze()  # the test process keeps collecting as usual
        gc.set_threshold(*thresholds)
    names = {kind.__name__ for kind in StampedIndex.kinds}
    assert {"FacetIndex", "PublicationIndex", "EventIndex", "DossierDirectory"} <= names == set(took) - {"release"}
    assert fragments.release.cache_info().currsize == 1  # the stored fragments' release digest, read once
    built = {kind: kind._built for kind in StampedIndex.kinds}
    assert all(built.values())

    for path in ("/praktijken/", "/toolbox/", "/agenda/"):
        assert client.get(path).status_code == 200
    assert all(kind._built is index for kind, index in built.items())  # nothing was built again
