"""manage.py import_practices FILE: import practices from JSON Lines (the export's format).

Every line is validated first; if any line has an error, nothing is imported and each error is
reported with its line number and field.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from notifications.service import muted
from practices.api import PracticeSerializer


def validate_lines(lines):
    """Return (serializers, errors); errors are strings like 'regel 3, title: …'."""
    serializers, errors, seen = [], [], set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            errors.append(f"regel {number}: geen geldige JSON ({error.msg}).")
            continue
        if not isinstance(data, dict):
            errors.append(f"regel {number}: verwacht een JSON-object.")
            continue
        serializer = PracticeSerializer(data=data)
        if not serializer.is_valid():
            for field, messages in _flatten(serializer.errors):
                errors.append(f"regel {number}, {field}: {' '.join(messages)}")
            continue
        slug = serializer.validated_data["slug"]
        if slug in seen:
            errors.append(f"regel {number}, slug: '{slug}' komt meer dan eens voor in het bestand.")
        seen.add(slug)
        serializers.append(serializer)
    return serializers, errors


def _flatten(errors, prefix=""):
    if isinstance(errors, dict):
        for key, value in errors.items():
            yield from _flatten(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(errors, list) and errors and not isinstance(errors[0], str):
        for index, value in enumerate(errors):
            if value:
                yield from _flatten(value, f"{prefix}[{index}]")
    else:
        yield prefix or "line", [str(e) for e in errors]


class Command(BaseCommand):
    help = "Import practices from a JSON Lines file: all or nothing, with an error per line and field."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Only validate.")

    def handle(self, *args, file, dry_run=False, **options):
        try:
            with open(file, encoding="utf-8") as f:
                lines = f.readlines()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Kan {file} niet lezen: {error}") from error
        serializers, errors = validate_lines(lines)
        if errors:
            for error in errors:
                self.stderr.write(error)
            raise CommandError(f"{len(errors)} fout(en): er werd niets geïmporteerd.")
        if dry_run:
            self.stdout.write(f"{len(serializers)} praktijken zijn geldig (niets geïmporteerd).")
            return
        with transaction.atomic(), muted():
            for serializer in serializers:
                serializer.save()
        self.stdout.write(f"{len(serializers)} praktijken geïmporteerd.")
