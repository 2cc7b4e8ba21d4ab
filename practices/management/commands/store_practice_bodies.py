"""Store the public pages' bodies of every public practice that has none or a stale one.

The task worker does this for each practice that changes. A new release makes every stored body
stale, so `make run` and `make serve` ask the worker for it at start-up (--background); run it
yourself after a bulk load that bypassed the models. Pages render a missing body themselves
meanwhile."""

from core.management.bodies import StoreBodiesCommand
from practices.body import store
from practices.models import Practice
from practices.tasks import store_practice_bodies


class Command(StoreBodiesCommand):
    help = "Store the public pages' bodies (every site language) of public practices that lack a current one."
    model, store, task, plural = Practice, staticmethod(store), store_practice_bodies, "practices"
