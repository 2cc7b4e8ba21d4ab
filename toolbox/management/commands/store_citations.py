"""Store the formatted references of every public publication that has none or a stale one.

The task worker does this for each publication that changes; run this once after an upgrade or a
bulk load that bypassed the models (pages format a missing reference themselves meanwhile)."""

from django.core.management.base import BaseCommand

from toolbox.citations import store_citations
from toolbox.models import Publication

BATCH = 500


class Command(BaseCommand):
    help = "Store the formatted references (APA, every site language) of public publications that lack a current one."

    def add_arguments(self, parser):
        parser.add_argument("--slug", action="append", default=[], help="only these publications (repeatable)")

    def handle(self, *args, slug=(), **options):
        publications = Publication.objects.public().order_by("pk")
        if slug:
            publications = publications.filter(slug__in=slug)
        pks = list(publications.values_list("pk", flat=True))
        written = 0
        for start in range(0, len(pks), BATCH):
            batch = (
                Publication.objects.filter(pk__in=pks[start : start + BATCH])
                .select_related("stored_citation")
                .prefetch_related("authors", "themes")
            )
            written += store_citations(batch)
        self.stdout.write(f"{written} of {len(pks)} public publications stored")
