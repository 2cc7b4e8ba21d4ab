"""manage.py export_publications [--format ris|bibtex|csl-json] [--output FILE]: the public publications."""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from toolbox.citations import EXPORTERS, export_queryset
from toolbox.models import Publication


class Command(BaseCommand):
    help = "Export the public publications as RIS, BibTeX or CSL-JSON (the formats of the Toolbox's export links)."

    def add_arguments(self, parser):
        parser.add_argument("--format", "-f", choices=sorted(EXPORTERS), default="ris")
        parser.add_argument("--output", "-o", help="File to write; standard output when omitted.")

    def handle(self, *args, format="ris", output=None, **options):
        ids = list(Publication.objects.public().order_by("pk").values_list("pk", flat=True))
        body = EXPORTERS[format](export_queryset(ids), settings.BASE_URL)
        if output:
            with open(output, "w", encoding="utf-8") as stream:
                stream.write(body)
        else:
            sys.stdout.write(body)
        self.stderr.write(f"{len(ids)} publications exported.")
