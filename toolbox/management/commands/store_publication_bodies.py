"""Store the public pages' bodies of every public publication that has none or a stale one.

The task worker does this for each publication that changes. A new release makes every stored body
stale, so `make run` and `make serve` ask the worker for it at start-up (--background); run it
yourself after a bulk load that bypassed the models. Pages render a missing body themselves
meanwhile (at 100,000 publications the worker takes some ten minutes for all of them)."""

from core.management.bodies import StoreBodiesCommand
from toolbox.body import store
from toolbox.models import Publication
from toolbox.tasks import store_publication_bodies


class Command(StoreBodiesCommand):
    help = "Store the public pages' bodies (every site language) of public publications that lack a current one."
    model, store, task, plural = Publication, staticmethod(store), store_publication_bodies, "publications"
