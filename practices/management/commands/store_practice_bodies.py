"""Store the public pages' bodies of every public practice that has none or a stale one.

The task worker does this for each practice that changes. A new release makes every stored body
stale, so `make run` and `make serve` ask the worker for it at start-up (--background); run it
yourself after a bulk load that bypassed the models. Pages render a missing body themselves
meanwhile."""

from django.core.management.base import BaseCommand

from practices.body import store
from practices.models import Practice
from practices.tasks import store_practice_bodies


class Command(BaseCommand):
    help = "Store the public pages' bodies (every site language) of public practices that lack a current one."

    def add_arguments(self, parser):
        parser.add_argument("--slug", action="append", default=[], help="only these practices (repeatable)")
        parser.add_argument(
            "--background", action="store_true", help="leave it to the task worker (at start-up: the site serves meanwhile)"
        )

    def handle(self, *args, slug=(), background=False, **options):
        if background:
            store_practice_bodies.enqueue(None)
            self.stdout.write("the task worker will store the bodies of every public practice that lacks a current one")
            return
        practices = Practice.objects.public()
        if slug:
            practices = practices.filter(slug__in=slug)
        pks = list(practices.values_list("pk", flat=True))
        written = store(pks)
        self.stdout.write(f"{written} bodies of {len(pks)} public practices stored")
