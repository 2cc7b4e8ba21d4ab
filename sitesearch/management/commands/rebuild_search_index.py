"""manage.py rebuild_search_index [--kind K]: rebuild the site search from the models."""

import time

from django.core.management.base import BaseCommand, CommandError

from sitesearch import registry
from sitesearch.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the site search index (and its vocabulary) from the public content. Safe to run at any time."

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind", action="append", dest="kinds", help=f"Only this kind ({', '.join(registry.names())}); repeatable."
        )

    def handle(self, *args, kinds=None, verbosity=1, **options):
        unknown = set(kinds or []) - set(registry.names())
        if unknown:
            raise CommandError(f"Unknown kind(s): {', '.join(sorted(unknown))}. Known: {', '.join(registry.names())}.")
        started = time.monotonic()
        counts = rebuild(kinds, progress=self.stdout.write if verbosity > 1 else None)
        summary = ", ".join(f"{kind} {n}" for kind, n in counts.items())
        self.stdout.write(f"Search index rebuilt in {time.monotonic() - started:.1f} s: {summary}.")
