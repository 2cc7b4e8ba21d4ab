"""A new web worker builds every in-memory index before its first request (deploy/gunicorn.conf.py)."""

import gc

import pytest

from core import warmup
from core.facets import StampedIndex

pytestmark = pytest.mark.django_db


def test_warm_builds_every_index_so_the_first_request_finds_them_built(client):
    for kind in StampedIndex.kinds:
        kind.forget()
    try:
        took = warmup.warm()
    finally:
        gc.unfreeze()  # the test process keeps collecting as usual
    names = {kind.__name__ for kind in StampedIndex.kinds}
    assert {"FacetIndex", "PublicationIndex", "EventIndex", "DossierDirectory"} <= names == set(took)
    built = {kind: kind._built for kind in StampedIndex.kinds}
    assert all(built.values())

    for path in ("/praktijken/", "/toolbox/", "/agenda/"):
        assert client.get(path).status_code == 200
    assert all(kind._built is index for kind, index in built.items())  # nothing was built again
