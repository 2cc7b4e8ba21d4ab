"""manage.py export_practices [--output FILE]: the public practices as JSON Lines, in the API's schema."""

import json
import sys

from django.core.management.base import BaseCommand

from practices.api import PracticeSerializer, api_queryset


class Command(BaseCommand):
    help = "Export public practices (level, published description, organisations, taxonomy) as JSON Lines."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write; standard output when omitted.")

    def handle(self, *args, output=None, **options):
        stream = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
        count = 0
        try:
            for practice in api_queryset().order_by("pk").iterator(chunk_size=200):
                stream.write(json.dumps(PracticeSerializer(practice).data, ensure_ascii=False) + "\n")
                count += 1
        finally:
            if output:
                stream.close()
        self.stderr.write(f"{count} practices exported.")
