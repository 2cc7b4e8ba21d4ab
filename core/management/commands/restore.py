"""manage.py restore FILE [--yes]: put a backup made by `manage.py backup` back (see core/backups.py)."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, inspect, restore_backup


class Command(BaseCommand):
    help = (
        "Zet een back-up terug: vervangt de databank en de mediabestanden. Weigert een back-up van een andere "
        "databanksoort of van een nieuwere versie van de site."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="een archief van manage.py backup")
        parser.add_argument("--yes", action="store_true", help="niet om bevestiging vragen")
        parser.add_argument("--database", default="default", help="de databankalias (standaard: default)")

    def handle(self, *args, file, yes, database, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{path} bestaat niet.")
        try:
            found = inspect(path, alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        manifest = found.manifest
        self.stdout.write(
            f"Back-up van {manifest['created_at']} ({manifest['engine']}, {len(manifest['migrations'])} migraties, "
            f"{sum(1 for n in manifest['files'] if n.startswith('media/'))} mediabestanden)."
        )
        if not yes:
            if not sys.stdin.isatty():
                raise CommandError("Terugzetten vervangt de hele databank en alle mediabestanden. Bevestig met --yes.")
            answer = input("Dit vervangt de hele databank en alle mediabestanden. Typ 'ja' om verder te gaan: ")
            if answer.strip().lower() not in ("ja", "yes"):
                raise CommandError("Afgebroken: er is niets veranderd.")
        try:
            result = restore_backup(path, alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        media = "mediabestanden ongewijzigd" if result.media_files is None else f"{result.media_files} mediabestanden"
        self.stdout.write(self.style.SUCCESS(f"Teruggezet: de databank en {media}."))
        if result.older:
            self.stdout.write(
                self.style.WARNING(
                    f"De back-up is ouder dan deze code ({len(result.older)} migraties niet toegepast): "
                    "voer nu `manage.py migrate` uit."
                )
            )
        self.stdout.write("Herstart de webprocessen en de taakverwerker, zodat niets van voor het terugzetten blijft hangen.")
