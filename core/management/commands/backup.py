"""manage.py backup FILE: the database and the media files in one archive (see core/backups.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, make_backup


class Command(BaseCommand):
    help = "Maakt een back-up van de databank en de mediabestanden in één archief (met manifest en controlegetallen)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="het archief dat gemaakt wordt, bv. expoo-2026-11-22.tar.gz")
        parser.add_argument("--database", default="default", help="de databankalias (standaard: default)")

    def handle(self, *args, file, database, **options):
        try:
            result = make_backup(Path(file), alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        manifest = result.manifest
        media = sum(1 for name in manifest["files"] if name.startswith("media/"))
        media_note = f"{media} mediabestanden" if manifest["media"]["included"] else "geen media (externe opslag)"
        self.stdout.write(
            self.style.SUCCESS(
                f"Back-up geschreven naar {result.path}: {manifest['engine']}-databank met "
                f"{len(manifest['migrations'])} migraties, {media_note}."
            )
        )
