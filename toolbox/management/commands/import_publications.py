"""manage.py import_publications FILE [--publish] [--dry-run]: import a RIS or BibTeX library.

Every record is checked first; if any has an error, nothing is imported and each error is reported
with its record and field. Imported publications are drafts unless --publish is given.
"""

from django.core.management.base import BaseCommand, CommandError

from notifications.service import muted
from toolbox import actions
from toolbox.importing import LibraryError, read_library


class Command(BaseCommand):
    help = "Import publications from a RIS or BibTeX file: all or nothing, with an error per record and field."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--publish", action="store_true", help="Publish at once (default: drafts).")
        parser.add_argument("--dry-run", action="store_true", help="Only check.")

    def handle(self, *args, file, publish=False, dry_run=False, **options):
        try:
            with open(file, "rb") as f:
                data = f.read()
        except OSError as error:
            raise CommandError(f"Kan {file} niet lezen: {error}") from error
        try:
            prepared, errors = read_library(data, file)
        except LibraryError as error:
            raise CommandError(str(error)) from error
        if errors:
            for error in errors:
                self.stderr.write(error)
            raise CommandError(f"{len(errors)} fout(en): er werd niets geïmporteerd.")
        if dry_run:
            self.stdout.write(f"{len(prepared)} publicatie(s) zijn in orde (niets geïmporteerd).")
            return
        with muted():
            created = actions.import_publications(prepared, publish=publish)
        state = "en gepubliceerd" if publish else "als concept"
        self.stdout.write(f"{len(created)} publicatie(s) geïmporteerd {state}.")
